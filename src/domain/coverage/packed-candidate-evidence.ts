/**
 * The evidence of every candidate learner for one target, packed in typed arrays. Ranking a
 * posting touches tens of thousands of learners: as objects (a row per learner, an object per
 * credential skill) their evidence took longer to build, to copy to a compute worker and to walk
 * than to score. Packed, it is built without allocating per entry, its arrays are transferred to
 * the worker rather than copied, and the scoring kernel (`rankCandidateEvidence`) reads integers.
 *
 * Only what scoring needs is kept: which matching skill an entry evidences and what kind of
 * evidence it is (the kind decides the evidence factor under a policy). Which credential taught
 * the skill is dropped; a ranking never explains itself per credential.
 */
import { type PackedStrings, packStrings } from '../packed-strings';
import { Interner } from '../read-model/interner';
import type { VerificationStatus } from '../verification/verification';
import type { CandidateEvidenceRow } from './rank-candidates';

/**
 * The kind of one evidence entry, as a small integer. The factors follow `evidenceFactor`:
 * a VERIFIED credential counts 1, an INVALID one 0, any other credential `policy.unverified`, a
 * self-declared skill `policy.selfDeclared`.
 */
export const EvidenceKind = {
  VERIFIED_CREDENTIAL: 0,
  OTHER_CREDENTIAL: 1,
  INVALID_CREDENTIAL: 2,
  SELF_DECLARED: 3,
} as const;
export type EvidenceKind = (typeof EvidenceKind)[keyof typeof EvidenceKind];

/** The kind of a holding's credential evidence from the holding's verification status. */
export function credentialEvidenceKind(status: VerificationStatus | null | undefined): EvidenceKind {
  if (status === 'VERIFIED') return EvidenceKind.VERIFIED_CREDENTIAL;
  return status === 'INVALID' ? EvidenceKind.INVALID_CREDENTIAL : EvidenceKind.OTHER_CREDENTIAL;
}

/**
 * Candidates' evidence: learner `i` has entries `offsets[i]` to `offsets[i + 1] - 1`; entry `e`
 * evidences `skillUris[skills[e]]` with kind `kinds[e]`. Each typed array owns its whole buffer,
 * so they can be transferred to a worker (see {@link evidenceBuffers}).
 */
export interface PackedCandidateEvidence {
  /** The skills entries point at, distinct. */
  readonly skillUris: readonly string[];
  /**
   * One per candidate, distinct, in no particular order; packed, because a posting at 250,000
   * learners has about 50,000 candidates, whose ids one by one took the request thread about 10
   * ms to post to a worker.
   */
  readonly learnerIds: PackedStrings;
  /** `learnerIds.ends.length + 1` entry offsets. */
  readonly offsets: Int32Array;
  readonly skills: Int32Array;
  readonly kinds: Uint8Array;
}

/**
 * Builds a {@link PackedCandidateEvidence} entry by entry, in any order of learners.
 *
 * @example
 * const builder = new CandidateEvidenceBuilder(['esco:a', 'esco:b']);
 * builder.add(builder.learner('l1'), builder.skill('esco:b')!, EvidenceKind.SELF_DECLARED);
 * builder.build();
 * // { skillUris: ['esco:a', 'esco:b'], learnerIds: packStrings(['l1']), offsets: [0, 1], skills: [1], kinds: [3] }
 */
export class CandidateEvidenceBuilder {
  private readonly skills = new Interner();
  private readonly learnerIds: string[] = [];
  private readonly learnerIndex = new Map<string, number>();
  private entryLearners = new Int32Array(1024);
  private entrySkills = new Int32Array(1024);
  private entryKinds = new Uint8Array(1024);
  private size = 0;

  constructor(skillUris: Iterable<string>) {
    for (const uri of skillUris) this.skills.intern(uri);
  }

  /**
   * Room for `entries` entries in all, for a caller that knows how many it will add (an upper
   * bound does): one allocation instead of doubling from 1,024, which at a million entries
   * copied the arrays ten times.
   */
  reserve(entries: number): void {
    if (entries > this.entrySkills.length) this.resize(entries);
  }

