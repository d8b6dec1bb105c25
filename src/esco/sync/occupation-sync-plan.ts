/**
 * Turns one occupation fetched from the ESCO API (`fetchOccupationWithSkills`) into the normalized
 * records of the import write path. Pure: the caller looks up which linked URIs already exist in
 * the graph (and as what) and passes that in, so the rules are unit-tested without a database.
 *
 * The API does not type its broader links, so a link goes to the relationship the graph already
 * knows for its target; unknown targets follow the API relation (`broaderSkill` → a skill,
 * `broaderHierarchyConcept` → a skill group) and get a placeholder node carrying the link's label.
 */
import type { EscoLink, EscoOccupation, EscoSkill } from '../api/esco-types';
import type { OccupationWithSkills } from '../api/fetch-occupation-with-skills';
import type { ConceptKind, ConceptStub, IscoGroupStub } from '../import/esco-graph-repository';
import type { LinkRecord, OccupationRecord, SkillRecord } from '../import/esco-records';

/** Everything one occupation sync writes. */
export interface OccupationSyncPlan {
  readonly occupation: OccupationRecord;
  readonly skills: readonly SkillRecord[];
  readonly iscoGroupStubs: readonly IscoGroupStub[];
  readonly skillStubs: readonly ConceptStub[];
  readonly groupStubs: readonly ConceptStub[];
  readonly links: readonly LinkRecord[];
  /** The occupation's complete skill list; REQUIRES links to other skills are stale. */
  readonly requiredSkillUris: readonly string[];
}

/**
 * The ISCO code of an ISCO group link: the link's `code`, else the URI's last segment without
 * its `C` (`…/isco/C2512` → `2512`).
 */
export function iscoCodeOf(link: EscoLink): string | null {
  if (link.code) return link.code;
  const match = /\/isco\/C?(\d+)$/.exec(link.uri);
  return match ? match[1]! : null;
}

function isIscoUri(uri: string): boolean {
  return /\/esco\/isco\//.test(uri);
}

/** The occupation as an {@link OccupationRecord}; hidden labels and research are not in the API. */
export function occupationRecordOf(occupation: EscoOccupation): OccupationRecord {
  return {
    uri: occupation.uri,
    preferredLabel: occupation.preferredLabel,
    altLabels: occupation.alternativeLabels,
    description: occupation.description,
    code: occupation.code,
    iscoGroupCode: occupation.iscoGroup ? iscoCodeOf(occupation.iscoGroup) : null,
  };
}

/** A skill as a {@link SkillRecord}; hidden labels and collections are not in the API. */
export function skillRecordOf(skill: EscoSkill): SkillRecord {
  return {
    uri: skill.uri,
    preferredLabel: skill.preferredLabel,
    altLabels: skill.alternativeLabels,
    description: skill.description,
    skillType: skill.skillType,
    reuseLevel: skill.reuseLevel,
  };
}

/** URIs whose kind in the graph the plan needs: every broader target not fetched as a skill. */
export function linkTargets(data: OccupationWithSkills): string[] {
  const fetched = new Set(data.skills.map((skill) => skill.uri));
  return [...new Set(data.skillBroader.map((link) => link.broaderUri).filter((uri) => !fetched.has(uri)))];
}

/**
 * Plans the writes of one sync.
 *
 * @param kinds the label each of {@link linkTargets} has in the graph (absent: not in the graph)
 */
export function planOccupationSync(
  data: OccupationWithSkills,
  kinds: ReadonlyMap<string, ConceptKind>,
): OccupationSyncPlan {
  const occupation = data.occupation;
  const fetched = new Set(data.skills.map((skill) => skill.uri));
  const links: LinkRecord[] = [];
  const skillStubs = new Map<string, ConceptStub>();
  const groupStubs = new Map<string, ConceptStub>();
  const iscoGroupStubs = new Map<string, IscoGroupStub>();

  for (const relation of data.occupationSkills) {
    links.push({
      kind: 'occupation-skill',
      from: relation.occupationUri,
      to: relation.skillUri,
      relation: relation.relationType === 'essential' ? 'ESSENTIAL' : 'OPTIONAL',
    });
  }

  for (const link of data.skillBroader) {
    const known = fetched.has(link.broaderUri) ? 'skill' : kinds.get(link.broaderUri);
    const kind = known ?? (link.via === 'broaderSkill' ? 'skill' : 'group');
    if (kind === 'skill') {
      if (known === undefined)
        skillStubs.set(link.broaderUri, { uri: link.broaderUri, preferredLabel: link.broaderTitle });
      links.push({ kind: 'skill-broader', from: link.skillUri, to: link.broaderUri });
    } else if (kind === 'group') {
      if (known === undefined)
        groupStubs.set(link.broaderUri, { uri: link.broaderUri, preferredLabel: link.broaderTitle });
      links.push({ kind: 'skill-in-group', from: link.skillUri, to: link.broaderUri });
    }
    // An occupation or ISCO group as a skill's broader concept would be an API error: ignored.
  }

  for (const skill of data.skills) {
    for (const [relation, targets] of [
      ['ESSENTIAL', skill.essentialSkills],
      ['OPTIONAL', skill.optionalSkills],
    ] as const) {
      for (const target of targets) links.push({ kind: 'skill-related', from: skill.uri, to: target.uri, relation });
    }
  }

  const iscoLinks = [
    ...(occupation.iscoGroup ? [occupation.iscoGroup] : []),
    ...occupation.broader.filter((link) => isIscoUri(link.uri)),
  ];
  for (const link of iscoLinks) {
    const code = iscoCodeOf(link);
    if (code !== null) iscoGroupStubs.set(link.uri, { uri: link.uri, code, preferredLabel: link.title });
    links.push({ kind: 'occupation-isco-group', from: occupation.uri, to: link.uri });
  }
  for (const link of occupation.broader) {
    if (!isIscoUri(link.uri)) links.push({ kind: 'occupation-broader', from: occupation.uri, to: link.uri });
  }

  return {
    occupation: occupationRecordOf(occupation),
    skills: data.skills.map(skillRecordOf),
    iscoGroupStubs: [...iscoGroupStubs.values()],
    skillStubs: [...skillStubs.values()],
    groupStubs: [...groupStubs.values()],
    links: dedupeLinks(links),
    requiredSkillUris: [...new Set(data.occupationSkills.map((relation) => relation.skillUri))],
  };
}

function dedupeLinks(links: readonly LinkRecord[]): LinkRecord[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.kind} ${link.from} ${link.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
