/** Plain rows the ESCO repository returns; GraphQL object types are shaped on them. */

/** An ESCO skill or knowledge concept. */
export interface SkillRow {
  uri: string;
  preferredLabel: string;
  altLabels: string[] | null;
  hiddenLabels: string[] | null;
  description: string | null;
  skillType: string | null;
  reuseLevel: string | null;
  collections: string[] | null;
}

/** An ESCO occupation. */
export interface OccupationRow {
  uri: string;
  preferredLabel: string;
  altLabels: string[] | null;
  hiddenLabels: string[] | null;
  description: string | null;
  code: string | null;
  iscoGroupCode: string | null;
  essentialCount: number | null;
  optionalCount: number | null;
}

/** An ISCO-08 group. */
export interface IscoGroupRow {
  uri: string;
  code: string;
  preferredLabel: string;
  description: string | null;
}

/** An ESCO skill group (skills pillar grouping, not part of skill matching). */
export interface SkillGroupRow {
  uri: string;
  preferredLabel: string;
  description: string | null;
  code: string | null;
}

/** An occupation that requires a skill, with how. */
export interface RequiringOccupationRow {
  relation: 'ESSENTIAL' | 'OPTIONAL';
  occupation: OccupationRow;
}

/** A skill ESCO relates to another skill (skillSkillRelations), with how. */
export interface RelatedSkillRow {
  relation: 'ESSENTIAL' | 'OPTIONAL';
  skill: SkillRow;
}

/** One language's labels of a concept; null where the concept has no translation. */
export interface TranslationRow {
  uri: string;
  preferredLabel: string | null;
  altLabels: string[] | null;
  description: string | null;
}
