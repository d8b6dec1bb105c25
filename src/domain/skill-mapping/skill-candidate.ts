/** What the candidate look-up returns and what the ranking makes of it. */

/** One full-text hit: which planned query found the skill, and Lucene's score. */
export interface CandidateHit {
  /** Index into the plan's label queries, or -1 for the description query. */
  readonly query: number;
  readonly score: number;
}

/** The facts of an ESCO skill that matching and ranking read. */
export interface SkillFacts {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  readonly hiddenLabels: readonly string[];
  readonly description: string | null;
  readonly reuseLevel: string | null;
  readonly skillType: string | null;
}

/** A skill found by the look-up, with the facts the ranking uses. */
export interface SkillCandidate extends SkillFacts {
  readonly hits: readonly CandidateHit[];
}

/** How the best evidence for a suggestion was found. */
export type MatchMethod = 'exact' | 'phrase' | 'partial' | 'description';

/** A ranked suggestion. */
export interface RankedSkill {
  readonly uri: string;
  /** In [0, 1]; 1 means the text is exactly one of the skill's labels. Comparable across texts. */
  readonly score: number;
  /** The label (preferred, alternative or hidden) that matched best; null for description-only matches. */
  readonly matchedLabel: string | null;
  readonly method: MatchMethod;
}
