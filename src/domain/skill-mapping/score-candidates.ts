/**
 * Ranks candidate skills for a text. Each label of a candidate (preferred, alternative, hidden) is
 * compared with the text on word stems weighted by rarity among ESCO labels:
 *
 * - coverage: how much of the label the text contains (a label is a claim; unmatched words of it
 *   are unsupported);
 * - density: how tightly the matched words sit together in the text (words scattered over a long
 *   sentence rarely name one skill);
 * - evidence: how much rarity was matched (one common word is weak evidence, two rare ones strong);
 * - phrase: the label's words appear in the text as one run, in order.
 *
 * The best label decides; the description index and a mild prior for widely reusable skills
 * separate candidates the labels cannot.
 */
import type { LabelVocabulary } from './label-vocabulary';
import type { MatchMethod, RankedSkill, SkillCandidate } from './skill-candidate';
import { tokenize, type Token } from './text-tokens';

/** Weights of the ranking; the defaults were tuned on the validation sentences. */
export interface RankingWeights {
  readonly labelCoveragePower: number;
  readonly densityPower: number;
  /** Matched rarity at which the evidence factor reaches 63 % (an idf of a rare word is about 9). */
  readonly evidenceScale: number;
  readonly altLabelFactor: number;
  readonly hiddenLabelFactor: number;
  /** Share of the remaining distance to 1 granted to a phrase match. */
  readonly phraseBonus: number;
  /** Per content word of the label the text lacks. */
  readonly lengthPenalty: number;
  /** Weight of a common word of a label ("on", "your") against a content word's rarity (about 2-10). */
  readonly stopWordWeight: number;
  /** Share of the score given to the description index's opinion. */
  readonly descriptionWeight: number;
  /** Added in proportion to what the label match leaves, by ESCO reuse level. */
  readonly reusePrior: Readonly<Record<string, number>>;
  /**
   * How much a short text (a tag, a title) must be explained by the label: the score is scaled by
   * the matched share of the text's rarity to this power, fading out as the text reaches
   * `shortTextWords` content words ("Google Cloud Platform" is not "search engines" because of
   * "Google").
   */
  readonly textCoveragePower: number;
  readonly shortTextWords: number;
  /** Scores of exact matches on alternative and hidden labels (a preferred label scores 1). */
  readonly exactAltScore: number;
  readonly exactHiddenScore: number;
}

/** Weights used by the service (tuned on tech_validation + house_validation). */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  labelCoveragePower: 1.5,
  densityPower: 0.5,
  evidenceScale: 6,
  altLabelFactor: 0.85,
  hiddenLabelFactor: 0.9,
  phraseBonus: 0.1,
  lengthPenalty: 0.01,
  stopWordWeight: 1,
  descriptionWeight: 0.15,
  reusePrior: { transversal: 0.03, 'cross-sector': 0.02, 'sector-specific': 0.01, 'occupation-specific': 0 },
  textCoveragePower: 1,
  shortTextWords: 5,
  exactAltScore: 0.97,
  exactHiddenScore: 0.93,
};

interface TextView {
  readonly key: string;
  /** Content tokens of the text, in order. */
  readonly content: readonly Token[];
  /** Positions of each content stem in `content`. */
  readonly positions: ReadonlyMap<string, number[]>;
  /** Every word, common ones included. */
  readonly words: ReadonlySet<string>;
  /** Summed rarity of the distinct content stems. */
  readonly mass: number;
  /** Exponent of the text-coverage factor (0 for long texts). */
  readonly coverageExponent: number;
}

/** Evidence of one label. */
interface LabelMatch {
  readonly label: string;
  readonly score: number;
  readonly method: MatchMethod;
}

/** The exact-match key of a text or label (the same normalisation as Skill.labelKeys). */
export function matchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function viewOf(text: string, vocabulary: LabelVocabulary, w: RankingWeights): TextView {
  const tokens = tokenize(text);
  const content = tokens.filter((t) => !t.stop);
  const positions = new Map<string, number[]>();
  content.forEach((t, i) => {
    positions.set(t.stem, [...(positions.get(t.stem) ?? []), i]);
  });
  const mass = [...positions.keys()].reduce((sum, stem) => sum + vocabulary.idf(stem), 0);
  const shortness = Math.max(0, Math.min(1, (w.shortTextWords - positions.size) / (w.shortTextWords - 1)));
  return {
    key: matchKey(text),
    content,
    positions,
    words: new Set(tokens.map((t) => t.word)),
    mass,
    coverageExponent: w.textCoveragePower * shortness,
  };
}

/**
 * Smallest window [from, to] of text positions holding one occurrence of every stem (all stems
 * must occur in the text).
 *
 * @example
 * minimalSpan(['a', 'b'], new Map([['a', [0, 5]], ['b', [4]]])) // [4, 5]
 */
