/** Learners, their holdings, declared skills and consent. Each write is one transaction. */
import type { QueryRunner } from '../neo4j-executor';
import type { HoldingRecord, ValidLearner } from '../../domain/catalog/learner-input';
import { NotFoundError } from '../../domain/errors';
import { findMissingReferences } from './reference-check';
import type { LearnerRow } from './catalog-rows';

function learnerRow(raw: unknown): LearnerRow {
  const row = raw as LearnerRow & { createdAt: unknown };
  return {
    ...row,
    advisorSubjects: row.advisorSubjects ?? [],
    matchingConsent: row.matchingConsent === true,
    createdAt: row.createdAt == null ? null : String(row.createdAt),
  };
}

/** Reads and writes learners. */
export class LearnerRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/learners/create-learner */
  async createLearner(valid: ValidLearner, runner: QueryRunner = this.executor): Promise<string> {
    return runner.transaction('WRITE', async (tx) => {
      await findMissingReferences(tx, { skillUris: valid.skillUris, occupationUris: valid.occupationUris });
      const [row] = await tx.write('learners/create-learner', {
        learner: valid.record,
        skillUris: valid.skillUris,
        occupationUris: valid.occupationUris,
        now: new Date().toISOString(),
      });
      return row!.id as string;
    });
  }

  /** cypher/learners/get-learners-by-ids */
  async getLearnersByIds(ids: readonly string[], runner: QueryRunner = this.executor): Promise<LearnerRow[]> {
    const rows = await runner.read('learners/get-learners-by-ids', { ids });
    return rows.map((row) => learnerRow(row.learner));
  }

  /**
   * cypher/locks/lock-learner: every write to a learner takes the learner's lock first, then reads
   * and checks in later statements, so concurrent writes (grants and revokes, a delete racing an
   * addition) apply one after the other and a deleted learner is reported NOT_FOUND.
   */
  private async lockLearner(tx: QueryRunner, learnerId: string): Promise<void> {
    await tx.write('locks/lock-learner', { learnerId });
  }

  /**
   * cypher/learners/merge-holding after locking the learner, then the credential (the order
   * `deleteLearner` and `deleteCredential` take them in too): racing `deleteCredential`, either
   * the holding is added first (and the delete answers CONFLICT) or the credential is gone (NOT_FOUND).
   */
  async mergeHolding(
    learnerId: string,
    credentialId: string,
    holding: HoldingRecord,
    runner: QueryRunner = this.executor,
  ): Promise<void> {
    await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      await tx.write('locks/lock-credential', { credentialId });
      await findMissingReferences(tx, { learnerIds: [learnerId], credentialIds: [credentialId] });
      await tx.write('learners/merge-holding', {
        learnerId,
        credentialId,
        holding: { ...holding, verification: holding.verification ?? null },
        now: new Date().toISOString(),
      });
    });
  }

  /** cypher/learners/delete-holding (learner locked first): NOT_FOUND when the learner does not hold it. */
  async deleteHolding(learnerId: string, credentialId: string, runner: QueryRunner = this.executor): Promise<void> {
    const [row] = await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      return tx.write('learners/delete-holding', { learnerId, credentialId });
    });
    if (!row || row.removed === 0)
      throw new NotFoundError(`learner ${learnerId} holds no credential ${credentialId}`, {
        items: [learnerId, credentialId],
      });
  }

  /** cypher/learners/set-declared-skills (learner locked first). */
  async setDeclaredSkills(
    learnerId: string,
    skillUris: string[],
    replace: boolean,
    runner: QueryRunner = this.executor,
  ): Promise<void> {
    await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      await findMissingReferences(tx, { learnerIds: [learnerId], skillUris });
      await tx.write('learners/set-declared-skills', { learnerId, skillUris, replace, now: new Date().toISOString() });
    });
  }

  /** cypher/learners/set-matching-consent (learner locked first). */
  async setMatchingConsent(learnerId: string, consent: boolean, runner: QueryRunner = this.executor): Promise<void> {
    const rows = await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      return tx.write('learners/set-matching-consent', { learnerId, consent, now: new Date().toISOString() });
    });
    if (rows.length === 0) throw new NotFoundError(`unknown learner: ${learnerId}`, { items: [learnerId] });
  }

  /**
   * cypher/learners/set-advisor-access after locking the learner: the list is read and written
   * back under the lock, so every acknowledged grant and revoke is kept, in the order they ran.
   */
  async setAdvisorAccess(
    learnerId: string,
    advisorSubject: string,
    grant: boolean,
    runner: QueryRunner = this.executor,
  ): Promise<string[]> {
    const [row] = await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      return tx.write('learners/set-advisor-access', {
        learnerId,
        advisorSubject,
        grant,
        now: new Date().toISOString(),
      });
    });
    if (!row) throw new NotFoundError(`unknown learner: ${learnerId}`, { items: [learnerId] });
    return row.advisorSubjects as string[];
  }

  /** cypher/learners/export-learner-data */
  async exportLearnerData(learnerId: string, runner: QueryRunner = this.executor): Promise<Record<string, unknown>> {
    const [row] = await runner.read('learners/export-learner-data', { learnerId });
    if (!row) throw new NotFoundError(`unknown learner: ${learnerId}`, { items: [learnerId] });
    return { exportedAt: new Date().toISOString(), ...row };
  }

  /** cypher/learners/delete-learner (learner locked first, see mergeHolding). */
  async deleteLearner(learnerId: string, runner: QueryRunner = this.executor): Promise<void> {
    const [row] = await runner.transaction('WRITE', async (tx) => {
      await this.lockLearner(tx, learnerId);
      return tx.write('learners/delete-learner', { learnerId });
    });
    if (!row || row.deleted === 0) throw new NotFoundError(`unknown learner: ${learnerId}`, { items: [learnerId] });
  }

  /**
   * cypher/learners/merge-imported-learner: the one learner holding the import's externalId (or
   * its document-derived id), created when absent. Declared skills and targets are not imported.
   */
  async mergeImportedLearner(
    valid: ValidLearner,
    runner: QueryRunner = this.executor,
  ): Promise<{ id: string; created: boolean }> {
    const [row] = await runner.write('learners/merge-imported-learner', {
      learner: valid.record,
      now: new Date().toISOString(),
    });
    return { id: row!.id as string, created: row!.created === true };
  }

  /**
   * cypher/locks/lock-learner then cypher/learners/get-learner-external-id, inside a caller's
   * transaction: the learner's holder identifier, read under the learner's lock so a concurrent
   * change or deletion cannot slip in between the check and the write that follows.
   *
   * @throws NotFoundError no such learner (or deleted meanwhile).
   */
  async lockLearnerIdentity(learnerId: string, tx: QueryRunner): Promise<{ externalId: string | null }> {
    await this.lockLearner(tx, learnerId);
    const [row] = await tx.read('learners/get-learner-external-id', { learnerId });
    if (!row)
      throw new NotFoundError(`unknown learner: ${learnerId} (create the learner record first)`, {
        items: [learnerId],
      });
    return { externalId: (row.externalId as string | null) ?? null };
  }
}
