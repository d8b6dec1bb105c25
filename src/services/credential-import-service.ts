/**
 * Imports one credential document (Open Badges 2.0/3.0, ELM / European Digital Credential): parse,
 * require ESCO skills, then in ONE write transaction create the issuer if new, create or update
 * the micro-credential with its DECLARED skills, and for an issued credential record the holding
 * for the learner with the holder's identifier (created when unknown). Any failure — an unknown
 * ESCO URI included — rolls the whole import back, so a rejected document leaves no trace.
 */
import type { Neo4jExecutor, QueryRunner } from '../db/neo4j-executor';
import type { CatalogRepository } from '../db/repositories/catalog-repository';
import type { LearnerRepository } from '../db/repositories/learner-repository';
import {
  parseCredentialDocument,
  requireSkills,
  type CredentialFormat,
  type ParsedCredential,
} from '../domain/credentials';
import {
  mapBadgeSkills,
  MAPPED_SKILL_MIN_CONFIDENCE,
  type MappedSkill,
  type SkillSuggester,
} from './skill-suggestion/badge-skill-mapper';
import { CatalogImportRepository } from '../db/repositories/catalog-import-repository';
import {
  holderlessLearnerId,
  planCredentialImport,
  type CredentialImportPlan,
} from '../catalog-import/credential-import-plan';
import { withVerification } from '../domain/catalog/learner-input';
import { BadInputError, ConflictError, ForbiddenError } from '../domain/errors';
import type { Verification } from '../domain/verification/verification';
import type { CredentialVerifier, VerifyOptions } from './verification/credential-verifier';

/**
 * Attempts of one import. Two imports for one new holder both MERGE on the unique externalId, and
 * Neo4j serialises them; should one still lose the race with a constraint violation, a retry finds
 * the record the winner created.
 */
const IMPORT_ATTEMPTS = 3;

/** What one import did. */
export interface CredentialImportOutcome {
  readonly format: CredentialFormat;
  readonly credentialId: string;
  readonly title: string;
  /** True when the micro-credential is new; false when an earlier import of it was updated. */
  readonly created: boolean;
  readonly providerId: string;
  readonly providerCreated: boolean;
  /** The holder, for an issued credential; null for a bare achievement / badge class. */
  readonly learnerId: string | null;
  readonly learnerCreated: boolean;
  /** What was ignored or repaired (non-ESCO alignments, unusable fields). */
  readonly warnings: readonly string[];
  /** The proof check of the document; the holding stores it. */
  readonly verification: Verification;
}

/** Options of one import. */
export interface ImportOptions extends Pick<VerifyOptions, 'statusLists'> {
  /**
   * A learner importing a credential issued to them (a LEARNER token's learnerId): the holding goes
   * to this learner only, whatever the document says; no learner is created and no externalId is
   * set. A document naming a holder other than the learner's externalId is FORBIDDEN, and a
   * micro-credential already in the catalog is not replaced. Absent: an ADMIN import.
   */
  readonly selfLearnerId?: string | null;
}

