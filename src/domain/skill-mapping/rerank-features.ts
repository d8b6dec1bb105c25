/**
 * Features of the learned re-ranking of skill candidates, and the re-ranking itself. The lexical
 * ranking (`rankCandidates`) judges each candidate alone; these features add what ESCO knows about
 * candidates together: a skill that occupations need alongside other well-matched skills of the
 * text is more likely meant (a sentence about SQL and Java is about software, not about
 * "Java" the island), as is one whose broader, narrower or related skill is also matched; and
 * how many occupations need a skill (job ads name common skills more often than rare ones).
 */
import { predictLogistic, type LogisticModel } from './logistic-model';
import type { LexicalScore } from './score-candidates';
import type { RankedSkill } from './skill-candidate';

/** What the features read about skills (the in-memory `SkillIndex`). */
export interface SkillRelations {
  cooccurrence(a: string, b: string): number;
  linked(a: string, b: string): boolean;
  occupationCount(uri: string): number;
  skill(uri: string): { readonly reuseLevel: string | null; readonly skillType: string | null } | undefined;
}

/** Names of the features, in vector order. */
export const RERANK_FEATURES = [
  'lexicalScore',
  'labelScore',
  'descriptionScore',
  'phraseMatch',
  'reciprocalLexicalRank',
  'occupationCooccurrence',
  'linkedSkillSupport',
  'occupationCount',
  'transversal',
  'knowledge',
] as const;

/** Candidates of the lexical ranking's head that lend support to others (fixed, not tuned). */
export const SUPPORT_POOL = 10;

/** A candidate with its feature vector. */
export interface FeaturedCandidate {
  readonly lexical: LexicalScore;
  readonly features: number[];
}

/**
 * Feature vectors of a lexical ranking (best first).
 *
 * @example
 * rerankFeatures(rankCandidates(text, candidates, vocabulary), index)[0].features.length // 10
 */
export function rerankFeatures(ranked: readonly LexicalScore[], relations: SkillRelations): FeaturedCandidate[] {
  const pool = ranked.slice(0, SUPPORT_POOL);
  return ranked.map((candidate, rank) => {
    let cooccurrence = 0;
    let linked = 0;
    for (const other of pool) {
      if (other.uri === candidate.uri) continue;
      cooccurrence = Math.max(cooccurrence, other.score * relations.cooccurrence(candidate.uri, other.uri));
      if (other.score > linked && relations.linked(candidate.uri, other.uri)) linked = other.score;
    }
    const skill = relations.skill(candidate.uri);
    const reuse = skill?.reuseLevel ?? '';
    return {
      lexical: candidate,
      features: [
        candidate.score,
        candidate.labelScore,
        candidate.description,
        candidate.method === 'phrase' ? 1 : 0,
        1 / (rank + 1),
        cooccurrence,
        linked,
        Math.log1p(relations.occupationCount(candidate.uri)),
        reuse === 'transversal' || reuse === 'cross-sector' ? 1 : 0,
        skill?.skillType === 'knowledge' ? 1 : 0,
      ],
    };
  });
}

/**
 * Orders candidates by the model's probability, best first. A text that is exactly one of a
 * skill's labels keeps its lexical score (1 for the preferred label): that is identity, not a guess,
 * and the model, fitted on sentences, has never seen it.
 */
export function rerank(featured: readonly FeaturedCandidate[], model: LogisticModel): RankedSkill[] {
  return featured
    .map(
      ({ lexical, features }): RankedSkill => ({
        uri: lexical.uri,
        score: lexical.method === 'exact' ? lexical.score : Math.min(0.999, predictLogistic(model, features)),
        matchedLabel: lexical.matchedLabel,
        method: lexical.method,
      }),
    )
    .sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
