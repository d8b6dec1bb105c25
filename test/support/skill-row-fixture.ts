import type { SkillRow } from '../../src/db/repositories/esco-rows';

/** A skill record as the ESCO repository returns it, with nothing but a URI and a label. */
export function skillRowFixture(uri: string, preferredLabel = uri): SkillRow {
  return {
    uri,
    preferredLabel,
    altLabels: null,
    hiddenLabels: null,
    description: null,
    skillType: null,
    reuseLevel: null,
    collections: null,
  };
}
