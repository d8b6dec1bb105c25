/**
 * Maps driver failures onto the error catalogue. Connection loss becomes DATABASE_UNAVAILABLE;
 * constraint violations become CONFLICT; anything else is rethrown unchanged, to be logged and
 * masked by the formatter (driver messages can quote Cypher and must not reach clients).
 */
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError, DomainError } from '../domain/errors';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.TransientError.Transaction.Terminated',
]);

/** True when the error means the database cannot currently serve. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    // Every TransientError (deadlock, terminated, memory pressure, ...) means "try again later".
    // The pool's acquisition timeout has no code, only its message: all connections are busy.
    return UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.') || error.message.startsWith('Connection acquisition timed out');
  }
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

/** Translates a driver error into a catalogue error where one applies. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (isUnavailable(error)) return new DatabaseUnavailableError();
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with an existing record');
  }
  // Also `...TransactionTimedOutClientConfiguration`: the timeout the executor sets per transaction.
  if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new DatabaseUnavailableError('The database did not answer in time');
  }
  return error;
}
