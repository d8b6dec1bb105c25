/** Learners, their holdings, declared skills and consent. Each write is one transaction. */
import type { Neo4jExecutor, QueryRunner } from '../neo4j-executor';
import type { HoldingRecord, ValidLearner } from '../../domain/catalog/learner-input';
import { NotFoundError } from '../../domain/errors';
import { findMissingReferences } from './reference-check';
import type { LearnerRow } from './catalog-rows';

function learnerRow(raw: unknown): LearnerRow {
  const row = raw as LearnerRow & { createdAt: unknown };
  return { ...row, advisorSubjects: row.advisorSubjects ?? [], matchingConsent: row.matchingConsent === true, createdAt: row.createdAt == null ? null : String(row.createdAt) };
}

/** Reads and writes learners. */
export class LearnerRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/learners/create-learner */
  async createLearner(valid: ValidLearner): Promise<string> {
    return this.executor.writeTransaction((tx) => this.createLearnerIn(tx, valid));
  }

  /** The same inside a caller's transaction. */
  async createLearnerIn(tx: QueryRunner, valid: ValidLearner): Promise<string> {
    await findMissingReferences(tx, { skillUris: valid.skillUris, occupationUris: valid.occupationUris });
    const [row] = await tx.run('learners/create-learner', { learner: valid.record, skillUris: valid.skillUris, occupationUris: valid.occupationUris, now: new Date().toISOString() });
    return row!.id as string;
  }

  /** cypher/learners/get-learners-by-ids */
  async getLearnersByIds(ids: readonly string[]): Promise<LearnerRow[]> {
    const rows = await this.executor.read('learners/get-learners-by-ids', { ids });
    return rows.map((row) => learnerRow(row.learner));
  }

  /** cypher/learners/merge-holding */
  async mergeHolding(learnerId: string, credentialId: string, holding: HoldingRecord): Promise<void> {
    await this.executor.writeTransaction((tx) => this.mergeHoldingIn(tx, learnerId, credentialId, holding));
  }

  /** The same inside a caller's transaction. */
  async mergeHoldingIn(tx: QueryRunner, learnerId: string, credentialId: string, holding: HoldingRecord): Promise<void> {
    await findMissingReferences(tx, { learnerIds: [learnerId], credentialIds: [credentialId] });
    await tx.run('learners/merge-holding', { learnerId, credentialId, holding: { ...holding, verification: holding.verification ?? null }, now: new Date().toISOString() });
  }

  /** cypher/learners/delete-holding: NOT_FOUND when the learner does not hold it. */
  async deleteHolding(learnerId: string, credentialId: string): Promise<void> {
    const [row] = await this.executor.write('learners/delete-holding', { learnerId, credentialId });
    if (!row || row.removed === 0) throw new NotFoundError(`learner ${learnerId} holds no credential ${credentialId}`, { learnerId, credentialId });
  }

  /** cypher/learners/set-declared-skills */
  async setDeclaredSkills(learnerId: string, skillUris: string[], replace: boolean): Promise<void> {
    await this.executor.writeTransaction(async (tx) => {
      await findMissingReferences(tx, { learnerIds: [learnerId], skillUris });
      await tx.run('learners/set-declared-skills', { learnerId, skillUris, replace, now: new Date().toISOString() });
    });
  }

  /** cypher/learners/set-matching-consent */
  async setMatchingConsent(learnerId: string, consent: boolean): Promise<void> {
    const rows = await this.executor.write('learners/set-matching-consent', { learnerId, consent, now: new Date().toISOString() });
    if (rows.length === 0) throw new NotFoundError(`unknown learner: ${learnerId}`, { learnerId });
  }

  /** cypher/learners/set-advisor-access */
  async setAdvisorAccess(learnerId: string, advisorSubject: string, grant: boolean): Promise<string[]> {
    const [row] = await this.executor.write('learners/set-advisor-access', { learnerId, advisorSubject, grant, now: new Date().toISOString() });
    if (!row) throw new NotFoundError(`unknown learner: ${learnerId}`, { learnerId });
    return row.advisorSubjects as string[];
  }

  /** cypher/learners/export-learner-data */
  async exportLearnerData(learnerId: string): Promise<Record<string, unknown>> {
    const [row] = await this.executor.read('learners/export-learner-data', { learnerId });
    if (!row) throw new NotFoundError(`unknown learner: ${learnerId}`, { learnerId });
    return { exportedAt: new Date().toISOString(), ...row };
  }

  /** cypher/learners/delete-learner */
  async deleteLearner(learnerId: string): Promise<void> {
    const [row] = await this.executor.write('learners/delete-learner', { learnerId });
    if (!row || row.deleted === 0) throw new NotFoundError(`unknown learner: ${learnerId}`, { learnerId });
  }

  /** cypher/learners/find-learner-by-external-id */
  async findLearnerByExternalIdIn(tx: QueryRunner, externalId: string): Promise<string | null> {
    const [row] = await tx.run('learners/find-learner-by-external-id', { externalId });
    return (row?.id as string | undefined) ?? null;
  }
}
