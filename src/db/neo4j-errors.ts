/**
 * Maps driver failures onto the error catalogue. Connection loss becomes DATABASE_UNAVAILABLE;
 * constraint violations become CONFLICT; Lucene's refusal of a search text becomes BAD_USER_INPUT; anything else is rethrown unchanged, to be logged and
 * masked by the formatter (driver messages can quote Cypher and must not reach clients).
 */
import { Neo4jError } from 'neo4j-driver';
import { BadInputError, ConflictError, DatabaseUnavailableError, DomainError } from '../domain/errors';

/**
 * Lucene's refusals of a full-text query: too many clauses, nested too deep, or not parseable.
 * The domain builds queries that avoid them (see `src/domain/search/`), so one reaching here
 * comes from unusual text, which is the client's to change.
 */
const LUCENE_REFUSAL =
  /TooManyClauses|TooManyNestedClauses|maxClauseCount|queryparser\.\w+\.(ParseException|TokenMgrError)|BooleanQuery\$TooManyClauses/;

/** True when Neo4j failed a full-text query because Lucene refused the query text. */
export function isLuceneRefusal(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' &&
    LUCENE_REFUSAL.test(error.message)
  );
}

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
    return (
      UNAVAILABLE_CODES.has(error.code) ||
      error.code.startsWith('Neo.TransientError.') ||
      error.message.startsWith('Connection acquisition timed out')
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

/** Translates a driver error into a catalogue error where one applies. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (isUnavailable(error)) return new DatabaseUnavailableError();
  if (isLuceneRefusal(error))
    return new BadInputError('The search text is too complex to search for: use fewer or shorter words');
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with an existing record');
  }
  // Also `...TransactionTimedOutClientConfiguration`: the timeout the executor sets per transaction.
  if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new DatabaseUnavailableError('The database did not answer in time');
  }
  return error;
}
