/**
 * The in-memory read model for scoring: every fact the coverage and planning engines read from
 * the graph, held compactly (interned ids, typed arrays) and queried synchronously with the same
 * answers as the Cypher queries of `coverage-repository` and `planning-repository`. Pure: the
 * loader feeds it rows; a change replaces whole entities, so it is never half-updated between two
 * synchronous calls.
 */
import type { ExpansionRow } from '../coverage/orient-links';
import type { Requirement, RequirementRelation } from '../coverage/requirement';
import {
  CandidateEvidenceBuilder,
  EvidenceKind,
  credentialEvidenceKind,
  type PackedCandidateEvidence,
} from '../coverage/packed-candidate-evidence';
import type { PackedOccupationRows } from '../coverage/packed-occupation-rows';
import type { CandidateCourse } from '../planning';
import type { VerificationStatus } from '../verification/verification';
import { DatesAgainstDay } from './dates-against-day';
import { GrowingLists } from './growing-lists';
import { HOLDING_STRIDE, HoldingsByCredential } from './holdings-by-credential';
import { IdMarks } from './id-marks';
import { pushToList } from '../map-of-lists';
import { Interner } from './interner';
import { int32ArrayOf } from '../typed-array-of';
import { type KeptCourse, KeptCredentials, LINK_STRIDE } from './kept-credentials';
import { PackedRecords } from './packed-records';
import type { BroaderRow, CredentialRow, LearnerRow, OccupationRow, PostingRow } from './read-model-rows';
import { SkillHierarchy } from './skill-hierarchy';
import { appendPosting, PostingLists } from '../text/posting-lists';

/** Evidence of a learner at a date (as `coverage/get-learner-evidence` returns it). */
export interface LearnerEvidence {
  found: boolean;
  credentials: { id: string; skillUris: string[]; verificationStatus: VerificationStatus | null }[];
  declaredSkillUris: string[];
}

/** Requirements of a target (as `coverage/get-*-requirements` return them). */
export interface TargetRequirements {
  found: boolean;
  requirements: Requirement[];
  portalId?: string | null;
}

/** The list of a skill nobody teaches or declares. */
const NO_IDS = new Int32Array(0);

/** The requirement list of a skill outside the hierarchy: no occupation requires it here. */
const NO_REQUIRERS = new Int32Array(0);

/** Entity counts of a model. */
export interface ReadModelCounts {
  readonly skills: number;
  readonly broaderLinks: number;
  readonly occupations: number;
  readonly credentials: number;
  readonly learners: number;
  readonly holdings: number;
  readonly postings: number;
}

const STATUSES: readonly (VerificationStatus | null)[] = [null, 'VERIFIED', 'INVALID', 'UNVERIFIABLE', 'UNSIGNED'];
/** A holding date that is not a string: the query's comparison with it is null, never true. */
const NOT_A_DATE = -2;
const NO_DATE = -1;

/** Requirements: skill ids and relation codes (index into the model's relation codes). */
interface Requirements {
  readonly skills: Int32Array;
  readonly relations: Uint8Array;
}

/**
 * A learner. Its holdings and declared skills are one packed record in the model's
 * {@link PackedRecords} (one allocation instead of one per field, which dominated the model's
 * size): `[h, credential × h, issuedOn × h, expiresOn × h, status × h, declared skill...]` where
 * dates are interned ids, {@link NO_DATE} or {@link NOT_A_DATE}, and statuses index
 * {@link STATUSES}.
 */
interface Learner {
  readonly id: string;
  readonly consent: boolean;
  /** Kept only with consent: rankings are the only readers. */
  readonly displayName: string | null;
}

/** The parts of a learner's holdings, unpacked. */
interface Holding {
  readonly credential: number;
  readonly issuedOn: number;
  readonly expiresOn: number;
  readonly status: number;
}

