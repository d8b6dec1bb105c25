/**
 * Ranks candidate skills for a text. Each label of a candidate (preferred, alternative, hidden) is
 * compared with the text on word stems weighted by rarity: how much of the label the text covers,
 * how tightly the matched words sit together in the text, whether they form the label's phrase,
 * and how much evidence the match carries. The best label decides; the description and a mild
 * prior for widely reusable skills only break near-ties.
 */
import type { LabelVocabulary } from './label-vocabulary';
import type { MatchMethod, RankedSkill, SkillCandidate } from './skill-candidate';
import { tokenize, type Token } from './text-tokens';

/** Weights of the ranking; the defaults were tuned on the validation sentences. */
export interface RankingWeights {
  readonly labelCoveragePower: number;
  readonly densityPower: number;
  /** Matched rarity at which the evidence factor reaches 63 %. */
  readonly evidenceScale: number;
  readonly altLabelFactor: number;
  readonly hiddenLabelFactor: number;
  readonly phraseBonus: number;
  readonly descriptionWeight: number;
  readonly reusePrior: Readonly<Record<string, number>>;
  /** Per extra content word of the label beyond the matched ones. */
  readonly lengthPenalty: number;
  /** Weight of a common word of a label ("on", "your") against a content word's rarity (about 2-10). */
  readonly stopWordWeight: number;
  /** How much a suggestion loses when the words it matched are already explained by better ones (0-1). */
  readonly redundancyPenalty: number;
  /** Share of the second-best label's score added (scaled by what the best one leaves). */
  readonly synonymWeight: number;
  /** Prior for skills many occupations require (log-scaled, at most this much). */
  readonly popularityWeight: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  labelCoveragePower: 2,
  densityPower: 1,
  evidenceScale: 4,
  altLabelFactor: 0.97,
  hiddenLabelFactor: 0.9,
  phraseBonus: 0.15,
  descriptionWeight: 0.15,
  reusePrior: { transversal: 0.03, 'cross-sector': 0.02, 'sector-specific': 0.01, 'occupation-specific': 0 },
  lengthPenalty: 0.01,
  stopWordWeight: 1,
  redundancyPenalty: 0,
  synonymWeight: 0,
  popularityWeight: 0,
};

interface TextView {
  readonly key: string;
  /** Content tokens of the text, in order. */
  readonly content: readonly Token[];
  /** Positions of each content stem. */
  readonly positions: ReadonlyMap<string, number[]>;
  /** Every word, common ones included. */
  readonly words: ReadonlySet<string>;
}

/** Evidence of one label. */
interface LabelMatch {
  readonly label: string;
  readonly score: number;
  readonly method: MatchMethod;
  /** Positions of the text's content words the label accounts for. */
  readonly covered: readonly number[];
  readonly features?: Record<string, number>;
}

/** The exact-match key of a text or label (same as Skill.labelKeys). */
export function matchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function viewOf(text: string): TextView {
  const tokens = tokenize(text);
  const content = tokens.filter((t) => !t.stop);
  const positions = new Map<string, number[]>();
  content.forEach((t, i) => positions.set(t.stem, [...(positions.get(t.stem) ?? []), i]));
  return { key: matchKey(text), content, positions, words: new Set(tokens.map((t) => t.word)) };
}

/** Smallest window of text positions holding one occurrence of every matched stem. */
function minimalSpan(stems: readonly string[], positions: ReadonlyMap<string, number[]>): [number, number] {
  const events = stems.flatMap((stem, s) => (positions.get(stem) ?? []).map((pos) => ({ pos, s }))).sort((a, b) => a.pos - b.pos);
  const counts = new Array<number>(stems.length).fill(0);
  let covered = 0;
  let best: [number, number] = [events[0]!.pos, events.at(-1)!.pos];
  let left = 0;
  for (const event of events) {
    if (counts[event.s]++ === 0) covered += 1;
    while (covered === stems.length) {
      const start = events[left]!;
      if (event.pos - start.pos < best[1] - best[0]) best = [start.pos, event.pos];
      if (--counts[start.s] === 0) covered -= 1;
      left += 1;
    }
  }
  return best;
}