export function minimalSpan(
  stems: readonly string[],
  positions: ReadonlyMap<string, readonly number[]>,
): [number, number] {
  const events = stems
    .flatMap((stem, s) => (positions.get(stem) ?? []).map((pos) => ({ pos, s })))
    .sort((a, b) => a.pos - b.pos);
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

// Labels come from ESCO only (about 120k), so parsing each once per process is bounded.
const PARTS_CACHE = new Map<string, LabelParts>();
const PARTS_CACHE_MAX = 250_000;

interface LabelParts {
  readonly key: string;
  readonly stems: string[];
  readonly stopWords: string[];
}

function labelParts(label: string): LabelParts {
  let parts = PARTS_CACHE.get(label);
  if (!parts) {
    if (PARTS_CACHE.size >= PARTS_CACHE_MAX) PARTS_CACHE.clear();
    parts = parseLabel(label);
    PARTS_CACHE.set(label, parts);
  }
  return parts;
}

function parseLabel(label: string): LabelParts {
  const tokens = tokenize(label);
  const content = tokens.filter((t) => !t.stop);
  const key = matchKey(label);
  // A label made only of common words ("LESS", "IT") is matched on those words.
  if (content.length === 0) return { key, stems: [...new Set(tokens.map((t) => t.stem))], stopWords: [] };
  return {
    key,
    stems: [...new Set(content.map((t) => t.stem))],
    stopWords: [...new Set(tokens.filter((t) => t.stop).map((t) => t.word))],
  };
}

function matchLabel(
  label: string,
  factor: number,
  exactScore: number,
  text: TextView,
  vocabulary: LabelVocabulary,
  w: RankingWeights,
): LabelMatch | null {
  const { key, stems, stopWords } = labelParts(label);
  if (key === text.key) return { label, score: exactScore, method: 'exact' };
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
  for (let i = from; i <= to; i += 1) {
    const stem = text.content[i]!.stem;
    if (!inSpan.has(stem)) spanMass += idf(stem);
    inSpan.add(stem);
  }
  const density = matchedMass / spanMass;
  const phrase = matched.length === stems.length && to - from + 1 === stems.length;
  const evidence = 1 - Math.exp(-matchedMass / w.evidenceScale);
  const textShare = text.mass > 0 ? Math.min(1, matchedMass / text.mass) : 1;
  let score =
    coverage ** w.labelCoveragePower * density ** w.densityPower * evidence * textShare ** text.coverageExponent;
  if (phrase) score += (1 - score) * w.phraseBonus;
  score -= w.lengthPenalty * (stems.length - matched.length);
  return { label, score: Math.max(0, score * factor), method: phrase ? 'phrase' : 'partial' };
}

function bestLabel(
  candidate: SkillCandidate,
  text: TextView,
  vocabulary: LabelVocabulary,
  w: RankingWeights,
): LabelMatch | null {
  let best: LabelMatch | null = null;
  const consider = (label: string, factor: number, exactScore: number) => {
    const match = matchLabel(label, factor, exactScore, text, vocabulary, w);
    if (match && (best === null || match.score > best.score)) best = match;
  };
  consider(candidate.preferredLabel, 1, 1);
  for (const label of candidate.altLabels) consider(label, w.altLabelFactor, w.exactAltScore);
  for (const label of candidate.hiddenLabels) consider(label, w.hiddenLabelFactor, w.exactHiddenScore);
  return best;
}

/** A lexical ranking with the parts of its score (features of the learned re-ranking). */
export interface LexicalScore extends RankedSkill {
  /** Score of the best label alone. */
  readonly labelScore: number;
  /** Description score relative to the best description score among the candidates, in [0, 1]. */
  readonly description: number;
}

function descriptionScore(candidate: SkillCandidate): number {
  return Math.max(0, ...candidate.hits.filter((h) => h.query < 0).map((h) => h.score));
}

/**
 * Ranks candidates for `text`, best first (ties by URI, for a stable order). Scores lie in [0, 1]
 * and are comparable across texts, so a caller may cut at a confidence threshold.
 *
 * @example
 * rankCandidates('javascript', [javascriptCandidate], vocabulary)[0]
 * // { uri: 'http://data.europa.eu/esco/skill/…', score: 1, matchedLabel: 'JavaScript', method: 'exact' }
 */
export function rankCandidates(
  text: string,
  candidates: readonly SkillCandidate[],
  vocabulary: LabelVocabulary,
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
): LexicalScore[] {
  const view = viewOf(text, vocabulary, weights);
  const maxDescription = Math.max(0, ...candidates.map(descriptionScore));
  const ranked = candidates.map((candidate): LexicalScore => {
    const best = bestLabel(candidate, view, vocabulary, weights);
    const description = maxDescription > 0 ? descriptionScore(candidate) / maxDescription : 0;
    // Among exact matches on the same kind of label, the description index breaks the tie.
    if (best?.method === 'exact')
      return {
        uri: candidate.uri,
        score: Math.min(1, best.score + 0.01 * description),
        matchedLabel: best.label,
        method: 'exact',
        labelScore: best.score,
        description,
      };
    const labelScore = best?.score ?? 0;
    const prior = weights.reusePrior[candidate.reuseLevel ?? ''] ?? 0;
    const score =
      labelScore * (1 - weights.descriptionWeight) + description * weights.descriptionWeight + prior * (1 - labelScore);
    return {
      uri: candidate.uri,
      score: Math.min(1, score),
      matchedLabel: best?.label ?? null,
      method: best?.method ?? 'description',
      labelScore,
      description,
    };
  });
  return ranked.sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
