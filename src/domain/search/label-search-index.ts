/**
 * An in-memory search index over the labels of ESCO concepts (skills or occupations), built once
 * per process. It answers `searchSkills` and `searchOccupations` in about a millisecond and ranks
 * the way people type:
 *
 * - the last word is completed as a prefix while it is being typed ("pyth" finds Python,
 *   "analy" analysts), but a full-word match always outranks a completion;
 * - common job-ad abbreviations are expanded ("dev" → developer, "mgr" → manager, see
 *   {@link ./abbreviations.ts});
 * - words are weighed by how rare they are among the concepts' labels, so a location or salary
 *   note ("in Penang", "RM3000") that no label uses adds nothing;
 * - a label scores by how much of the text it explains and how much of the label the text
 *   contains, weighted by the kind of label (preferred above alternative above hidden above a job
 *   title seen in ads above the concept's ISCO group);
 * - a text that is exactly a label comes first.
 *
 * Cost: one look-up per query word (at most 32 words, see `MAX_TERMS`; plus at most
 * {@link MAX_PREFIX_WORDS} completions of the last one) and one pass over the labels sharing a word with the text; the index is immutable.
 */
import { labelKey, MAX_TERMS } from './full-text-query';
import { expandAbbreviation, joinPhrases } from './abbreviations';
import { tokenize } from '../skill-mapping/text-tokens';
import { appendPosting, PostingLists } from '../text/posting-lists';
import { float64ArrayOf, int32ArrayOf, uint8ArrayOf } from '../typed-array-of';

/** The kinds of text a concept is found by, strongest first. */
export type LabelKind = 'preferred' | 'alternative' | 'hidden' | 'title' | 'group';

/** One concept to index. */
export interface SearchableConcept {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  readonly hiddenLabels: readonly string[];
  /** Job titles as written in ads, known to name this concept (occupations only). */
  readonly titles?: readonly string[];
  /** Label of the concept's group (the ISCO unit group of an occupation). */
  readonly groupLabel?: string | null;
}

/** How strongly each kind of label speaks for its concept (hand-set, not fitted). */
export interface SearchWeights {
  readonly kind: Readonly<Record<LabelKind, number>>;
  /** Share of the score from the text's coverage (the rest from the label's coverage). */
  readonly textCoverageShare: number;
  /** Credit of a completed prefix relative to a full-word match. */
  readonly prefixCredit: number;
  /** Credit of an expanded abbreviation relative to the word itself. */
  readonly abbreviationCredit: number;
  /** Weight of the votes of learned titles (sum of their squared scores, capped). */
  readonly titleVotes: number;
  /** Cap of the votes, so a concept with very many matching titles cannot drown exact label matches. */
  readonly maxVotes: number;
}

/** Default weights. */
export const DEFAULT_SEARCH_WEIGHTS: SearchWeights = {
  kind: { preferred: 1, alternative: 0.95, hidden: 0.9, title: 0.9, group: 0.5 },
  textCoverageShare: 0.6,
  prefixCredit: 0.8,
  abbreviationCredit: 0.95,
  titleVotes: 0.15,
  maxVotes: 3,
};

/** Most label words one typed prefix expands to (the most common ones are kept). */
export const MAX_PREFIX_WORDS = 50;
/** Shortest prefix completed (one letter would match most of the vocabulary). */
export const MIN_PREFIX_LENGTH = 2;
// Bonus that puts a text equal to one of a concept's labels above every partial match.
const EXACT_BONUS = 10;

/** One search hit. */
export interface LabelSearchHit {
  readonly uri: string;
  readonly score: number;
  /** The label that matched best. */
  readonly matchedLabel: string;
}

/** Options of one search. */
export interface SearchOptions {
  /** Complete the last word as a prefix (autocomplete); default true. */
  readonly completeLastWord?: boolean;
}

interface IndexedLabel {
  readonly concept: number;
  readonly kind: LabelKind;
  readonly text: string;
  /** Sum of the weights of its distinct content stems. */
  readonly mass: number;
}

