/**
 * Production masking, end to end through Apollo: a resolver fails with a driver error whose
 * message quotes Cypher; in production the client sees only "Internal server error" (no stack
 * trace, no Cypher, no driver code), while the full error goes to the log. Outside production
 * the message is kept to help development.
 */
import { describe, expect, it } from 'vitest';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { createErrorFormatter } from '../../../src/graphql/format-error';
import { mapDriverError } from '../../../src/db/neo4j-errors';
import { BadInputError } from '../../../src/domain/errors';

const CYPHER_SECRET = 'MATCH (l:Learner {externalId: $email}) RETRN l';

function syntaxError(): Neo4jError {
  return new Neo4jError(
    `Invalid input 'RETRN': expected 'RETURN' (line 1, column 40)\n"${CYPHER_SECRET}"`,
    'Neo.ClientError.Statement.SyntaxError',
    '42001',
    'error: syntax error',
  );
}

async function ask(exposeDetails: boolean, fail: () => never, query = '{ broken }') {
  const logged: Record<string, unknown>[] = [];
  const apollo = new ApolloServer({
    schema: buildSchema('type Query { broken: String }'),
    rootValue: { broken: fail },
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter({ error: (fields) => logged.push(fields) }, exposeDetails),
  });
  await apollo.start();
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: { query },
    },
    context: async () => ({}),
  });
  await apollo.stop();
  const text = result.body.kind === 'complete' ? result.body.string : '';
  return {
    text,
    body: JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] },
    logged,
  };
}

describe('error formatter', () => {
  it('masks a driver error completely in production, and logs it', async () => {
    const { text, body, logged } = await ask(false, () => {
      throw mapDriverError(syntaxError());
    });
    expect(body.errors[0]).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['broken'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    for (const leak of ['RETRN', 'Learner', 'Neo.ClientError', 'stacktrace', 'at ', '.ts:', '.js:'])
      expect(text).not.toContain(leak);
    expect(logged).toHaveLength(1);
    expect((logged[0]!.err as Error).message).toContain('RETRN');
  });

  it('masks a plain Error with a stack in production', async () => {
    const { text, body } = await ask(false, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'uri')");
    });
    expect(body.errors[0]!.message).toBe('Internal server error');
    expect(text).not.toContain('reading');
  });

  it('keeps the message outside production (development)', async () => {
    const { body } = await ask(true, () => {
      throw syntaxError();
    });
    expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0]!.message).toContain("Invalid input 'RETRN'");
  });

  it('passes catalogue errors through in every mode', async () => {
    const { body } = await ask(false, () => {
      throw new BadInputError('first must be at most 100', { field: 'first' });
    });
    expect(body.errors[0]).toMatchObject({
      message: 'first must be at most 100',
      extensions: { code: 'BAD_USER_INPUT', details: { field: 'first' } },
    });
  });

  it('reports an unreachable database as DATABASE_UNAVAILABLE without the driver message', async () => {
    const { text, body } = await ask(false, () => {
      throw mapDriverError(
        new Neo4jError(
          'Failed to connect to server 10.1.2.3:7687',
          'ServiceUnavailable',
          '08000',
          'connection exception',
        ),
      );
    });
    expect(body.errors[0]).toMatchObject({
      message: 'The database is unavailable',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(text).not.toContain('10.1.2.3');
  });

  it('turns parse errors into BAD_USER_INPUT', async () => {
    const { body } = await ask(
      false,
      () => {
        throw new Error('unreachable');
      },
      '{ broken ',
    );
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a persisted-query hash mismatch (APQ on) with BAD_USER_INPUT, not INTERNAL_SERVER_ERROR, and logs nothing', async () => {
    const logged: Record<string, unknown>[] = [];
    const apollo = new ApolloServer({
      schema: buildSchema('type Query { ok: String }'),
      formatError: createErrorFormatter({ error: (fields) => logged.push(fields) }, false),
    });
    await apollo.start();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query: '{ ok }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
      },
      context: async () => ({}),
    });
    await apollo.stop();
    const body = JSON.parse(result.body.kind === 'complete' ? result.body.string : '{}') as {
      errors: { extensions: { code: string } }[];
    };
    expect(result.status).toBe(400);
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(logged).toEqual([]);
  });

  it('cuts "Did you mean" suggestions when asked to', () => {
    const format = createErrorFormatter({ error: () => undefined }, false, { maskSuggestions: true });
    const error = new GraphQLError(
      'Value "HOUR" does not exist in "PlanObjective" enum. Did you mean the enum value "HOURS"?',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
    expect(format({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }, error).message).toBe(
      'Value "HOUR" does not exist in "PlanObjective" enum.',
    );
  });

  it('masks an error thrown outside execution (Apollo passes it unwrapped), such as "Invalid string length"', () => {
    const logged: Record<string, unknown>[] = [];
    const format = createErrorFormatter({ error: (fields) => logged.push(fields) }, false);
    const error = new RangeError('Invalid string length');
    expect(format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });
});
