/**
 * Ranking consenting learners for one target: the scoring half of `rankCandidates`, run on a
 * compute worker. The service gathers the target's requirements, their hierarchy links and the
 * packed evidence of every learner touching a matching skill; this scores them all and returns
 * the page asked for with the total count.
 */
import { quantize } from './compare-matches';
import { evidenceFactor, type EvidenceSource } from './evidence';
import { assertValidLink, type HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { normalizeRequirements, type Requirement } from './requirement';
import { scoreFromSums, type CoverageScores } from './score-requirements';
import { EvidenceKind, packCandidateRows, type PackedCandidateEvidence } from './packed-candidate-evidence';
import type { VerificationStatus } from '../verification/verification';
import { comparePackedStrings, type PackedStrings, packedStringAt, packedStringCount } from '../packed-strings';
import { float64ArrayOf, int32ArrayOf } from '../typed-array-of';

/** One learner's evidence for some matching skill (as the coverage repository returns it). */
export interface CandidateEvidenceRow {
  learnerId: string;
  credentialSkills: { credentialId: string; skillUri: string; verificationStatus: VerificationStatus | null }[];
  declaredSkillUris: string[];
}

/** One ranked candidate. */
export interface CandidateScore extends CoverageScores {
  readonly learnerId: string;
}

/** What ranking candidates for one target needs. */
export interface RankCandidatesInput {
  readonly requirements: readonly Requirement[];
  /** Hierarchy links between the requirements and skills within the policy's depth. */
  readonly links: readonly HierarchyLink[];
  readonly evidence: PackedCandidateEvidence;
  readonly policy: MatchPolicy;
  readonly minScore: number;
  /** The slice of the ranking to return: `limit` candidates from position `offset`. */
  readonly offset: number;
  readonly limit: number;
}

/** A page of a candidate ranking and the ranking's length. */
export interface RankedCandidates {
  readonly totalCount: number;
  readonly page: CandidateScore[];
}

/** {@link rankCandidateRows}'s input: evidence as rows, the whole ranking returned. */
export interface RankCandidateRowsInput {
  readonly requirements: readonly Requirement[];
  readonly links: readonly HierarchyLink[];
  readonly rows: readonly CandidateEvidenceRow[];
  readonly policy: MatchPolicy;
  readonly minScore: number;
}

/**
 * Learners with score > 0 and ≥ `minScore`, best first (score, essential coverage, id, as
 * `compareMatches` orders them), the page `offset`..`offset + limit` of them and their count.
 *
 * The kernel: everything that does not depend on the learner is prepared once, as integers: for
 * each evidence skill, the requirement slots it credits and with which weight (EXACT, and the
 * NARROWER/BROADER links within the policy's depth). A learner then costs its entries times
 * their slots plus one pass over the requirements. Credits are max(weight × factor) per
 * requirement and the sums run over the requirements in `normalizeRequirements` order, as
 * `computeCreditValues` and `scoreFromSums` do, so scores are bit-identical to full coverage.
 *
 * @example
 * rankCandidateEvidence({ requirements, links, evidence, policy, minScore: 0.5, offset: 0, limit: 10 })
 * // { totalCount: 1840, page: [{ learnerId: 'l-7', score: 0.9, essentialCoverage: 1, optionalCoverage: 0.5 }, ...] }
 */
export function rankCandidateEvidence(input: RankCandidatesInput): RankedCandidates {
  const { requirements, links, evidence, policy, minScore } = input;
  const normalized = normalizeRequirements(requirements);
  const slotOf = new Map<string, number>();
  for (const uri of [...normalized.essential, ...normalized.optional])
    if (!slotOf.has(uri)) slotOf.set(uri, slotOf.size);
  const essentialSlots = int32ArrayOf(normalized.essential, (uri) => slotOf.get(uri)!);
  const optionalSlots = int32ArrayOf(normalized.optional, (uri) => slotOf.get(uri)!);
  const credits = prepareCredits(evidence.skillUris, links, slotOf, policy);
  const factors = kindFactors(policy);

  const credit = new Float64Array(slotOf.size);
  const passing: number[] = [];
  const scores: CoverageScores[] = [];
  const { offsets, skills, kinds } = evidence;
  const learners = packedStringCount(evidence.learnerIds);
  for (let learner = 0; learner < learners; learner += 1) {
    credit.fill(0);
    for (let e = offsets[learner]!; e < offsets[learner + 1]!; e += 1) {
      const factor = factors[kinds[e]!]!;
      const skill = skills[e]!;
      for (let c = credits.start[skill]!; c < credits.start[skill + 1]!; c += 1) {
        const value = credits.weight[c]! * factor;
        const slot = credits.slot[c]!;
        if (value > credit[slot]!) credit[slot] = value;
      }
    }
    let essentialSum = 0;
    for (const slot of essentialSlots) essentialSum += credit[slot]!;
    let optionalSum = 0;
    for (const slot of optionalSlots) optionalSum += credit[slot]!;
    const score = scoreFromSums(
      { essentialSum, essentialCount: essentialSlots.length, optionalSum, optionalCount: optionalSlots.length },
      policy,
    );
    if (score.score > 0 && score.score >= minScore) {
      passing.push(learner);
      scores.push(score);
    }
  }

  const order = rankOrder(passing, scores, evidence.learnerIds, input.offset + input.limit);
  const end = Math.min(order.length, input.offset + input.limit);
  const page: CandidateScore[] = [];
  for (let i = input.offset; i < end; i += 1) {
    const at = order[i]!;
    page.push({ learnerId: packedStringAt(evidence.learnerIds, passing[at]!), ...scores[at]! });
  }
  return { totalCount: passing.length, page };
}

/**
 * Learners with score > 0 and ≥ `minScore`, best first: {@link rankCandidateEvidence} over rows
 * (packed first), the whole ranking.
 *
 * @example
 * rankCandidateRows({ requirements, links, rows, policy, minScore: 0.5 })
 * // [{ learnerId: 'l-7', score: 0.9, essentialCoverage: 1, optionalCoverage: 0.5 }, ...]
 */
export function rankCandidateRows(input: RankCandidateRowsInput): CandidateScore[] {
  const { rows, ...rest } = input;
  return rankCandidateEvidence({ ...rest, evidence: packCandidateRows(rows), offset: 0, limit: rows.length }).page;
}

/** Per evidence skill, the requirement slots it credits and the weight, as CSR arrays. */
function prepareCredits(
  skillUris: readonly string[],
  links: readonly HierarchyLink[],
  slotOf: ReadonlyMap<string, number>,
  policy: MatchPolicy,
): { start: Int32Array; slot: Int32Array; weight: Float64Array } {
  const linksByEvidence = new Map<string, HierarchyLink[]>();
  for (const link of links) {
    assertValidLink(link);
    // A skill is never strictly above or below itself; deeper links than the policy allows do not count.
    if (link.distance > policy.maxHierarchyDepth || link.requiredUri === link.evidenceUri) continue;
    if (!slotOf.has(link.requiredUri)) continue;
    const list = linksByEvidence.get(link.evidenceUri);
    if (list) list.push(link);
    else linksByEvidence.set(link.evidenceUri, [link]);
  }
  const start = new Int32Array(skillUris.length + 1);
  const slot: number[] = [];
  const weight: number[] = [];
  skillUris.forEach((uri, skill) => {
    const exact = slotOf.get(uri);
    if (exact !== undefined) {
      slot.push(exact);
      weight.push(policy.exact);
    }
    for (const link of linksByEvidence.get(uri) ?? []) {
      slot.push(slotOf.get(link.requiredUri)!);
      weight.push(link.kind === 'NARROWER' ? policy.narrower : policy.broader);
    }
    start[skill + 1] = slot.length;
  });
  return { start, slot: Int32Array.from(slot), weight: Float64Array.from(weight) };
}

/** The evidence factor of each {@link EvidenceKind}: `evidenceFactor` of a source of that kind. */
function kindFactors(policy: Pick<MatchPolicy, 'unverified' | 'selfDeclared'>): Float64Array {
  const credential = (holdingVerification: VerificationStatus | null): EvidenceSource => ({
    kind: 'CREDENTIAL',
    credentialId: '',
    holdingVerification,
  });
  const factors = new Float64Array(4);
  factors[EvidenceKind.VERIFIED_CREDENTIAL] = evidenceFactor(credential('VERIFIED'), policy);
  factors[EvidenceKind.OTHER_CREDENTIAL] = evidenceFactor(credential(null), policy);
  factors[EvidenceKind.INVALID_CREDENTIAL] = evidenceFactor(credential('INVALID'), policy);
  factors[EvidenceKind.SELF_DECLARED] = evidenceFactor({ kind: 'SELF_DECLARED' }, policy);
  return factors;
}

/** Keep only the best while scanning when the page's end is below 1 / this of the candidates. */
const SELECT_BELOW_SHARE = 8;

/**
 * The first `count` positions into `passing` in ranking order: score, then essential coverage
 * (both quantized, descending), then id. The order is total (ids are distinct), so keeping the
 * best `count` while scanning gives the same page as sorting everything; a page of 10 among tens
 * of thousands of candidates then costs one comparison for nearly every candidate instead of a
 * full sort. Deep pages (a large `count`) are sorted whole.
 */
function rankOrder(
  passing: readonly number[],
  scores: readonly CoverageScores[],
  ids: PackedStrings,
  count: number,
): number[] {
  const score = float64ArrayOf(scores, (s) => quantize(s.score));
  const essential = float64ArrayOf(scores, (s) => quantize(s.essentialCoverage));
  const before = (a: number, b: number): number =>
    score[b]! - score[a]! || essential[b]! - essential[a]! || comparePackedStrings(ids, passing[a]!, passing[b]!);
  if (count <= 0) return [];
  if (count * SELECT_BELOW_SHARE >= passing.length) {
    const order = Array.from(passing, (_, i) => i);
    return order.sort(before).slice(0, count);
  }
  const best: number[] = [];
  for (let i = 0; i < passing.length; i += 1) {
    if (best.length === count && before(i, best[count - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(best[middle]!, i) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}
