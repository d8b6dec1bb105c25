/**
 * Normalized ESCO records: the one shape the graph writer accepts. The CSV reader and the API
 * sync both produce these, so every source goes through the same write path and the same rules.
 *
 * Optional (`?`) fields mean "this source does not know": the writer then keeps what the graph
 * already holds. `null` means "known to be empty" and clears the property.
 */

/** Skill type as written in the graph (the CSV vocabulary). */
export type SkillType = 'skill/competence' | 'knowledge';

/** How an occupation needs a skill, or how one skill relates to another. */
export type RelationKind = 'ESSENTIAL' | 'OPTIONAL';

/** One skill or knowledge concept. */
export interface SkillRecord {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  /** Unknown for the ESCO API, which does not publish hidden labels. */
  readonly hiddenLabels?: readonly string[];
  readonly description: string | null;
  readonly skillType: SkillType | null;
  readonly reuseLevel: string | null;
  /** Collection names (`digital`, `green`, …); unknown for the ESCO API. */
  readonly collections?: readonly string[];
}

/** One skill group of the skills pillar hierarchy (including ISCED-F fields). */
export interface SkillGroupRecord {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  readonly description: string | null;
  readonly code: string | null;
}

/** One occupation. */
export interface OccupationRecord {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  readonly hiddenLabels?: readonly string[];
  readonly description: string | null;
  /** ESCO occupation code such as `2512.4`. */
  readonly code: string | null;
  /** ISCO unit group code such as `2512`; the writer links the occupation to that group. */
  readonly iscoGroupCode: string | null;
  /** Member of the research occupations collection; unknown for the ESCO API. */
  readonly research?: boolean;
}

/** One ISCO-08 group (any level). */
export interface IscoGroupRecord {
  readonly uri: string;
  /** Kept as text: codes have meaningful leading zeros (`0110`). */
  readonly code: string;
  readonly preferredLabel: string;
  readonly description: string | null;
}

/**
 * The link kinds of the graph model, each written by its own query:
 *
 * | kind                    | pattern                                               |
 * |-------------------------|-------------------------------------------------------|
 * | `skill-broader`         | `(:Skill)-[:BROADER]->(:Skill)`                        |
 * | `skill-in-group`        | `(:Skill)-[:IN_GROUP]->(:SkillGroup)`                  |
 * | `group-broader`         | `(:SkillGroup)-[:BROADER_GROUP]->(:SkillGroup)`        |
 * | `occupation-broader`    | `(:Occupation)-[:BROADER_OCCUPATION]->(:Occupation)`   |
 * | `occupation-isco-group` | `(:Occupation)-[:IN_ISCO_GROUP]->(:IscoGroup)`         |
 * | `isco-broader`          | `(:IscoGroup)-[:BROADER_ISCO]->(:IscoGroup)`           |
 * | `skill-related`         | `(:Skill)-[:RELATED_SKILL {relation}]->(:Skill)`       |
 * | `occupation-skill`      | `(:Occupation)-[:REQUIRES {relation}]->(:Skill)`       |
 */
export type LinkKind =
  | 'skill-broader'
  | 'skill-in-group'
  | 'group-broader'
  | 'occupation-broader'
  | 'occupation-isco-group'
  | 'isco-broader'
  | 'skill-related'
  | 'occupation-skill';

/** Every link kind, in the order the importer writes them. */
export const LINK_KINDS: readonly LinkKind[] = [
  'skill-broader',
  'skill-in-group',
  'group-broader',
  'occupation-broader',
  'occupation-isco-group',
  'isco-broader',
  'skill-related',
  'occupation-skill',
];

/** A relationship between two concepts, identified by URI; `relation` only for qualified kinds. */
export interface LinkRecord {
  readonly kind: LinkKind;
  readonly from: string;
  readonly to: string;
  readonly relation?: RelationKind;
}
