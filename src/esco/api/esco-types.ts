/**
 * Typed results of the ESCO web-service API, as returned by `EscoApiClient`.
 *
 * The API speaks HAL (`_links`, `_embedded`) and returns every multilingual map in all languages.
 * These records flatten that: single-language fields hold the language the request asked for,
 * and `labels` keeps the full maps for importers that store every language.
 */

/** What a search or suggest call may look for; mirrors the API's `type` parameter. */
export type EscoSearchType = 'skill' | 'occupation' | 'concept';

/** Skill type in the vocabulary of the ESCO CSV download (`skills_en.csv`, column `skillType`). */
export type EscoSkillType = 'skill/competence' | 'knowledge';

/**
 * Reuse level in the vocabulary of the ESCO CSV download. Kept as a string because it is the last
 * segment of a URI the API controls (`…/skill-reuse-level/sector-specific`).
 */
export type EscoReuseLevel = 'transversal' | 'cross-sector' | 'sector-specific' | 'occupation-specific' | string;

/** A HAL link to another concept, reduced to what callers use. */
export interface EscoLink {
  uri: string;
  /** Label in the requested language, or '' when the API sent none. */
  title: string;
  /** ISCO code (`"2512"`) or reuse-level code (`"Level 4"`) when the link carries one. */
  code?: string;
}

/** An occupation→skill link: the title plus the skill type the API attaches to it. */
export interface EscoSkillRef {
  uri: string;
  title: string;
  /** `null` when the link had no `skillType` or an unknown one. */
  skillType: EscoSkillType | null;
}

/** The multilingual maps of a resource, flattened to plain strings. */
export interface EscoLabels {
  /** language → preferred label */
  preferred: Record<string, string>;
  /** language → alternative labels */
  alternative: Record<string, string[]>;
  /** language → description text */
  description: Record<string, string>;
}

/** Fields every single-resource record shares. */
export interface EscoResourceBase {
  uri: string;
  /** `Occupation`, `Skill`, `Concept`, `Taxonomy`, … as sent by the API. */
  className: string;
  /** The language the single-language fields below are in. */
  language: string;
  preferredLabel: string;
  alternativeLabels: string[];
  description: string | null;
  /** `released` for live concepts; `null` when absent. */
  status: string | null;
  labels: EscoLabels;
}

/** One occupation (`/resource/occupation`). */
export interface EscoOccupation extends EscoResourceBase {
  kind: 'occupation';
  /** ESCO occupation code such as `2512.4`. */
  code: string | null;
  /** The ISCO unit group the occupation sits under, when linked. */
  iscoGroup: EscoLink | null;
  essentialSkills: EscoSkillRef[];
  optionalSkills: EscoSkillRef[];
  /** Broader occupations and ISCO groups, in that order. */
  broader: EscoLink[];
  narrower: EscoLink[];
}

/** One skill or knowledge concept (`/resource/skill`). */
export interface EscoSkill extends EscoResourceBase {
  kind: 'skill';
  skillType: EscoSkillType | null;
  reuseLevel: EscoReuseLevel | null;
  /** `broaderSkill` links: parent skills or skill groups. */
  broaderSkills: EscoLink[];
  /** `broaderHierarchyConcept` links: skill groups (`skill/S…`) or ISCED-F fields. */
  broaderHierarchyConcepts: EscoLink[];
  narrowerSkills: EscoLink[];
  /** Skill→skill relations (`skillSkillRelations.csv`). */
  essentialSkills: EscoLink[];
  optionalSkills: EscoLink[];
  essentialForOccupations: EscoLink[];
  optionalForOccupations: EscoLink[];
}

/** Any other SKOS concept (`/resource/concept`): ISCO groups, skill groups, skill types, … */
export interface EscoConcept extends EscoResourceBase {
  kind: 'concept';
  /** ISCO code for ISCO groups (`"2512"`); `null` otherwise. */
  code: string | null;
  broader: EscoLink[];
  narrower: EscoLink[];
  /** Every relation under `_links` except `self`, for relations this record does not name. */
  links: Record<string, EscoLink[]>;
}

/** One hit of `/search` or `/suggest2`. */
export interface EscoSearchHit {
  uri: string;
  /** Label in the requested language. */
  title: string;
  className: string;
  /** Derived from `className`: `Occupation` → occupation, `Skill` → skill, anything else → concept. */
  type: EscoSearchType;
  /** The label that matched the query (may be an alternative label). */
  searchHit: string | null;
  /** Occupation or ISCO code when the hit carries one. */
  code: string | null;
  skillType: EscoSkillType | null;
  reuseLevel: EscoReuseLevel | null;
  /** The hit's relations as plain URI lists (`broaderIscoGroup`, `broaderSkill`, `isInScheme`, …). */
  relations: Record<string, string[]>;
}

/** A page of `/search` or `/suggest2` results. */
export interface EscoSearchResult {
  total: number;
  /** Zero-based page index (the API calls it `offset`). */
  page: number;
  limit: number;
  hasNext: boolean;
  results: EscoSearchHit[];
}

/** Any single-resource record; `kind` tells them apart. */
export type EscoResource = EscoOccupation | EscoSkill | EscoConcept;

/** One item of a `/resource/related` page. `resource` is present only when `full` was requested. */
export interface EscoRelatedItem {
  uri: string;
  title: string;
  className: string | null;
  code: string | null;
  resource?: EscoResource;
}

/** A page of `/resource/related`. */
export interface EscoRelatedPage {
  uri: string;
  relation: string;
  total: number;
  page: number;
  limit: number;
  hasNext: boolean;
  items: EscoRelatedItem[];
}
