/**
 * Lucene's refusals of a full-text query (too many clauses, parse errors) are the client's text
 * to change: BAD_USER_INPUT, never a masked 500 (issue #11 item 1). Other procedure failures stay
 * internal.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { isLuceneRefusal, mapDriverError } from '../../../src/db/neo4j-errors';
import { BadInputError } from '../../../src/domain/errors';

const procedureFailure = (cause: string) =>
  new Neo4jError(
    `Failed to invoke procedure \`db.index.fulltext.queryNodes\`: Caused by: ${cause}`,
    'Neo.ClientError.Procedure.ProcedureCallFailed',
    '52N37',
    'error',
  );

describe('Lucene refusals', () => {
  it.each([
    'org.apache.lucene.search.IndexSearcher$TooManyClauses: maxClauseCount is set to 1024',
    'org.apache.lucene.search.IndexSearcher$TooManyNestedClauses: Query contains too many nested clauses',
    'org.apache.lucene.queryparser.classic.ParseException: Encountered "<EOF>" at line 1, column 7.',
    'org.apache.lucene.queryparser.classic.TokenMgrError: Lexical error at line 1, column 14.',
  ])('maps %s to BAD_USER_INPUT without quoting it', (cause) => {
    const mapped = mapDriverError(procedureFailure(cause));
    expect(mapped).toBeInstanceOf(BadInputError);
    expect((mapped as Error).message).not.toMatch(/lucene|Caused by/i);
  });

  it('leaves other procedure failures to be masked', () => {
    const error = procedureFailure('java.lang.OutOfMemoryError: Java heap space');
    expect(isLuceneRefusal(error)).toBe(false);
    expect(mapDriverError(error)).toBe(error);
  });
});
