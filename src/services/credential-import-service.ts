/**
 * Imports one credential document (Open Badges 2.0/3.0, ELM / European Digital Credential): parse,
 * require ESCO skills, then in ONE write transaction create the issuer if new, create or update
 * the micro-credential with its DECLARED skills, and for an issued credential record the holding
 * for the learner with the holder's identifier (created when unknown). Any failure — an unknown
 * ESCO URI included — rolls the whole import back, so a rejected document leaves no trace.
 */
import type { Neo4jExecutor } from '../db/neo4j-executor';
import type { CatalogRepository } from '../db/repositories/catalog-repository';
import type { LearnerRepository } from '../db/repositories/learner-repository';
import { parseCredentialDocument, requireSkills, type CredentialFormat } from '../domain/credentials';
import { CatalogImportRepository } from '../db/repositories/catalog-import-repository';
import { holderlessLearnerId, planCredentialImport, type CredentialImportPlan } from '../catalog-import/credential-import-plan';
import { withVerification } from '../domain/catalog/learner-input';
import { BadInputError, ConflictError } from '../domain/errors';
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

/** Standards-based credential import. */
export class CredentialImportService {
  private readonly imports = new CatalogImportRepository();

  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly catalog: CatalogRepository,
    private readonly learners: LearnerRepository,
    private readonly verifier: CredentialVerifier,
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
  async importDocument(document: unknown, options: Pick<VerifyOptions, 'statusLists'> = {}): Promise<CredentialImportOutcome> {
    const { verification, credential } = await this.verifier.verify(document, options);
    if (credential === null && typeof document === 'string') {
      const reason = verification.checks.find((c) => c.outcome === 'FAILED')?.message ?? 'unreadable token';
      throw new BadInputError(`Not a credential: ${reason}`);
    }
    // Anything else the verifier could not read, the parser rejects with its own reason.
    const source = credential ?? document;
    const parsed = requireSkills(parseCredentialDocument(source));
    const draft = planCredentialImport(parsed);
    const plan = draft.learner && draft.learner.record.externalId === null
      ? planCredentialImport(parsed, () => holderlessLearnerId(draft.provider.id, source))
      : draft;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.write(parsed.format, plan, verification);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= IMPORT_ATTEMPTS) throw error;
      }
    }
  }

  private async write(format: CredentialFormat, plan: CredentialImportPlan, verification: Verification): Promise<CredentialImportOutcome> {
    const credentialId = plan.credential.record.id;
    return this.executor.transaction('WRITE', async (tx) => {
      const existing = await this.imports.findExistingRecords([plan.provider.id], [credentialId], tx);
      const createdProviders = await this.imports.createMissingProviders([plan.provider], tx);
      await this.catalog.mergeCredential(plan.credential, null, tx);
      let learnerId: string | null = null;
      let learnerCreated = false;
      if (plan.learner && plan.holding) {
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
}