function pack(holdings: readonly Holding[], declared: ArrayLike<number>): Int32Array {
  const h = holdings.length;
  const packed = new Int32Array(1 + 4 * h + declared.length);
  packed[0] = h;
  holdings.forEach((holding, i) => {
    packed[1 + i] = holding.credential;
    packed[1 + h + i] = holding.issuedOn;
    packed[1 + 2 * h + i] = holding.expiresOn;
    packed[1 + 3 * h + i] = holding.status;
  });
  packed.set(declared, 1 + 4 * h);
  return packed;
}

const holdingCountOf = (packed: Int32Array): number => packed[0]!;
const credentialAt = (packed: Int32Array, i: number): number => packed[1 + i]!;
const statusAt = (packed: Int32Array, i: number): number => packed[1 + 3 * packed[0]! + i]!;

function holdingsOf(packed: Int32Array): Holding[] {
  const h = holdingCountOf(packed);
  return Array.from({ length: h }, (_, i) => ({
    credential: packed[1 + i]!,
    issuedOn: packed[1 + h + i]!,
    expiresOn: packed[1 + 2 * h + i]!,
    status: packed[1 + 3 * h + i]!,
  }));
}

function declaredOf(packed: Int32Array): Int32Array {
  return packed.subarray(1 + 4 * holdingCountOf(packed));
}

interface Occupation {
  readonly uri: string;
  readonly iscoGroupCode: string | null;
  readonly essentialCount: number | null;
  readonly optionalCount: number | null;
  readonly requirements: Requirements;
}

interface Posting {
  readonly portalId: string | null;
  readonly requirements: Requirements;
}

/** The skill ids a credential teaches, one per TEACHES link. */
function taughtSkills(credential: KeptCourse): number[] {
  const skills: number[] = [];
  for (let at = 0; at < credential.links.length; at += LINK_STRIDE) skills.push(credential.links[at]!);
  return skills;
}

/** Everything scoring reads, with the queries of the coverage and planning repositories. */
export class ReadModel {
  /** The change sequence the model reflects (see the change log). */
  seq = 0;
  /**
   * Bumped whenever a credential is put or removed, or a provider changes: caches of catalog
   * answers (which courses teach a skill, in which order, their records) key on it.
   */
  catalogVersion = 0;
  private readonly skills = new Interner();
  private readonly credentialIds = new Interner();
  private readonly learnerIds = new Interner();
  /**
   * 1 for learners (by interned id) who consent to matching: a ranking skips the others without
   * touching their records, which are scattered over the heap (40 % of the holders it visits).
   */
  private consenting = new Uint8Array(1024);
  private readonly dates = new Interner();
  /** Short texts repeated across credential rows, one string each (see putCredential). */
  private readonly texts = new Interner();
  private readonly datesAgainstDay = new DatesAgainstDay(this.dates);
  private readonly hierarchy: SkillHierarchy;
  private readonly occupations = new Map<string, Occupation>();
  /** The occupations in load order: {@link requirers} refers to them by index. */
  private readonly occupationList: Occupation[] = [];
  /**
   * Per skill id, the occupations requiring it, each as `occupation index × 256 + relation code`
   * (one packed list, not an object per link: ESCO has about 124,000 links). Built once: the
   * occupations change only with an ESCO import, which builds a new model.
   */
  private readonly requirers: PostingLists<number>;
  private readonly credentials = new Map<number, KeptCourse>();
  private readonly keeper = new KeptCredentials(this.skills, this.texts);
  /** Credential ids by taught skill (with the multiplicity of TEACHES links). */
  private readonly teachers = new GrowingLists(1);
  private readonly learners = new Map<number, Learner>();
  /** Each learner's holdings and declared skills, by interned learner id (see {@link Learner}). */
  private readonly learnerRecords = new PackedRecords();
  /** Every holding by credential, with its dates and status. */
  private readonly holdings = new HoldingsByCredential();
  /** Learner ids by declared skill. */
  private readonly declarers = new GrowingLists(1);
  private readonly postings = new Map<string, Posting>();
  private holdingCount = 0;
  /**
   * Relation codes. A stored value other than these is kept as it is (the scoring rejects it as
   * it would the database's answer), so a stray relationship never stops a load.
   */
  private readonly relationCodes: RequirementRelation[] = ['ESSENTIAL', 'OPTIONAL'];
  /**
   * Requirement rows by relation code, then skill id, made once and handed to every request:
   * they are read-only, and a reskilling plan asks for the rows of 200 occupations (8,000 rows, a
   * tenth of what its gathering kept past a young-generation collection on the request thread).
   * At most one per distinct occupation and posting requirement, about 20,000 for ESCO.
   */
  private readonly requirementObjects: Map<number, Requirement>[] = [];

