/**
 * An in-memory index of the ESCO skill pillar for skill mapping, built once per process from the
 * graph (about 14k skills). Looking candidates up in memory instead of asking the full-text index
 * one query per phrase keeps a sentence within a few milliseconds, and lets the ranking use what
 * ESCO knows beyond labels: which occupations need a skill (skills needed by the same occupations
 * co-occur in texts) and its broader, narrower and related skills.
 *
 * Two look-ups gather candidates for a text:
 * - labels: every preferred, alternative and hidden label sharing a content stem with the text,
 *   ranked by the rarity-weighted share of the label the text contains (a cheap bound of the full
 *   label score, which `rankCandidates` computes on the survivors);
 * - descriptions: BM25 over each skill's description and preferred label, for skills the text
 *   describes rather than names.
 */
import { buildLabelVocabulary, type LabelVocabulary } from './label-vocabulary';
import type { SkillCandidate, SkillFacts } from './skill-candidate';
import { contentTokens, tokenize } from './text-tokens';
import { appendPosting, NO_POSTINGS, PostingLists } from '../text/posting-lists';

/** One skill as read from the graph. */
export interface IndexedSkillRow extends SkillFacts {
  /** URIs of the occupations requiring the skill (essential or optional). */
  readonly occupations: readonly string[];
  /** URIs of its broader, narrower and related skills. */
  readonly neighbours: readonly string[];
}

/** Sizes of the candidate look-ups. */
export interface CandidateLimits {
  /** Skills kept from the label look-up. */
  readonly labelCandidates: number;
  /** Skills kept from the description look-up. */
  readonly descriptionCandidates: number;
}

/** Limits used by the service (chosen for latency: 86 % of gold skills are among them, 88 % at 150 and 50). */
export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = { labelCandidates: 100, descriptionCandidates: 30 };

// BM25's usual constants (Robertson & Zaragoza 2009); not tuned here.
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** The index. */
export class SkillIndex {
  readonly vocabulary: LabelVocabulary;
  /** The skills' facts; their occupation and neighbour URIs are kept as ids below, not as strings. */
  private readonly skills: readonly SkillFacts[];
  private readonly byUri = new Map<string, number>();
  /** Per label (ids of `labelPostings`): its skill, and the summed idf of its distinct content stems. */
  private readonly labelSkill: Int32Array;
  private readonly labelMass: Float64Array;
  private readonly labelPostings: PostingLists<string>;
  /** Per stem, its skills and term frequencies interleaved: `[skill, tf, skill, tf, …]`. */
  private readonly descriptionPostings: PostingLists<string>;
  private readonly descriptionLength: Float64Array;
  private readonly averageDescriptionLength: number;
  /** Sorted occupation ids per skill. */
  private readonly occupations: PostingLists<number>;
  /** Per skill, its broader, narrower and related skills. */
  private readonly neighbours: PostingLists<number>;

  private constructor(rows: readonly IndexedSkillRow[]) {
    // The rows' URI lists (about 130,000 strings for ESCO) become ids here, and lists are packed
    // once built (PostingLists): the index is built at start and kept for the process's life.
    this.skills = rows.map(({ occupations: _occupations, neighbours: _neighbours, ...facts }) => facts);
    this.vocabulary = buildLabelVocabulary(rows);
    rows.forEach((row, i) => {
      this.byUri.set(row.uri, i);
    });
    const occupationIds = new Map<string, number>();
    const occupations = new Map<number, number[]>();
    const neighbours = new Map<number, number[]>();
    rows.forEach((row, i) => {
      const ids = new Set(
        row.occupations.map((uri) => {
          let id = occupationIds.get(uri);
          if (id === undefined) {
            id = occupationIds.size;
            occupationIds.set(uri, id);
          }
          return id;
        }),
      );
      occupations.set(
        i,
        [...ids].sort((a, b) => a - b),
      );
      neighbours.set(
        i,
        row.neighbours.map((uri) => this.byUri.get(uri)).filter((j): j is number => j !== undefined),
      );
    });
    this.occupations = PostingLists.pack(occupations);
    this.neighbours = PostingLists.pack(neighbours);
    this.descriptionLength = new Float64Array(rows.length);
    let totalLength = 0;
    const labelPostings = new Map<string, number[]>();
    const labelSkill: number[] = [];
    const labelMass: number[] = [];
    const descriptionPostings = new Map<string, number[]>();
    rows.forEach((row, skill) => {
      for (const label of [row.preferredLabel, ...row.altLabels, ...row.hiddenLabels]) {
        const stems = this.labelStems(label);
        if (stems.length === 0) continue;
        for (const stem of stems) appendPosting(labelPostings, stem, labelSkill.length);
        labelSkill.push(skill);
        labelMass.push(stems.reduce((sum, stem) => sum + this.vocabulary.idf(stem), 0));
      }
      const counts = new Map<string, number>();
      const tokens = contentTokens(`${row.preferredLabel}. ${row.description ?? ''}`);
      for (const token of tokens) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      for (const [stem, tf] of counts) appendPosting(descriptionPostings, stem, skill, tf);
      this.descriptionLength[skill] = tokens.length;
      totalLength += tokens.length;
    });
    this.averageDescriptionLength = rows.length > 0 ? totalLength / rows.length : 1;
    this.labelSkill = Int32Array.from(labelSkill);
    this.labelMass = Float64Array.from(labelMass);
    this.labelPostings = PostingLists.pack(labelPostings);
    this.descriptionPostings = PostingLists.pack(descriptionPostings);
  }

  /** Builds the index from every skill of the graph. */
  static build(rows: readonly IndexedSkillRow[]): SkillIndex {
    return new SkillIndex(rows);
  }

  /** Number of skills indexed. */
  get size(): number {
    return this.skills.length;
  }

