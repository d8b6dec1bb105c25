import { compareStrings } from './compare-strings';
import { canonicalSource, compareSources, evidenceFactor, sourceKey } from './evidence';
import type { Evidence, EvidenceSource } from './evidence';
import { assertValidLink } from './hierarchy-link';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';

/** How the chosen evidence skill relates to the required skill. */
export type MatchKind = 'EXACT' | 'NARROWER' | 'BROADER';

/** The credit one required skill earns, and the match that earns it. */
export interface SkillCredit {
  /** max over matches of kind weight × evidence factor; 0 without a match. */
  readonly credit: number;
  /** null when nothing earns credit. */
  readonly matchKind: MatchKind | null;
  readonly evidenceSkillUri: string | null;
  /** Hierarchy steps between required and evidence skill: 0 for EXACT, null without a match. */
  readonly distance: number | null;
  /**
   * Every source of the chosen evidence skill that earns the full credit, deduplicated and in
   * {@link compareSources} order (credentials first, by id), so an explanation can name every
   * credential behind the credit. Empty without a match.
   */
  readonly sources: readonly EvidenceSource[];
}

const NO_CREDIT: SkillCredit = Object.freeze({
  credit: 0,
  matchKind: null,
  evidenceSkillUri: null,
  distance: null,
  sources: Object.freeze([]) as readonly EvidenceSource[],
});

const KIND_RANK: Readonly<Record<MatchKind, number>> = { EXACT: 0, NARROWER: 1, BROADER: 2 };

/** One evidence skill of an {@link EvidenceIndex}: its best factor and the distinct sources that reach it. */
export interface EvidenceSkill {
  factor: number;
  byKey: Map<string, EvidenceSource>;
  /** Sorted, frozen view of `byKey`, built only for skills that end up chosen. */
  sorted: readonly EvidenceSource[] | null;
}

/**
 * A subject's evidence as {@link computeSkillCredits} reads it (each evidence skill's best factor
 * under one policy, and the sources at that factor), built once by {@link indexEvidence} when the
 * same evidence is scored against many sets of requirements: a plan's gathering covers one subject
 * against hundreds of targets, and indexing the evidence was a third of each coverage's work.
 */
export class EvidenceIndex {
  /** Use {@link indexEvidence}. */
  constructor(
    /** The policy whose factors the index holds; it serves no other. */
    readonly policy: MatchPolicy,
    readonly skills: ReadonlyMap<string, EvidenceSkill>,
  ) {}
}

/**
 * Indexes evidence for many {@link computeSkillCredits} calls under `policy`.
 *
 * @example
 * const index = indexEvidence(evidence, policy);
 * for (const target of targets) computeSkillCredits(target.uris, index, target.links, policy);
 * // each equal to computeSkillCredits(target.uris, evidence, target.links, policy)
 */
export function indexEvidence(evidence: readonly Evidence[], policy: MatchPolicy): EvidenceIndex {
  return new EvidenceIndex(policy, collectEvidenceSkills(evidence, policy));
}

interface Candidate {
  readonly credit: number;
  readonly kind: MatchKind;
  readonly distance: number;
  readonly evidenceUri: string;
  readonly skill: EvidenceSkill;
}

/**
 * The credit each required skill earns from the evidence, directly (EXACT) or through the
 * hierarchy links (NARROWER/BROADER within `policy.maxHierarchyDepth` steps).
 *
 * Among matches earning the same credit the choice does not depend on input order: EXACT over
 * NARROWER over BROADER, then the smaller distance, then the smaller evidence URI.
 *
 * Runs in O(evidence + links + requirements), plus sorting the requirement URIs and the sources
 * of chosen evidence skills, so one call can serve as the credit map for ranking thousands of
 * occupations (pass the union of their required skills). Links whose required or evidence skill
 * is absent, that are deeper than the policy allows, or that link a skill to itself are ignored.
 *
 * @returns one entry per distinct required URI, in URI order; unmatched skills get credit 0.
 * @throws BadInputError on a link with a distance below 1 or not whole, or an unknown kind.
 *
 * @example
 * const credits = computeSkillCredits(
 *   ['esco:programming'],
 *   [{ skillUri: 'esco:python', source: { kind: 'CREDENTIAL', credentialId: 'c1' } }],
 *   [{ requiredUri: 'esco:programming', evidenceUri: 'esco:python', kind: 'NARROWER', distance: 1 }],
 *   policy, // defaults: narrower 0.8
 * );
 * credits.get('esco:programming');
 * // → { credit: 0.8, matchKind: 'NARROWER', evidenceSkillUri: 'esco:python', distance: 1,
 * //     sources: [{ kind: 'CREDENTIAL', credentialId: 'c1' }] }
 */