  /**
   * A model of the ESCO part: the skills (every URI that exists) and their BROADER links, and the
   * occupations. Credentials, learners and postings are put afterwards.
   */
  constructor(skillUris: Iterable<string>, broader: Iterable<BroaderRow>, occupations: Iterable<OccupationRow>) {
    for (const uri of skillUris) this.skills.intern(uri);
    const skillCount = this.skills.size;
    const narrowerIds: number[] = [];
    const broaderIds: number[] = [];
    for (const link of broader) {
      const n = this.skills.lookup(link.narrowerUri);
      const b = this.skills.lookup(link.broaderUri);
      if (n === undefined || b === undefined) continue;
      narrowerIds.push(n);
      broaderIds.push(b);
    }
    this.hierarchy = new SkillHierarchy(
      this.skills,
      skillCount,
      Int32Array.from(narrowerIds),
      Int32Array.from(broaderIds),
    );
    const requirers = new Map<number, number[]>();
    for (const row of occupations) {
      const occupation: Occupation = {
        uri: row.uri,
        iscoGroupCode: row.iscoGroupCode,
        essentialCount: row.essentialCount,
        optionalCount: row.optionalCount,
        requirements: this.requirements(row.requirements),
      };
      this.occupations.set(row.uri, occupation);
      const index = this.occupationList.push(occupation) - 1;
      const { skills, relations } = occupation.requirements;
      for (let i = 0; i < skills.length; i += 1) appendPosting(requirers, skills[i]!, index * 256 + relations[i]!);
    }
    this.requirers = PostingLists.pack(requirers);
  }

  private requirements(rows: readonly Requirement[]): Requirements {
    const skills = new Int32Array(rows.length);
    const relations = new Uint8Array(rows.length);
    rows.forEach((row, i) => {
      skills[i] = this.skills.intern(row.skillUri);
      let relation = this.relationCodes.indexOf(row.relation);
      if (relation < 0) relation = this.relationCodes.push(row.relation) - 1;
      if (relation > 255) throw new RangeError('more than 256 distinct requirement relations');
      relations[i] = relation;
    });
    return { skills, relations };
  }

  private requirementRows(requirements: Requirements): Requirement[] {
    const rows: Requirement[] = [];
    for (let i = 0; i < requirements.skills.length; i += 1) {
      const skill = requirements.skills[i]!;
      const relation = requirements.relations[i]!;
      let bySkill = this.requirementObjects[relation];
      if (bySkill === undefined) {
        bySkill = new Map();
        this.requirementObjects[relation] = bySkill;
      }
      let row = bySkill.get(skill);
      if (row === undefined) {
        row = { skillUri: this.skills.value(skill), relation: this.relationCodes[relation]! };
        bySkill.set(skill, row);
      }
      rows.push(row);
    }
    return rows;
  }

  private date(value: unknown): number {
    if (value === null || value === undefined) return NO_DATE;
    return typeof value === 'string' ? this.dates.intern(value) : NOT_A_DATE;
  }

