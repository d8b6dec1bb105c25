/**
 * The one error formatter. Catalogue errors keep their message and code; GraphQL's own validation
 * and parse errors, and the protocol errors Apollo raises for a bad request (HTTP 4xx), become
 * BAD_USER_INPUT; everything else is logged and masked as INTERNAL_SERVER_ERROR so no stack
 * trace, Cypher text or driver message reaches a client. With suggestions masked (production),
 * graphql-js "Did you mean ...?" hints are cut from every message, since they reveal field, type,
 * argument and enum names that introspection (off in production) would otherwise hide.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorCode } from '../domain/errors';

/** Where masked errors are reported. */
export interface ErrorSink {
  error(fields: Record<string, unknown>, message: string): void;
}

/** How the formatter treats details. */
export interface ErrorFormatterOptions {
  /** Cut "Did you mean ...?" suggestions from messages. */
  readonly maskSuggestions?: boolean;
}

const GRAPHQL_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// graphql-js always puts its suggestions at the end of the message.
const SUGGESTION = /\s*Did you mean\b[\s\S]*$/;

/** The catalogue error behind `error`, if any (thrown by a resolver or by a request plugin). */
function domainErrorOf(error: unknown): DomainError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof DomainError) return original.originalError;
  return undefined;
}

/** True for errors Apollo raises itself about the request, with a 4xx status (e.g. a persisted-query hash mismatch). */
function isClientProtocolError(error: unknown): boolean {
  const status = (error as GraphQLError | null)?.extensions?.http as { status?: unknown } | undefined;
  return (
    error instanceof GraphQLError &&
    error.originalError === undefined &&
    typeof status?.status === 'number' &&
    status.status >= 400 &&
    status.status < 500
  );
}

/** Builds Apollo's `formatError` hook. */
export function createErrorFormatter(sink: ErrorSink, exposeDetails: boolean, options: ErrorFormatterOptions = {}) {
  const message = (text: string) => (options.maskSuggestions ? text.replace(SUGGESTION, '') : text);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: message(formatted.message), locations: formatted.locations, path: formatted.path };
    const domain = domainErrorOf(error);
    if (domain) {
      return {
        ...base,
        message: message(domain.message),
        extensions: { code: domain.code, ...(domain.details ? { details: domain.details } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_INPUT_CODES.has(code)) {
      return { ...base, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, reason: code } };
    }
    // A GraphQLError without an original error comes from graphql-js, a validation rule (our
    // security layer) or the HTTP layer (UNAUTHENTICATED): its message and code are ours and safe.
    // (Apollo hands errors thrown outside execution, such as a RangeError while serialising, over
    // as they are: not GraphQLErrors, so masked below.)
    const fromGraphql =
      error instanceof GraphQLError &&
      error.originalError === undefined &&
      typeof code === 'string' &&
      code !== 'INTERNAL_SERVER_ERROR';
    if (fromGraphql) return { ...base, extensions: { code } };
    // Without a code, Apollo's own refusals of a bad request (4xx) are client errors, not ours.
    if (isClientProtocolError(original))
      return { ...base, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, reason: 'BAD_REQUEST' } };
    sink.error({ err: original, path: formatted.path }, 'unhandled error in GraphQL execution');
    return {
      message:
        exposeDetails && original instanceof Error
          ? `Internal server error: ${original.message}`
          : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
    };
  };
}