export function computeSkillCredits(
  requiredUris: Iterable<string>,
  evidence: readonly Evidence[] | EvidenceIndex,
  links: readonly HierarchyLink[],
  policy: MatchPolicy,
): Map<string, SkillCredit> {
  for (const link of links) assertValidLink(link);

  if (evidence instanceof EvidenceIndex && evidence.policy !== policy)
    throw new RangeError('the evidence was indexed under another match policy');
  const skills = evidence instanceof EvidenceIndex ? evidence.skills : collectEvidenceSkills(evidence, policy);
  const best = new Map<string, Candidate | null>();
  for (const uri of requiredUris) best.set(uri, null);

  for (const requiredUri of best.keys()) {
    const skill = skills.get(requiredUri);
    if (skill) {
      considerCandidate(best, requiredUri, {
        credit: policy.exact * skill.factor,
        kind: 'EXACT',
        distance: 0,
        evidenceUri: requiredUri,
        skill,
      });
    }
  }

  for (const link of links) {
    // A skill is never strictly above or below itself; such a link is a data glitch.
    if (link.distance > policy.maxHierarchyDepth || link.requiredUri === link.evidenceUri) continue;
    const skill = skills.get(link.evidenceUri);
    if (!skill) continue;
    const weight = link.kind === 'NARROWER' ? policy.narrower : policy.broader;
    considerCandidate(best, link.requiredUri, {
      credit: weight * skill.factor,
      kind: link.kind,
      distance: link.distance,
      evidenceUri: link.evidenceUri,
      skill,
    });
  }

  const result = new Map<string, SkillCredit>();
  for (const uri of [...best.keys()].sort(compareStrings)) {
    const chosen = best.get(uri);
    result.set(uri, chosen ? toSkillCredit(chosen) : NO_CREDIT);
  }
  return result;
}

/**
 * Keeps `candidate` for `requiredUri` when it beats the one kept. A module-level function, not a
 * closure per call: V8 drops a closure's optimised code once the closure is collected, and this
 * runs for every evidence link of every request and planning job.
 */
function considerCandidate(best: Map<string, Candidate | null>, requiredUri: string, candidate: Candidate): void {
  // Zero credit (a zero weight or factor) is no match: nothing to report or to explain.
  if (!(candidate.credit > 0)) return;
  const current = best.get(requiredUri);
  if (current === undefined) return; // not a required skill
  if (current === null || isBetter(candidate, current)) best.set(requiredUri, candidate);
}

function collectEvidenceSkills(evidence: readonly Evidence[], policy: MatchPolicy): Map<string, EvidenceSkill> {
  const skills = new Map<string, EvidenceSkill>();
  for (const { skillUri, source } of evidence) {
    const factor = evidenceFactor(source, policy);
    const key = sourceKey(source);
    const skill = skills.get(skillUri);
    // Only sources at the skill's best factor earn its best credit, so only they are kept.
    if (!skill || factor > skill.factor) {
      skills.set(skillUri, { factor, byKey: new Map([[key, source]]), sorted: null });
    } else if (factor === skill.factor && !skill.byKey.has(key)) {
      skill.byKey.set(key, source);
    }
  }
  return skills;
}

function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.credit !== b.credit) return a.credit > b.credit;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] < KIND_RANK[b.kind];
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.evidenceUri < b.evidenceUri;
}

function toSkillCredit(candidate: Candidate): SkillCredit {
  const { skill } = candidate;
  // Shared by every requirement this skill serves: sorted once, frozen so nobody can alter it.
  skill.sorted ??= Object.freeze([...skill.byKey.values()].map(canonicalSource).sort(compareSources));
  return Object.freeze({
    credit: candidate.credit,
    matchKind: candidate.kind,
    evidenceSkillUri: candidate.evidenceUri,
    distance: candidate.distance,
    sources: skill.sorted,
  });
}

/**
 * The credit values of {@link computeSkillCredits} alone, for rankings that score thousands of
 * subjects and need only the sums: the same formula (max over exact and hierarchy matches of kind
 * weight × the evidence skill's best factor; nothing for credit ≤ 0), without choosing the
 * explaining match, collecting sources or sorting. `linksByEvidence` holds links keyed by their
 * evidence skill, checked once by the caller with `assertValidLink`. Required skills without
 * credit are absent from the map.
 *
 * @example
 * const values = computeCreditValues(new Set(['esco:programming']), evidence, linksByEvidence, policy);
 * values.get('esco:programming'); // 0.8, as computeSkillCredits(...).get('esco:programming').credit
 */
export function computeCreditValues(
  required: ReadonlySet<string>,
  evidence: readonly Evidence[],
  linksByEvidence: ReadonlyMap<string, readonly HierarchyLink[]>,
  policy: MatchPolicy,
): Map<string, number> {
  const factors = new Map<string, number>();
  for (const { skillUri, source } of evidence) {
    const factor = evidenceFactor(source, policy);
    const known = factors.get(skillUri);
    if (known === undefined || factor > known) factors.set(skillUri, factor);
  }
  const credits = new Map<string, number>();
  for (const [skillUri, factor] of factors) {
    considerValue(credits, required, skillUri, policy.exact * factor);
    for (const link of linksByEvidence.get(skillUri) ?? []) {
      if (link.distance > policy.maxHierarchyDepth || link.requiredUri === link.evidenceUri) continue;
      considerValue(
        credits,
        required,
        link.requiredUri,
        (link.kind === 'NARROWER' ? policy.narrower : policy.broader) * factor,
      );
    }
  }
  return credits;
}

/** Keeps `credit` for `requiredUri` when it is required and beats the one kept (see considerCandidate). */
function considerValue(
  credits: Map<string, number>,
  required: ReadonlySet<string>,
  requiredUri: string,
  credit: number,
): void {
  if (!(credit > 0) || !required.has(requiredUri)) return;
  const current = credits.get(requiredUri);
  if (current === undefined || credit > current) credits.set(requiredUri, credit);
}