  /** Adds or replaces a credential (its holders keep their holdings). */
  putCredential(row: CredentialRow): void {
    const id = this.credentialIds.intern(row.id);
    this.removeCredentialLinks(id);
    // Kept for the process's life, its links as numbers and its strings shared with other
    // credentials' (the driver decodes a new string per value: about 130,000 copies of 13,900
    // URIs for 20,000 credentials); planning is handed it as it is (coursesTeaching).
    const kept = this.keeper.keep(row, this.credentialIds.value(id));
    this.credentials.set(id, kept);
    this.catalogVersion += 1;
    for (let at = 0; at < kept.links.length; at += LINK_STRIDE) this.teachers.add(kept.links[at]!, id);
  }

  /**
   * Notes that providers' records changed. The model holds no provider, but caches keyed on
   * {@link catalogVersion} show their names with the courses.
   */
  providersChanged(): void {
    this.catalogVersion += 1;
  }

  /** Removes a credential; its holdings go with it (the graph deletes them with the node). */
  removeCredential(credentialId: string): void {
    const id = this.credentialIds.lookup(credentialId);
    if (id === undefined) return;
    this.removeCredentialLinks(id);
    this.credentials.delete(id);
    this.catalogVersion += 1;
    for (const learnerId of this.holdings.holders(id)) {
      const packed = this.learnerRecords.get(learnerId);
      if (!packed) continue;
      const holdings = holdingsOf(packed);
      const kept = holdings.filter((holding) => holding.credential !== id);
      this.holdingCount -= holdings.length - kept.length;
      this.learnerRecords.set(learnerId, pack(kept, declaredOf(packed)));
    }
    this.holdings.removeCredential(id);
  }

  private removeCredentialLinks(id: number): void {
    const old = this.credentials.get(id);
    if (old) for (const skill of new Set(taughtSkills(old))) this.teachers.removeEntries(skill, id);
  }

