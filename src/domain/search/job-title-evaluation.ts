/**
 * Scores occupation search on job-ad titles labelled with ESCO occupations: accuracy@1 (the first
 * hit is the labelled occupation) and MRR@10 (1 / rank of the labelled occupation among the first
 * ten, 0 beyond). Anything learned from titles (the titles a search index remembers) is judged
 * by k-fold cross-validation: learned on k-1 folds, scored on the held-out fold.
 */
import { reciprocalRank } from '../skill-mapping/ranking-metrics';

/** One labelled title. */
export interface LabelledTitle {
  readonly title: string;
  readonly occupationUri: string;
}

/** Figures over a set of titles. */
export interface TitleScores {
  readonly titles: number;
  readonly accuracyAt1: number;
  readonly mrrAt10: number;
}

/** Ranked list depth of MRR@10. */
export const MRR_DEPTH = 10;

/**
 * Scores ranked URI lists against their labels.
 *
 * @example
 * scoreTitles([['a', 'b'], ['x', 'a']], ['a', 'a']) // { titles: 2, accuracyAt1: 0.5, mrrAt10: 0.75 }
 */
export function scoreTitles(rankings: readonly (readonly string[])[], gold: readonly string[]): TitleScores {
  if (rankings.length !== gold.length) throw new RangeError('one ranking per title');
  const n = rankings.length;
  if (n === 0) return { titles: 0, accuracyAt1: 0, mrrAt10: 0 };
  let top = 0;
  let rr = 0;
  rankings.forEach((ranked, i) => {
    if (ranked[0] === gold[i]) top += 1;
    rr += reciprocalRank(ranked.slice(0, MRR_DEPTH), new Set([gold[i]!]));
  });
  return { titles: n, accuracyAt1: top / n, mrrAt10: rr / n };
}

/**
 * Fold of each title: titles are dealt to folds by a hash of their normalised text, so the same
 * title written twice never sits on both sides of a split (that would flatter a method that
 * remembers titles) and the folds do not depend on the file's order.
 *
 * @example
 * titleFolds(['Accountant', 'ACCOUNTANT ', 'Driver'], 5) // first two equal
 */
export function titleFolds(titles: readonly string[], k: number): number[] {
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError('k must be a whole number >= 2');
  return titles.map((title) => fnv1a(title.toLowerCase().replace(/\s+/g, ' ').trim()) % k);
}

/** Mean and sample standard deviation. */
export function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
}

// 32-bit FNV-1a: a fixed, well-spread hash, so folds are the same on every machine and run.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