  /** The distinct stems a label is found by. */
  private labelStems(label: string): string[] {
    const tokens = tokenize(label);
    const content = tokens.filter((t) => !t.stop);
    // A label made only of common words ("LESS", "IT") is found by those words.
    return [...new Set((content.length > 0 ? content : tokens).map((t) => t.stem))];
  }

  /** The facts of a skill, or undefined. */
  skill(uri: string): SkillFacts | undefined {
    const i = this.byUri.get(uri);
    return i === undefined ? undefined : this.skills[i];
  }

  /**
   * Candidate skills for a text, with their description BM25 score as the one hit the ranking
   * reads (`query: -1`). Order is not meaningful; `rankCandidates` ranks them.
   */
  findCandidates(text: string, limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS): SkillCandidate[] {
    const stems = [...new Set(contentTokens(text).map((t) => t.stem))];
    const labelScores = this.labelLookUp(stems.length > 0 ? stems : [...new Set(tokenize(text).map((t) => t.stem))]);
    const description = this.descriptionLookUp(stems);
    const chosen = new Set([
      ...topSkills(labelScores, limits.labelCandidates),
      ...topSkills(description, limits.descriptionCandidates),
    ]);
    return [...chosen].map((i) => {
      const row = this.skills[i]!;
      const bm25 = description.get(i) ?? 0;
      return {
        uri: row.uri,
        preferredLabel: row.preferredLabel,
        altLabels: row.altLabels,
        hiddenLabels: row.hiddenLabels,
        description: row.description,
        reuseLevel: row.reuseLevel,
        skillType: row.skillType,
        hits: bm25 > 0 ? [{ query: -1, score: bm25 }] : [],
      };
    });
  }

  /** Best label per skill: matched share of the label's rarity, times the evidence of the match. */
  private labelLookUp(stems: readonly string[]): Map<number, number> {
    // Typed accumulators: a common stem ("manage") has thousands of labels.
    const matched = new Float64Array(this.labelSkill.length);
    const touched: number[] = [];
    for (const stem of stems) {
      const idf = this.vocabulary.idf(stem);
      for (const label of this.labelPostings.get(stem)) {
        if (matched[label] === 0) touched.push(label);
        matched[label]! += idf;
      }
    }
    const bySkill = new Map<number, number>();
    for (const id of touched) {
      const skill = this.labelSkill[id]!;
      const mass = matched[id]!;
      const score = (mass / this.labelMass[id]!) * (1 - Math.exp(-mass / 6));
      if (score > (bySkill.get(skill) ?? 0)) bySkill.set(skill, score);
    }
    return bySkill;
  }

  private descriptionLookUp(stems: readonly string[]): Map<number, number> {
    const acc = new Float64Array(this.skills.length);
    const touched: number[] = [];
    const n = this.skills.length;
    for (const stem of stems) {
      const postings = this.descriptionPostings.get(stem);
      if (postings.length === 0) continue;
      const count = postings.length / 2;
      const idf = Math.log(1 + (n - count + 0.5) / (count + 0.5));
      for (let k = 0; k < postings.length; k += 2) {
        const skill = postings[k]!;
        const tf = postings[k + 1]!;
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * this.descriptionLength[skill]!) / this.averageDescriptionLength);
        if (acc[skill] === 0) touched.push(skill);
        acc[skill]! += (idf * tf * (BM25_K1 + 1)) / (tf + norm);
      }
    }
    return new Map(touched.map((skill) => [skill, acc[skill]!]));
  }

  /**
   * How strongly two skills co-occur in ESCO's occupation profiles: the cosine of the sets of
   * occupations requiring them (0 when either is required by none).
   *
   * @example
   * index.cooccurrence(javaUri, sqlUri) // 0.31: many software occupations need both
   */
  cooccurrence(a: string, b: string): number {
    const i = this.byUri.get(a);
    const j = this.byUri.get(b);
    if (i === undefined || j === undefined) return 0;
    const x = this.occupations.get(i);
    const y = this.occupations.get(j);
    if (x.length === 0 || y.length === 0) return 0;
    let shared = 0;
    for (let p = 0, q = 0; p < x.length && q < y.length; ) {
      if (x[p] === y[q]) {
        shared += 1;
        p += 1;
        q += 1;
      } else if (x[p]! < y[q]!) p += 1;
      else q += 1;
    }
    return shared / Math.sqrt(x.length * y.length);
  }

  /** Ids (dense, sorted) of the occupations requiring the skill. */
  occupationIds(uri: string): Int32Array {
    const i = this.byUri.get(uri);
    return i === undefined ? NO_POSTINGS : this.occupations.get(i);
  }

  /** Number of occupations requiring the skill. */
  occupationCount(uri: string): number {
    const i = this.byUri.get(uri);
    return i === undefined ? 0 : this.occupations.get(i).length;
  }

  /** True when one skill is broader than, narrower than or related to the other. */
  linked(a: string, b: string): boolean {
    const i = this.byUri.get(a);
    const j = this.byUri.get(b);
    return (
      i !== undefined && j !== undefined && (this.neighbours.get(i).includes(j) || this.neighbours.get(j).includes(i))
    );
  }
}

/** The `limit` best-scored skills (ties by index), without sorting every scored skill. */
function topSkills(scores: ReadonlyMap<number, number>, limit: number): number[] {
  if (scores.size === 0 || limit <= 0) return [];
  let threshold = -Infinity;
  if (scores.size > limit) {
    const values = Float64Array.from(scores.values()).sort();
    threshold = values[values.length - limit]!;
  }
  const kept: [number, number][] = [];
  for (const entry of scores) if (entry[1] >= threshold) kept.push(entry);
  return kept
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([skill]) => skill);
}