function labelParts(label: string): { stems: string[]; stopWords: string[] } {
  const tokens = tokenize(label);
  const content = tokens.filter((t) => !t.stop);
  // A label made only of common words ("LESS", "IT") is matched on those words.
  if (content.length === 0) return { stems: [...new Set(tokens.map((t) => t.stem))], stopWords: [] };
  return { stems: [...new Set(content.map((t) => t.stem))], stopWords: [...new Set(tokens.filter((t) => t.stop).map((t) => t.word))] };
}

function matchLabel(label: string, factor: number, text: TextView, vocabulary: LabelVocabulary, w: RankingWeights): LabelMatch | null {
  if (matchKey(label) === text.key) return { label, score: 1, method: 'exact', covered: text.content.map((_, i) => i) };
  const { stems, stopWords } = labelParts(label);
  if (stems.length === 0) return null;
  const matched = stems.filter((stem) => text.positions.has(stem));
  if (matched.length === 0) return null;
  const idf = (stem: string) => vocabulary.idf(stem);
  const matchedStops = stopWords.filter((word) => text.words.has(word)).length;
  const labelMass = stems.reduce((sum, s) => sum + idf(s), 0) + w.stopWordWeight * stopWords.length;
  const matchedMass = matched.reduce((sum, s) => sum + idf(s), 0);
  const coverage = (matchedMass + w.stopWordWeight * matchedStops) / labelMass;
  const [from, to] = minimalSpan(matched, text.positions);
  let spanMass = 0;
  const inSpan = new Set<string>();
  const matchedSet = new Set(matched);
  const covered: number[] = [];
  for (let i = from; i <= to; i += 1) {
    const stem = text.content[i]!.stem;
    if (!inSpan.has(stem)) spanMass += idf(stem);
    inSpan.add(stem);
    if (matchedSet.has(stem)) covered.push(i);
  }
  const density = matchedMass / spanMass;
  const phrase = matched.length === stems.length && to - from + 1 === stems.length;
  const evidence = 1 - Math.exp(-matchedMass / w.evidenceScale);
  let score = Math.pow(coverage, w.labelCoveragePower) * Math.pow(density, w.densityPower) * evidence;
  if (phrase) score = score + (1 - score) * w.phraseBonus;
  score -= w.lengthPenalty * (stems.length - matched.length);
  return { label, score: Math.max(0, score * factor), method: phrase ? 'phrase' : 'partial', covered,
    features: { coverage, density, phrase: phrase ? 1 : 0, evidence, mass: matchedMass, unmatched: stems.length - matched.length, matched: matched.length, single: stems.length === 1 ? 1 : 0, alt: factor === w.altLabelFactor ? 1 : 0, hidden: factor === w.hiddenLabelFactor ? 1 : 0, stopsMissing: stopWords.length - matchedStops, labelMass } };
}

/**
 * Ranks candidates for `text`, best first (ties by URI for a stable order).
 *
 * @example
 * rankCandidates('javascript', [jsCandidate], vocabulary)[0] // { uri: jsUri, score: 1, matchedLabel: 'JavaScript', method: 'exact' }
 */