/** Per-search working arrays, indexed by label or concept, all zero (bestLabel -1) between searches. */
interface Scratch {
  readonly textSum: Float64Array;
  readonly labelSum: Float64Array;
  readonly termSeen: Int32Array;
  readonly bestScore: Float64Array;
  readonly bestLabel: Int32Array;
  readonly votes: Float64Array;
}

interface QueryTerm {
  /** Matching stems with their credit in (0, 1]. */
  readonly stems: ReadonlyMap<string, number>;
  readonly weight: number;
}

/** The index. */
export class LabelSearchIndex {
  private constructor(
    private readonly uris: readonly string[],
    labels: readonly IndexedLabel[],
    postings: ReadonlyMap<string, readonly number[]>,
    private readonly idfByStem: ReadonlyMap<string, number>,
    /** Label words sorted, with the stem each has, for prefix completion. */
    private readonly words: readonly string[],
    private readonly wordStem: ReadonlyMap<string, string>,
    private readonly wordFrequency: ReadonlyMap<string, number>,
    exact: ReadonlyMap<string, readonly number[]>,
    private readonly weights: SearchWeights,
  ) {
    // Kept as parallel arrays, not one object per label: the index lives as long as the process,
    // and ESCO with the learned job titles gives it about 165,000 labels.
    this.labelConcept = int32ArrayOf(labels, (label) => label.concept);
    this.labelMass = float64ArrayOf(labels, (label) => label.mass);
    this.labelWeight = float64ArrayOf(labels, (label) => weights.kind[label.kind]);
    this.labelIsTitle = uint8ArrayOf(labels, (label) => (label.kind === 'title' ? 1 : 0));
    this.labelText = labels.map((label) => label.text);
    this.postings = PostingLists.pack(postings);
    // About 165,000 keys, looked up once per search: sorted, not hashed (4 MB less heap).
    this.exact = PostingLists.packSorted(exact);
  }

  private readonly labelConcept: Int32Array;
  private readonly labelMass: Float64Array;
  private readonly labelWeight: Float64Array;
  private readonly labelIsTitle: Uint8Array;
  private readonly labelText: readonly string[];
  /** Per stem, the labels using it. */
  private readonly postings: PostingLists<string>;
  /** Per label key (see `labelKey`), the labels equal to it. */
  private readonly exact: PostingLists<string>;

  /** Number of concepts indexed. */
  get size(): number {
    return this.uris.length;
  }

  /** Number of labels indexed (all kinds). */
  get labelCount(): number {
    return this.labelText.length;
  }

