/**
 * The one error formatter. Catalogue errors keep their message and code; GraphQL's own validation
 * and parse errors become BAD_USER_INPUT; everything else is logged and masked as
 * INTERNAL_SERVER_ERROR so no stack trace, Cypher text or driver message reaches a client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, type ErrorCode } from '../domain/errors';

/** Where masked errors are reported. */
export interface ErrorSink {
  error(fields: Record<string, unknown>, message: string): void;
}

const GRAPHQL_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** Builds Apollo's `formatError` hook. */
export function createErrorFormatter(sink: ErrorSink, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) } };
    }
    if (original instanceof ArgumentValidationError) {
      const details = original.extensions.validationErrors;
      return { ...base, message: 'Invalid input: ' + original.message, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, details } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_INPUT_CODES.has(code)) {
      return { ...base, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, reason: code } };
    }
    // A GraphQLError without an original error comes from graphql-js or a validation rule (our
    // security layer): its message is ours and safe.
    const fromGraphql = (error as { originalError?: unknown })?.originalError === undefined && typeof code === 'string';
    if (fromGraphql) return { ...base, extensions: { code } };
    sink.error({ err: original, path: formatted.path }, 'unhandled error in GraphQL execution');
    return {
      message: exposeDetails && original instanceof Error ? `Internal server error: ${original.message}` : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
    };
  };
}