export function rankCandidates(
  text: string,
  candidates: readonly SkillCandidate[],
  vocabulary: LabelVocabulary,
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
): RankedSkill[] {
  const view = viewOf(text);
  const maxDescription = Math.max(0, ...candidates.flatMap((c) => c.hits.filter((h) => h.query < 0).map((h) => h.score)));
  const scored = candidates.map((candidate): Scored => {
    let best: LabelMatch | null = null;
    let second = 0;
    const consider = (label: string, factor: number) => {
      const match = matchLabel(label, factor, view, vocabulary, weights);
      if (!match) return;
      if (best === null || match.score > best.score) {
        second = best?.score ?? 0;
        best = match;
      } else if (match.score > second) second = match.score;
    };
    consider(candidate.preferredLabel, 1);
    for (const label of candidate.altLabels) consider(label, weights.altLabelFactor);
    for (const label of candidate.hiddenLabels) consider(label, weights.hiddenLabelFactor);
    const descriptionHit = Math.max(0, ...candidate.hits.filter((h) => h.query < 0).map((h) => h.score));
    const description = maxDescription > 0 ? descriptionHit / maxDescription : 0;
    const prior = weights.reusePrior[candidate.reuseLevel ?? ''] ?? 0;
    const found = best as LabelMatch | null;
    // A second label matching as well is corroboration: the text and the skill agree in more than one wording.
    const labelScore = Math.min(1, (found?.score ?? 0) + weights.synonymWeight * second * (1 - (found?.score ?? 0)));
    const popularity = weights.popularityWeight * Math.min(1, Math.log1p(candidate.occupations) / Math.log1p(1000));
    const score = Math.min(1, labelScore * (1 - weights.descriptionWeight) + description * weights.descriptionWeight + (prior + popularity) * (1 - labelScore));
    return {
      uri: candidate.uri,
      score: found?.method === 'exact' ? 1 : score,
      matchedLabel: found?.label ?? null,
      method: found?.method ?? 'description',
      covered: found?.covered ?? [],
      features: { ...(found?.features ?? {}), exact: found?.method === 'exact' ? 1 : 0, labelScore: found?.score ?? 0, second, description, transversal: candidate.reuseLevel === 'transversal' ? 1 : 0, crossSector: candidate.reuseLevel === 'cross-sector' ? 1 : 0, sectorSpecific: candidate.reuseLevel === 'sector-specific' ? 1 : 0, knowledge: candidate.skillType === 'knowledge' ? 1 : 0, occupations: Math.log1p(candidate.occupations), textTokens: view.content.length, heuristic: found?.method === 'exact' ? 1 : score },
    } as Scored;
  });
  scored.sort(byScore);
  return diversify(scored, view, vocabulary, weights.redundancyPenalty).map(({ covered: _covered, ...ranked }) => ranked);
}

interface Scored extends RankedSkill {
  readonly covered: readonly number[];
}

function byScore(a: RankedSkill, b: RankedSkill): number {
  return b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** How many of the best candidates are re-ordered greedily; the tail keeps its order. */
const DIVERSIFY_TOP = 100;

/**
 * Re-orders so that each next suggestion explains words the better ones left unexplained: a text
 * naming three skills should list those three before a fourth synonym of the first. A candidate's
 * score is discounted by the share (by rarity) of its matched words already covered.
 */
function diversify(sorted: Scored[], text: TextView, vocabulary: LabelVocabulary, penalty: number): Scored[] {
  if (penalty <= 0) return sorted;
  const weightAt = (pos: number) => vocabulary.idf(text.content[pos]!.stem);
  const covered = new Set<number>();
  const adjusted = (c: Scored) => {
    if (c.covered.length === 0 || c.method === 'exact') return c.score;
    let total = 0;
    let seen = 0;
    for (const pos of c.covered) {
      const weight = weightAt(pos);
      total += weight;
      if (covered.has(pos)) seen += weight;
    }
    return c.score * (1 - penalty * (seen / total));
  };
  const pool = sorted.slice(0, DIVERSIFY_TOP);
  const out: Scored[] = [];
  while (pool.length > 0) {
    let bestIndex = 0;
    let bestScore = -1;
    pool.forEach((c, i) => {
      const score = adjusted(c);
      if (score > bestScore) {
        bestScore = score;
        bestIndex = i;
      }
    });
    const [pick] = pool.splice(bestIndex, 1);
    out.push({ ...pick!, score: bestScore });
    pick!.covered.forEach((pos) => covered.add(pos));
  }
  const floor = out.at(-1)?.score ?? 1;
  const tail = sorted.slice(DIVERSIFY_TOP).map((c) => ({ ...c, score: Math.min(floor, adjusted(c)) }));
  return [...out, ...tail.sort(byScore)];
}