  /** Builds the index. */
  static build(
    concepts: Iterable<SearchableConcept>,
    weights: SearchWeights = DEFAULT_SEARCH_WEIGHTS,
  ): LabelSearchIndex {
    const uris: string[] = [];
    const raw: { concept: number; kind: LabelKind; text: string; stems: string[] }[] = [];
    const df = new Map<string, number>();
    const wordStem = new Map<string, string>();
    const wordFrequency = new Map<string, number>();
    for (const concept of concepts) {
      const id = uris.length;
      uris.push(concept.uri);
      const texts: [LabelKind, string][] = [
        ['preferred', concept.preferredLabel],
        ...concept.altLabels.map((text): [LabelKind, string] => ['alternative', text]),
        ...concept.hiddenLabels.map((text): [LabelKind, string] => ['hidden', text]),
        ...(concept.titles ?? []).map((text): [LabelKind, string] => ['title', text]),
        ...(concept.groupLabel ? [['group', concept.groupLabel] as [LabelKind, string]] : []),
      ];
      const conceptStems = new Set<string>();
      for (const [kind, text] of texts) {
        const stems = new Set<string>();
        for (const token of tokenize(joinPhrases(text))) {
          if (token.stop) continue;
          stems.add(token.stem);
          // Completion offers words of ESCO's own labels, not of ad titles or group names.
          if (kind !== 'title' && kind !== 'group') {
            wordStem.set(token.word, token.stem);
            wordFrequency.set(token.word, (wordFrequency.get(token.word) ?? 0) + 1);
          }
        }
        if (stems.size === 0) continue;
        stems.forEach((stem) => {
          conceptStems.add(stem);
        });
        raw.push({ concept: id, kind, text, stems: [...stems] });
      }
      for (const stem of conceptStems) df.set(stem, (df.get(stem) ?? 0) + 1);
    }
    // A stem's weight is its inverse document frequency over concepts (a concept counts once).
    const n = uris.length;
    const idfByStem = new Map([...df].map(([stem, count]) => [stem, Math.log((n + 1) / (count + 0.5))]));
    const postings = new Map<string, number[]>();
    const exact = new Map<string, number[]>();
    const labels = raw.map((label, index) => {
      for (const stem of label.stems) appendPosting(postings, stem, index);
      // Most labels are their own key: keeping the label's string saves a copy of each.
      const key = labelKey(label.text);
      appendPosting(exact, key === label.text ? label.text : key, index);
      // The stems are not kept: the postings hold them, and 165k small arrays cost memory.
      return {
        concept: label.concept,
        kind: label.kind,
        text: label.text,
        mass: label.stems.reduce((sum, stem) => sum + (idfByStem.get(stem) ?? 0), 0),
      };
    });
    const words = [...wordStem.keys()].sort();
    return new LabelSearchIndex(uris, labels, postings, idfByStem, words, wordStem, wordFrequency, exact, weights);
  }

  /**
   * The best `limit` concepts for `text`, best first (ties by URI, so results are stable).
   *
   * @example
   * index.search('pyth', 3) // [{ uri: '…/skill/ccd0a1d9-…', matchedLabel: 'Python', … }, …]
   */
  search(text: string, limit: number, options: SearchOptions = {}): LabelSearchHit[] {
    const terms = this.queryTerms(text, options.completeLastWord ?? true);
    const total = terms.reduce((sum, term) => sum + term.weight, 0);
    const s = this.scratch();
    const touchedConcepts: number[] = [];
    if (total > 0) {
      // Per label, the credit of the query terms it matches (a term counts once per label, at
      // its best credit). Scratch arrays are reused (search is synchronous) and reset below.
      const touched: number[] = [];
      terms.forEach((term, termIndex) => {
        const stamp = termIndex + 1;
        // Stems in decreasing credit, so the first stem crediting a label is its best.
        for (const [stem, credit] of [...term.stems].sort((x, y) => y[1] - x[1])) {
          const stemWeight = (this.idfByStem.get(stem) ?? 0) * credit;
          const textWeight = term.weight * credit;
          for (const labelId of this.postings.get(stem)) {
            if (s.termSeen[labelId] === stamp) continue;
            if (s.termSeen[labelId] === 0) touched.push(labelId);
            s.termSeen[labelId] = stamp;
            s.textSum[labelId] += textWeight;
            s.labelSum[labelId] += stemWeight;
          }
        }
      });
      const share = this.weights.textCoverageShare;
      for (const labelId of touched) {
        const mass = this.labelMass[labelId]!;
        const labelCoverage = mass > 0 ? Math.min(1, s.labelSum[labelId]! / mass) : 0;
        const score =
          this.labelWeight[labelId]! * (share * (s.textSum[labelId]! / total) + (1 - share) * labelCoverage);
        s.textSum[labelId] = 0;
        s.labelSum[labelId] = 0;
        s.termSeen[labelId] = 0;
        const concept = this.labelConcept[labelId]!;
        if (s.bestLabel[concept] === -1) {
          touchedConcepts.push(concept);
          s.bestScore[concept] = score;
          s.bestLabel[concept] = labelId;
        } else if (s.bestScore[concept]! < score) {
          s.bestScore[concept] = score;
          s.bestLabel[concept] = labelId;
        }
        // Several learned titles agreeing on a concept are votes for it.
        if (this.labelIsTitle[labelId] === 1) s.votes[concept] += score * score;
      }
    }
    const hits = touchedConcepts.map((concept) => {
      const hit = {
        concept,
        score: s.bestScore[concept]! + this.weights.titleVotes * Math.min(s.votes[concept]!, this.weights.maxVotes),
        matchedLabel: this.labelText[s.bestLabel[concept]!]!,
      };
      s.bestLabel[concept] = -1;
      s.bestScore[concept] = 0;
      s.votes[concept] = 0;
      return hit;
    });
    for (const labelId of this.exact.get(labelKey(text))) {
      const bonus = EXACT_BONUS * this.labelWeight[labelId]!;
      const concept = this.labelConcept[labelId]!;
      const matchedLabel = this.labelText[labelId]!;
      const hit = hits.find((h) => h.concept === concept);
      if (hit) {
        if (hit.score < EXACT_BONUS) Object.assign(hit, { score: hit.score + bonus, matchedLabel });
      } else {
        hits.push({ concept, score: bonus, matchedLabel });
      }
    }
    return hits
      .sort((x, y) => y.score - x.score || (this.uris[x.concept]! < this.uris[y.concept]! ? -1 : 1))
      .slice(0, limit)
      .map((hit) => ({ uri: this.uris[hit.concept]!, score: hit.score, matchedLabel: hit.matchedLabel }));
  }

