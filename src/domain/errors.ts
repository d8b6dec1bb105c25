/**
 * The error catalogue: every failure a client can see carries one of these stable codes in
 * `extensions.code`. Domain and data code throw the typed errors below; the GraphQL error
 * formatter is the only place that turns them into responses (see `src/graphql/format-error.ts`).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'RESPONSE_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Base class of every error whose message is safe to show to a client.
 *
 * @example
 * throw new BadInputError('weights must lie in [0, 1]', { field: 'policy.exact', value: 1.4 });
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Structured, client-safe detail (field names, offending values, row numbers). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The request is malformed or violates a rule; the message says what is wrong. */
export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}

/** A referenced entity (URI or id) does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NOT_FOUND', message, details);
  }
}

/** No valid identity was presented where one is needed, or the token is invalid. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', details?: Record<string, unknown>) {
    super('UNAUTHENTICATED', message, details);
  }
}

/** The caller is known but may not perform this operation or see this data. */
export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed', details?: Record<string, unknown>) {
    super('FORBIDDEN', message, details);
  }
}

/** The write conflicts with the current state (duplicate id, still referenced, ...). */
export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

/** The client exceeded its request budget. */
export class RateLimitedError extends DomainError {
  constructor(message = 'Too many requests', details?: Record<string, unknown>) {
    super('RATE_LIMITED', message, details);
  }
}

/** An external service (the ESCO API) failed or timed out. */
export class UpstreamUnavailableError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('UPSTREAM_UNAVAILABLE', message, details);
  }
}

/** Neo4j cannot be reached or refused the work for a transient reason. */
export class DatabaseUnavailableError extends DomainError {
  constructor(message = 'The database is unavailable', details?: Record<string, unknown>) {
    super('DATABASE_UNAVAILABLE', message, details);
  }
}

/** The result of a valid request would exceed the response-size ceiling (`MAX_RESPONSE_BYTES`). */
export class ResponseTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super('RESPONSE_TOO_LARGE', `The response would exceed ${limitBytes} bytes; ask for fewer fields, smaller pages or fewer aliases`, { limit: limitBytes });
  }
}
