/**
 * Turns normalized records into the parameter rows of the `cypher/esco-import/` queries. Derived
 * properties (label texts for the full-text indexes, label keys for exact matching) are computed
 * here, once, so every source stores them identically. Fields a source does not know become
 * `null`, which the queries read as "keep the stored value" (`coalesce`).
 */
import type { IscoGroupRecord, LinkRecord, OccupationRecord, SkillGroupRecord, SkillRecord } from './esco-records';
import { labelKeysOf, labelsText } from './label-keys';

/** Parameter row of `esco-import/merge-skills`. */
export function skillParams(record: SkillRecord) {
  return {
    uri: record.uri,
    preferredLabel: record.preferredLabel,
    altLabels: [...record.altLabels],
    altLabelsText: labelsText(record.altLabels),
    hiddenLabels: record.hiddenLabels ? [...record.hiddenLabels] : null,
    hiddenLabelsText: record.hiddenLabels ? labelsText(record.hiddenLabels) : null,
    labelKeys: labelKeysOf(record.preferredLabel, record.altLabels),
    description: record.description,
    skillType: record.skillType,
    reuseLevel: record.reuseLevel,
    // Sorted so the stored list does not depend on the order collection files were read.
    collections: record.collections ? [...new Set(record.collections)].sort() : null,
  };
}

/** Parameter row of `esco-import/merge-skill-groups`. */
export function skillGroupParams(record: SkillGroupRecord) {
  return {
    uri: record.uri,
    preferredLabel: record.preferredLabel,
    altLabels: [...record.altLabels],
    description: record.description,
    code: record.code,
  };
}

/** Parameter row of `esco-import/merge-occupations`; `i` is the row's index in its batch. */
export function occupationParams(record: OccupationRecord, i: number) {
  return {
    i,
    uri: record.uri,
    preferredLabel: record.preferredLabel,
    altLabels: [...record.altLabels],
    altLabelsText: labelsText(record.altLabels),
    hiddenLabels: record.hiddenLabels ? [...record.hiddenLabels] : null,
    hiddenLabelsText: record.hiddenLabels ? labelsText(record.hiddenLabels) : null,
    description: record.description,
    code: record.code,
    iscoGroupCode: record.iscoGroupCode,
    research: record.research ?? null,
  };
}

/** Parameter row of `esco-import/merge-isco-groups`. */
export function iscoGroupParams(record: IscoGroupRecord) {
  return { uri: record.uri, code: record.code, preferredLabel: record.preferredLabel, description: record.description };
}

/** Parameter row of the link queries; `i` is the row's index in its batch. */
export function linkParams(record: LinkRecord, i: number) {
  return { i, from: record.from, to: record.to, relation: record.relation ?? null };
}