  private scratchArrays: Scratch | undefined;

  private scratch(): Scratch {
    this.scratchArrays ??= {
      textSum: new Float64Array(this.labelText.length),
      labelSum: new Float64Array(this.labelText.length),
      termSeen: new Int32Array(this.labelText.length),
      bestScore: new Float64Array(this.uris.length),
      bestLabel: new Int32Array(this.uris.length).fill(-1),
      votes: new Float64Array(this.uris.length),
    };
    return this.scratchArrays;
  }

  /** The weighted terms of a query: each word's stem, its abbreviation's and, for the last word, completions. */
  private queryTerms(text: string, completeLastWord: boolean): QueryTerm[] {
    // Bounded whatever the text: later words are ignored, as by the full-text query.
    const tokens = tokenize(joinPhrases(text))
      .filter((token) => !token.stop)
      .slice(0, MAX_TERMS);
    // A word is still being typed unless the text ends after it.
    const typing = completeLastWord && /[\p{L}\p{N}]$/u.test(text);
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    tokens.forEach((token, i) => {
      if (seen.has(token.stem)) return;
      seen.add(token.stem);
      const stems = new Map<string, number>();
      if (this.idfByStem.has(token.stem)) stems.set(token.stem, 1);
      for (const expansion of expandAbbreviation(token.word)) {
        for (const part of tokenize(expansion)) {
          if (!part.stop && this.idfByStem.has(part.stem) && !stems.has(part.stem))
            stems.set(part.stem, this.weights.abbreviationCredit);
        }
      }
      if (typing && i === tokens.length - 1 && token.word.length >= MIN_PREFIX_LENGTH) {
        for (const stem of this.completions(token.word))
          if (!stems.has(stem)) stems.set(stem, this.weights.prefixCredit);
      }
      // A word no label uses (a place, a salary note, a company) weighs nothing.
      const weight = Math.max(0, ...[...stems].map(([stem, credit]) => (this.idfByStem.get(stem) ?? 0) * credit));
      if (weight > 0) terms.push({ stems, weight });
    });
    return terms;
  }

  /** Stems of the most common label words starting with `prefix` (at most {@link MAX_PREFIX_WORDS}). */
  private completions(prefix: string): string[] {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.words.length && this.words[i]!.startsWith(prefix); i += 1) found.push(this.words[i]!);
    return [
      ...new Set(
        found
          .sort((a, b) => (this.wordFrequency.get(b) ?? 0) - (this.wordFrequency.get(a) ?? 0) || (a < b ? -1 : 1))
          .slice(0, MAX_PREFIX_WORDS)
          .map((word) => this.wordStem.get(word)!),
      ),
    ];
  }
}