/** Standards-based credential import. */
export class CredentialImportService {
  private readonly imports = new CatalogImportRepository();

  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly catalog: CatalogRepository,
    private readonly learners: LearnerRepository,
    private readonly verifier: CredentialVerifier,
    /** Maps badges without ESCO alignments; without it such badges are rejected. */
    private readonly suggester: SkillSuggester | null = null,
  ) {}

  /**
   * Imports a parsed JSON document, or a VC-JWT given as a string. Its proof is verified first
   * (outside the write transaction: key and status-list fetches must not hold it open) and the
   * verification is stored on the holding.
   *
   * @throws BadInputError not a credential, no title, no issuer, no ESCO skill, invalid fields.
   * @throws NotFoundError ESCO skill URIs the graph does not hold (listed); nothing is written.
   *
   * The holder is the one learner whose (unique) externalId is the identifier the document gives;
   * a document naming no holder gets a learner whose id derives from the issuer and the document
   * (its `id`, else its content), so importing the same document again updates the same holding.
   */
  async importDocument(document: unknown, options: ImportOptions = {}): Promise<CredentialImportOutcome> {
    const selfLearnerId = options.selfLearnerId ?? null;
    const { verification, credential } = await this.verifier.verify(document, {
      statusLists: options.statusLists ?? [],
    });
    if (credential === null && typeof document === 'string') {
      const reason = verification.checks.find((c) => c.outcome === 'FAILED')?.message ?? 'unreadable token';
      throw new BadInputError(`Not a credential: ${reason}`);
    }
    // Anything else the verifier could not read, the parser rejects with its own reason.
    const source = credential ?? document;
    const parsed = parseCredentialDocument(source);
    const mapped = await this.mapSkillsOfBadge(parsed);
    const draft = planCredentialImport(parsed, undefined, mapped);
    if (selfLearnerId !== null && (draft.learner === null || draft.holding === null)) {
      throw new BadInputError(
        'A learner imports only a credential issued to them; this document is an achievement or badge class without a holder',
        {
          reason: 'NOT_AN_ISSUED_CREDENTIAL',
        },
      );
    }
    const plan =
      draft.learner && draft.learner.record.externalId === null && selfLearnerId === null
        ? planCredentialImport(parsed, () => holderlessLearnerId(draft.provider.id, source), mapped)
        : draft;
    if (mapped.length > 0) plan.warnings.push(mappedSkillsWarning(mapped));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.write(parsed.format, plan, verification, selfLearnerId);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= IMPORT_ATTEMPTS) throw error;
      }
    }
  }

  private async write(
    format: CredentialFormat,
    plan: CredentialImportPlan,
    verification: Verification,
    selfLearnerId: string | null,
  ): Promise<CredentialImportOutcome> {
    const credentialId = plan.credential.record.id;
    return this.executor.transaction('WRITE', async (tx) => {
      // A self-import locks the learner first and checks the holder under that lock.
      if (selfLearnerId !== null) await this.assertHolderIsLearner(plan, selfLearnerId, tx);
      const existing = await this.imports.findExistingRecords([plan.provider.id], [credentialId], tx);
      const createdProviders = await this.imports.createMissingProviders([plan.provider], tx);
      // A learner adds a holding, not catalog content: an existing micro-credential is kept as is.
      // The lock makes "new" race-free: of two learners importing one new credential, one writes it.
      const writeCredential = selfLearnerId === null || (await this.imports.lockOrCreateCredential(credentialId, tx));
      if (writeCredential) await this.catalog.mergeCredential(plan.credential, null, tx);
      let learnerId: string | null = null;
      let learnerCreated = false;
      if (selfLearnerId !== null && plan.holding) {
        learnerId = selfLearnerId;
        await this.learners.mergeHolding(learnerId, credentialId, withVerification(plan.holding, verification), tx);
      } else if (plan.learner && plan.holding) {
        ({ id: learnerId, created: learnerCreated } = await this.learners.mergeImportedLearner(plan.learner, tx));
        await this.learners.mergeHolding(learnerId, credentialId, withVerification(plan.holding, verification), tx);
      }
      return {
        format,
        credentialId,
        title: plan.credential.record.title,
        created: !existing.credentialIds.has(credentialId),
        providerId: plan.provider.id,
        providerCreated: createdProviders.has(plan.provider.id),
        learnerId,
        learnerCreated,
        warnings: plan.warnings,
        verification,
      };
    });
  }

  /**
   * The document's ESCO skills, or for an Open Badge without ESCO alignments the skills its
   * name, description and criteria map to (see `badge-skill-mapper.ts`).
   *
   * @throws BadInputError no ESCO skill, and nothing mapped with enough confidence.
   */
  private async mapSkillsOfBadge(parsed: ParsedCredential): Promise<MappedSkill[]> {
    if (parsed.skills.length > 0) return [];
    if (this.suggester === null || (parsed.format !== 'OB2' && parsed.format !== 'OB3')) {
      requireSkills(parsed);
      return [];
    }
    const mapped = await mapBadgeSkills(parsed, this.suggester);
    if (mapped.length === 0) {
      throw new BadInputError(
        `"${parsed.title}" carries no ESCO skill alignment, and its name, description and criteria map to no ESCO skill with confidence of at least ${MAPPED_SKILL_MIN_CONFIDENCE}`,
        { reason: 'NO_ESCO_SKILLS', value: parsed.format, actual: parsed.nonEscoAlignments.length },
      );
    }
    return mapped;
  }

  /**
   * The holder a document names must be the importing learner: the learner's externalId (set by
   * ADMIN only) must equal the document's holder identifier. A document naming no holder may be
   * recorded by whoever holds it. Runs after locking the learner, inside the writing transaction.
   */
  private async assertHolderIsLearner(plan: CredentialImportPlan, learnerId: string, tx: QueryRunner): Promise<void> {
    const { externalId } = await this.learners.lockLearnerIdentity(learnerId, tx);
    const holder = plan.learner?.record.externalId ?? null;
    if (holder === null || holder === externalId) return;
    throw new ForbiddenError(
      externalId === null
        ? 'the credential names its holder, and your learner record has no identifier (externalId) to match it; an administrator sets it'
        : 'the credential is issued to another holder than your learner record',
      { reason: 'HOLDER_MISMATCH' },
    );
  }
}

/** The warning that tells an importer which skills were mapped rather than stated. */
function mappedSkillsWarning(mapped: readonly MappedSkill[]): string {
  const listed = mapped.map((m) => `${m.label} (${m.confidence}, from the ${m.field})`).join('; ');
  return `no ESCO alignment: ${mapped.length} skill(s) mapped from the badge's text and stored as MAPPED (confidence ≥ ${MAPPED_SKILL_MIN_CONFIDENCE}): ${listed}`;
}