  /** The index of a skill given to the constructor, or undefined. */
  skill(uri: string): number | undefined {
    return this.skills.lookup(uri);
  }

  /** The index of a learner, added on first sight. */
  learner(id: string): number {
    let at = this.learnerIndex.get(id);
    if (at === undefined) {
      at = this.appendLearner(id);
      this.learnerIndex.set(id, at);
    }
    return at;
  }

  /**
   * The index of a new learner, for a caller that already knows each learner once (by its own
   * integer id) and would only pay for hashing the string again. Not to be mixed with
   * {@link learner} in one build: a learner appended here is not found there.
   */
  appendLearner(id: string): number {
    this.learnerIds.push(id);
    return this.learnerIds.length - 1;
  }

  /** One entry: learner `learner` has evidence of kind `kind` for skill `skill`. */
  add(learner: number, skill: number, kind: EvidenceKind): void {
    if (this.size === this.entrySkills.length) this.grow();
    this.entryLearners[this.size] = learner;
    this.entrySkills[this.size] = skill;
    this.entryKinds[this.size] = kind;
    this.size += 1;
  }

  /** The packed evidence, entries grouped by learner (a counting sort keeps each learner's order). */
  build(): PackedCandidateEvidence {
    const learners = this.learnerIds.length;
    const offsets = new Int32Array(learners + 1);
    for (let e = 0; e < this.size; e += 1) offsets[this.entryLearners[e]! + 1]! += 1;
    for (let i = 0; i < learners; i += 1) offsets[i + 1]! += offsets[i]!;
    const next = offsets.slice(0, learners);
    const skills = new Int32Array(this.size);
    const kinds = new Uint8Array(this.size);
    for (let e = 0; e < this.size; e += 1) {
      const at = next[this.entryLearners[e]!]!;
      next[this.entryLearners[e]!] = at + 1;
      skills[at] = this.entrySkills[e]!;
      kinds[at] = this.entryKinds[e]!;
    }
    return { skillUris: this.skills.all(), learnerIds: packStrings(this.learnerIds), offsets, skills, kinds };
  }

  private grow(): void {
    this.resize(this.entrySkills.length * 2);
  }

  private resize(capacity: number): void {
    const learners = new Int32Array(capacity);
    learners.set(this.entryLearners);
    const skills = new Int32Array(capacity);
    skills.set(this.entrySkills);
    const kinds = new Uint8Array(capacity);
    kinds.set(this.entryKinds);
    this.entryLearners = learners;
    this.entrySkills = skills;
    this.entryKinds = kinds;
  }
}

/**
 * Packs evidence rows (as the database returns them): one candidate per distinct learner id, the
 * skills in order of first use.
 */
export function packCandidateRows(rows: readonly CandidateEvidenceRow[]): PackedCandidateEvidence {
  const uris: string[] = [];
  for (const row of rows) {
    for (const cs of row.credentialSkills) uris.push(cs.skillUri);
    for (const uri of row.declaredSkillUris) uris.push(uri);
  }
  const builder = new CandidateEvidenceBuilder(uris);
  for (const row of rows) {
    const learner = builder.learner(row.learnerId);
    for (const cs of row.credentialSkills)
      builder.add(learner, builder.skill(cs.skillUri)!, credentialEvidenceKind(cs.verificationStatus));
    for (const uri of row.declaredSkillUris) builder.add(learner, builder.skill(uri)!, EvidenceKind.SELF_DECLARED);
  }
  return builder.build();
}

/** The typed arrays' buffers, to transfer with the evidence to a worker. */
export function evidenceBuffers(evidence: PackedCandidateEvidence): ArrayBuffer[] {
  return [
    evidence.offsets.buffer,
    evidence.skills.buffer,
    evidence.kinds.buffer,
    evidence.learnerIds.ends.buffer,
  ] as ArrayBuffer[];
}