  /** Adds or replaces a learner. */
  putLearner(row: LearnerRow): void {
    const id = this.learnerIds.intern(row.id);
    this.removeLearnerById(id);
    const holdings = row.holdings;
    const learner: Learner = {
      id: row.id,
      consent: row.matchingConsent === true,
      displayName: row.matchingConsent === true ? (row.displayName ?? null) : null,
    };
    const packed = pack(
      holdings.map((h) => ({
        credential: this.credentialIds.intern(h.credentialId),
        issuedOn: this.date(h.issuedOn),
        expiresOn: this.date(h.expiresOn),
        status: Math.max(0, STATUSES.indexOf(h.verificationStatus ?? null)),
      })),
      int32ArrayOf(row.declaredSkillUris, (uri) => this.skills.intern(uri)),
    );
    this.learners.set(id, learner);
    this.learnerRecords.set(id, packed);
    if (id >= this.consenting.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.consenting.length * 2));
      grown.set(this.consenting);
      this.consenting = grown;
    }
    this.consenting[id] = learner.consent ? 1 : 0;
    this.holdingCount += holdings.length;
    for (const h of holdingsOf(packed)) this.holdings.add(h.credential, id, h.issuedOn, h.expiresOn, h.status);
    for (const skill of new Set(declaredOf(packed))) this.declarers.add(skill, id);
  }

  /**
   * Gives back the room lists keep to grow: for the end of a bulk load (writes after it still
   * work, a list that grows getting room again).
   */
  trim(): void {
    this.holdings.trim();
    this.teachers.trim();
    this.declarers.trim();
  }

  /** Removes a learner. */
  removeLearner(learnerId: string): void {
    const id = this.learnerIds.lookup(learnerId);
    if (id !== undefined) this.removeLearnerById(id);
  }

  private removeLearnerById(id: number): void {
    const old = this.learnerRecords.get(id);
    if (!old) return;
    for (const credential of new Set(holdingsOf(old).map((h) => h.credential)))
      this.holdings.removeLearner(credential, id);
    for (const skill of new Set(declaredOf(old))) this.declarers.removeEntries(skill, id);
    this.holdingCount -= holdingCountOf(old);
    this.learners.delete(id);
    this.learnerRecords.delete(id);
    this.consenting[id] = 0;
  }

  /** Adds or replaces a job posting. */
  putPosting(row: PostingRow): void {
    this.postings.set(row.id, { portalId: row.portalId ?? null, requirements: this.requirements(row.requirements) });
  }

  /** Removes a job posting. */
  removePosting(id: string): void {
    this.postings.delete(id);
  }

  /** Entity counts. */
  counts(): ReadModelCounts {
    return {
      skills: this.hierarchy.skillCount,
      broaderLinks: this.hierarchy.linkCount,
      occupations: this.occupations.size,
      credentials: this.credentials.size,
      learners: this.learners.size,
      holdings: this.holdingCount,
      postings: this.postings.size,
    };
  }

  private valid(packed: Int32Array, i: number, asOf: string): boolean {
    const h = holdingCountOf(packed);
    const issued = packed[1 + h + i]!;
    const expires = packed[1 + 2 * h + i]!;
    if (issued === NOT_A_DATE || expires === NOT_A_DATE) return false;
    return (
      (issued === NO_DATE || this.dates.value(issued) <= asOf) &&
      (expires === NO_DATE || this.dates.value(expires) > asOf)
    );
  }

  private skillUrisOf(credential: KeptCourse): string[] {
    return taughtSkills(credential).map((skill) => this.skills.value(skill));
  }

  /** cypher/coverage/get-learner-evidence */
  learnerEvidence(learnerId: string, asOf: string): LearnerEvidence {
    const id = this.learnerIds.lookup(learnerId);
    const packed = id === undefined ? undefined : this.learnerRecords.get(id);
    if (!packed) return { found: false, credentials: [], declaredSkillUris: [] };
    const credentials: LearnerEvidence['credentials'] = [];
    for (let i = 0; i < holdingCountOf(packed); i += 1) {
      const credential = this.credentials.get(credentialAt(packed, i));
      if (!credential || !this.valid(packed, i, asOf)) continue;
      credentials.push({
        id: credential.id,
        skillUris: this.skillUrisOf(credential),
        verificationStatus: STATUSES[statusAt(packed, i)] ?? null,
      });
    }
    return {
      found: true,
      credentials,
      declaredSkillUris: Array.from(declaredOf(packed), (skill) => this.skills.value(skill)),
    };
  }

  /** cypher/coverage/get-credentials-evidence */
  credentialsEvidence(ids: readonly string[]): { id: string; skillUris: string[] }[] {
    const rows: { id: string; skillUris: string[] }[] = [];
    for (const id of ids) {
      const key = this.credentialIds.lookup(id);
      const credential = key === undefined ? undefined : this.credentials.get(key);
      if (credential) rows.push({ id, skillUris: this.skillUrisOf(credential) });
    }
    return rows;
  }

  /** cypher/coverage/get-existing-skills */
  existingSkills(uris: readonly string[]): Set<string> {
    return new Set(uris.filter((uri) => (this.skills.lookup(uri) ?? Infinity) < this.hierarchy.skillCount));
  }

  /** cypher/coverage/get-occupation-requirements */
  occupationRequirements(uri: string): TargetRequirements {
    const occupation = this.occupations.get(uri);
    return occupation
      ? { found: true, requirements: this.requirementRows(occupation.requirements) }
      : { found: false, requirements: [] };
  }

  /** cypher/coverage/get-job-posting-requirements */
  jobPostingRequirements(id: string): TargetRequirements {
    const posting = this.postings.get(id);
    return posting
      ? { found: true, requirements: this.requirementRows(posting.requirements), portalId: posting.portalId }
      : { found: false, requirements: [], portalId: null };
  }

  /** cypher/coverage/get-requirements-of-occupations */
  requirementsOfOccupations(uris: readonly string[]): Map<string, Requirement[]> {
    const result = new Map<string, Requirement[]>();
    for (const uri of uris) {
      const occupation = this.occupations.get(uri);
      if (occupation) result.set(uri, this.requirementRows(occupation.requirements));
    }
    return result;
  }

  /** cypher/coverage/expand-skill-hierarchy */
  expandSkillHierarchy(uris: readonly string[], depth: number): ExpansionRow[] {
    return this.hierarchy.expand(uris, depth);
  }

  /**
   * cypher/coverage/find-occupations-requiring, packed over `skillUris` (distinct) as
   * {@link packOccupationRows} packs the query's rows: built straight from the requirement lists,
   * without an object per occupation or per matched requirement (about 1,000 occupations and 3,000
   * requirements for a learner's reachable skills, each request).
   */
  occupationsRequiring(skillUris: readonly string[], iscoGroupPrefix: string | null): PackedOccupationRows {
    // Each occupation's row in the answer (-1: not matched yet), then how many requirements it matched.
    const rowOf = new Int32Array(this.occupationList.length).fill(-1);
    const occupations: number[] = [];
    const counts: number[] = [];
    // Each asked skill's requirement list, looked up once for both passes.
    const lists: Int32Array[] = [];
    let matched = 0;
    for (const uri of skillUris) {
      const skill = this.skills.lookup(uri);
      const list = skill === undefined || skill >= this.hierarchy.skillCount ? NO_REQUIRERS : this.requirers.get(skill);
      lists.push(list);
      for (const link of list) {
        const occupation = link >> 8;
        if (!this.withinIscoGroup(occupation, iscoGroupPrefix)) continue;
        let row = rowOf[occupation]!;
        if (row < 0) {
          row = occupations.push(occupation) - 1;
          rowOf[occupation] = row;
          counts.push(0);
        }
        counts[row]! += 1;
        matched += 1;
      }
    }
    // Each row is essentialCount, optionalCount, n, then n (skill index, essential) pairs, filled
    // in the order of `skillUris`, as the rows' matched lists were.
    const numbers = new Int32Array(3 * occupations.length + 2 * matched);
    const next = new Int32Array(occupations.length);
    let at = 0;
    for (let row = 0; row < occupations.length; row += 1) {
      const occupation = this.occupationList[occupations[row]!]!;
      numbers[at] = occupation.essentialCount ?? 0;
      numbers[at + 1] = occupation.optionalCount ?? 0;
      numbers[at + 2] = counts[row]!;
      next[row] = at + 3;
      at += 3 + 2 * counts[row]!;
    }
    for (let index = 0; index < lists.length; index += 1) {
      for (const link of lists[index]!) {
        const row = rowOf[link >> 8]!;
        if (row < 0) continue;
        const slot = next[row]!;
        numbers[slot] = index;
        numbers[slot + 1] = this.relationCodes[link & 255] === 'ESSENTIAL' ? 1 : 0;
        next[row] = slot + 2;
      }
    }
    const uris: string[] = [];
    for (const occupation of occupations) uris.push(this.occupationList[occupation]!.uri);
    return { uris, numbers };
  }

  /** Whether an occupation's ISCO group code starts with the prefix (STARTS WITH on a missing code is null: left out). */
  private withinIscoGroup(occupation: number, iscoGroupPrefix: string | null): boolean {
    if (iscoGroupPrefix === null) return true;
    const code = this.occupationList[occupation]!.iscoGroupCode;
    return typeof code === 'string' && code.startsWith(iscoGroupPrefix);
  }

  /**
   * cypher/coverage/find-candidate-evidence, packed: every consenting learner's valid holdings and
   * declarations touching `skillUris` at `asOf`, one entry per (holding or declaration, skill),
   * built straight from the interned arrays without an object per entry.
   */
  candidateEvidence(skillUris: readonly string[], asOf: string): PackedCandidateEvidence {
    const builder = new CandidateEvidenceBuilder(skillUris);
    const skillsByCredential = new Map<number, number[]>();
    // At most one entry per (holding, skill taught) and per declaration: the builder's arrays
    // are sized once (at 250,000 learners a posting has about a million entries).
    let mostEntries = 0;
    for (const uri of skillUris) {
      const skill = this.skills.lookup(uri);
      if (skill === undefined || skill >= this.hierarchy.skillCount) continue;
      for (const credential of this.teachers.of(skill) ?? NO_IDS) {
        pushToList(skillsByCredential, credential, builder.skill(uri)!);
        mostEntries += this.holdings.lengthOf(credential) / HOLDING_STRIDE;
      }
      mostEntries += this.declarers.lengthOf(skill);
    }
    builder.reserve(mostEntries);
    // Each candidate's index in the answer by its interned id (-1: not yet seen), so the
    // learner's string id is neither hashed nor its record read.
    const local = new Int32Array(this.learnerIds.size).fill(-1);
    const candidate = (learner: number): number => {
      let at = local[learner]!;
      if (at < 0) {
        at = builder.appendLearner(this.learnerIds.value(learner));
        local[learner] = at;
      }
      return at;
    };
    const { onOrBefore, after } = this.datesAgainstDay.on(asOf);
    for (const [credential, skills] of skillsByCredential) {
      if (!this.credentials.has(credential)) continue;
      const list = this.holdings.data;
      const from = this.holdings.startOf(credential);
      const to = from + this.holdings.lengthOf(credential);
      for (let at = from; at < to; at += HOLDING_STRIDE) {
        const learner = list[at]!;
        if (this.consenting[learner] !== 1) continue;
        const issued = list[at + 1]!;
        const expires = list[at + 2]!;
        // As `valid`: a date that is not a string never compares true; a missing one does not bound.
        if (issued === NOT_A_DATE || expires === NOT_A_DATE) continue;
        if (issued !== NO_DATE && onOrBefore[issued] !== 1) continue;
        if (expires !== NO_DATE && after[expires] !== 1) continue;
        const kind = credentialEvidenceKind(STATUSES[list[at + 3]!] ?? null);
        const index = candidate(learner);
        for (const skill of skills) builder.add(index, skill, kind);
      }
    }
    for (const uri of skillUris) {
      const skill = this.skills.lookup(uri);
      if (skill === undefined || skill >= this.hierarchy.skillCount) continue;
      const localSkill = builder.skill(uri)!;
      for (const learner of this.declarers.of(skill) ?? NO_IDS) {
        if (this.consenting[learner] !== 1) continue;
        // One entry per DECLARES link: a learner declares a skill at most once.
        builder.add(candidate(learner), localSkill, EvidenceKind.SELF_DECLARED);
      }
    }
    return builder.build();
  }

  /** cypher/coverage/get-candidate-names: the display names of consenting learners among `learnerIds`. */
  candidateNames(learnerIds: readonly string[]): Map<string, string> {
    const names = new Map<string, string>();
    for (const learnerId of learnerIds) {
      const id = this.learnerIds.lookup(learnerId);
      const learner = id === undefined ? undefined : this.learners.get(id);
      if (learner?.consent && learner.displayName !== null) names.set(learnerId, learner.displayName);
    }
    return names;
  }

  /**
   * cypher/planning/find-courses-teaching. `seen` holds the credentials already returned: a caller
   * asking in several slices passes the same set to each, and gets each course once.
   */
  coursesTeaching(
    skillUris: readonly string[],
    excludeCredentialIds: readonly string[],
    seen: { has(id: number): boolean; add(id: number): unknown } = new IdMarks(),
  ): CandidateCourse[] {
    const excluded = new Set(excludeCredentialIds);
    const courses: CandidateCourse[] = [];
    for (const uri of skillUris) {
      const skill = this.skills.lookup(uri);
      if (skill === undefined || skill >= this.hierarchy.skillCount) continue;
      for (const id of this.teachers.of(skill) ?? NO_IDS) {
        if (seen.has(id)) continue;
        seen.add(id);
        const credential = this.credentials.get(id);
        if (credential && !excluded.has(credential.id)) courses.push(credential);
      }
    }
    return courses;
  }
}
