/**
 * The error catalogue: every failure a client can see carries one of these stable codes in
 * `extensions.code`, with the HTTP status, default message and retry advice listed once in
 * {@link ERROR_CATALOGUE}. Domain and data code throw the typed errors built by
 * {@link defineError}; the GraphQL error formatter (`src/graphql/format-error.ts`) is the only
 * place that turns them into responses, and the HTTP front reads statuses from here.
 */

/** What the catalogue says about one code. */
export interface ErrorSpec {
  /**
   * HTTP status of a request refused as a whole with this code (before execution, or by the HTTP
   * front). Errors raised while executing a field keep 200, as GraphQL over HTTP prescribes for
   * `application/json`: the response may still carry data for the other fields.
   */
  readonly status: number;
  /** Message used when the thrower gives none. */
  readonly message: string;
  /** True when the same request may succeed later without change (clients may back off and retry). */
  readonly retryable: boolean;
}

/** Every code, its HTTP status, default message and retry advice. */
export const ERROR_CATALOGUE = {
  BAD_USER_INPUT: { status: 400, message: 'The request is invalid', retryable: false },
  NOT_FOUND: { status: 404, message: 'Not found', retryable: false },
  UNAUTHENTICATED: { status: 401, message: 'Authentication required', retryable: false },
  FORBIDDEN: { status: 403, message: 'Not allowed', retryable: false },
  CONFLICT: { status: 409, message: 'The write conflicts with the current state', retryable: false },
  RATE_LIMITED: { status: 429, message: 'Too many requests', retryable: true },
  UPSTREAM_UNAVAILABLE: { status: 502, message: 'An upstream service is unavailable', retryable: true },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable', retryable: true },
  SERVER_BUSY: { status: 503, message: 'The server is busy; retry after the pause in retry-after', retryable: true },
  REQUEST_TIMEOUT: { status: 503, message: 'The request did not complete in time', retryable: true },
  RESPONSE_TOO_LARGE: { status: 400, message: 'The response would be too large', retryable: false },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal server error', retryable: false },
} as const satisfies Record<string, ErrorSpec>;

/** A stable error code (`extensions.code`). */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every code, in catalogue order. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as readonly ErrorCode[];

/** True when `code` is one of the catalogue's codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}

/** The HTTP status the catalogue gives `code`; 500 for anything not in the catalogue. */
export function httpStatusOf(code: string | undefined): number {
  return isErrorCode(code) ? ERROR_CATALOGUE[code].status : 500;
}

/**
 * The one shape of `extensions.details`: a flat object whose keys all come from this list, each
 * optional, so a client reads `details.field` or `details.limit` the same way for every code.
 *
 * @example
 * { field: 'constraints.maxCourses', value: -1 }            // a bad argument
 * { field: 'skills', limit: 200, actual: 250 }              // a list over its limit
 * { items: ['cred-1', 'cred-9'] }                           // referenced entities that are missing
 * { reason: 'MISSING_TITLE', field: 'credentialSubject' }   // a sub-code of BAD_USER_INPUT
 */
export interface ErrorDetails {
  /** Path of the offending argument or input field, dotted, with list indexes: `gap[2].skillUri`. */
  readonly field?: string;
  /** The offending value (JSON), when short and safe to echo. */
  readonly value?: unknown;
  /** The bound that was exceeded (items, bytes, cost, round trips). */
  readonly limit?: number;
  /** The measured amount that broke `limit`, or a count the message refers to. */
  readonly actual?: number;
  /** A stable machine-readable sub-code, e.g. `MISSING_TITLE`, `maxDepth`, `WRONG_CLASS`. */
  readonly reason?: string;
  /** Ids, URIs or names the message is about: missing or conflicting entities, malformed URIs, missing columns. */
  readonly items?: readonly string[];
  /** For errors about a file (imports): where in it. */
  readonly source?: SourceLocation;
  /** For UPSTREAM_UNAVAILABLE and upstream NOT_FOUND: what was called and how it answered. */
  readonly upstream?: UpstreamDetails;
  /** For SERVER_BUSY: seconds to wait before retrying (also sent as the `retry-after` header). */
  readonly retryAfterSeconds?: number;
}

/** A place in an input file. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based data row (CSV). */
  readonly row?: number;
  /** 1-based physical line. */
  readonly line?: number;
  /** 0-based byte offset. */
  readonly offset?: number;
}

/** Details of a call to an external service (the ESCO API). */
export interface UpstreamDetails {
  readonly endpoint?: string;
  readonly status?: number;
  readonly attempts?: number;
  readonly message?: string;
  readonly version?: string;
}

/**
 * Base class of every error whose message is safe to show to a client.
 *
 * @example
 * throw new BadInputError('weights must lie in [0, 1]', { field: 'policy.exact', value: 1.4 });
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  /** Structured, client-safe detail in the one {@link ErrorDetails} shape. */
  readonly details: ErrorDetails | undefined;

  constructor(code: C, message: string = ERROR_CATALOGUE[code].message, details?: ErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  /** The catalogue's HTTP status for this error's code. */
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  /** The catalogue's retry advice for this error's code. */
  get retryable(): boolean {
    return ERROR_CATALOGUE[this.code].retryable;
  }
}

/** A class of catalogue errors with one fixed code. */
export type DomainErrorClass<C extends ErrorCode> = new (message?: string, details?: ErrorDetails) => DomainError<C>;

/**
 * Builds the error class of one catalogue code: `new X(message?, details?)`, `instanceof X` works,
 * the message defaults to the catalogue's.
 *
 * @example
 * export const GoneError = defineError('NOT_FOUND', 'GoneError');
 * throw new GoneError(`no learner ${id}`, { items: [id] });
 */
export function defineError<C extends ErrorCode>(code: C, name: string): DomainErrorClass<C> {
  const ErrorClass = class extends DomainError<C> {
    constructor(message?: string, details?: ErrorDetails) {
      super(code, message ?? ERROR_CATALOGUE[code].message, details);
    }
  };
  // The class name shows in logs and stack traces; an anonymous class would be "ErrorClass".
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}

/** The request is malformed or violates a rule; the message says what is wrong. */
export const BadInputError = defineError('BAD_USER_INPUT', 'BadInputError');
export type BadInputError = InstanceType<typeof BadInputError>;

/** A referenced entity (URI or id) does not exist. */
export const NotFoundError = defineError('NOT_FOUND', 'NotFoundError');
export type NotFoundError = InstanceType<typeof NotFoundError>;

/** No valid identity was presented where one is needed, or the token is invalid. */
export const UnauthenticatedError = defineError('UNAUTHENTICATED', 'UnauthenticatedError');
export type UnauthenticatedError = InstanceType<typeof UnauthenticatedError>;

/** The caller is known but may not perform this operation or see this data. */
export const ForbiddenError = defineError('FORBIDDEN', 'ForbiddenError');
export type ForbiddenError = InstanceType<typeof ForbiddenError>;

/** The write conflicts with the current state (duplicate id, still referenced, ...). */
export const ConflictError = defineError('CONFLICT', 'ConflictError');
export type ConflictError = InstanceType<typeof ConflictError>;

/** An external service (the ESCO API) failed or timed out. */
export const UpstreamUnavailableError = defineError('UPSTREAM_UNAVAILABLE', 'UpstreamUnavailableError');
export type UpstreamUnavailableError = InstanceType<typeof UpstreamUnavailableError>;

/** Neo4j cannot be reached or refused the work for a transient reason. */
export const DatabaseUnavailableError = defineError('DATABASE_UNAVAILABLE', 'DatabaseUnavailableError');
export type DatabaseUnavailableError = InstanceType<typeof DatabaseUnavailableError>;

/**
 * The compute tier's queue is full: heavy work (ranking at scale, planning) is refused at once
 * rather than queued without bound. Answered with 503 and `retry-after`.
 */
export const ServerBusyError = defineError('SERVER_BUSY', 'ServerBusyError');
export type ServerBusyError = InstanceType<typeof ServerBusyError>;

/**
 * The request ran out of time (`REQUEST_TIMEOUT_MS`) while computing; its work was cancelled. A
 * timeout spent waiting for the database is DATABASE_UNAVAILABLE instead.
 */
export const RequestTimeoutError = defineError('REQUEST_TIMEOUT', 'RequestTimeoutError');
export type RequestTimeoutError = InstanceType<typeof RequestTimeoutError>;

/** The result of a valid request would exceed the response-size ceiling (`MAX_RESPONSE_BYTES`). */
export const ResponseTooLargeError = defineError('RESPONSE_TOO_LARGE', 'ResponseTooLargeError');
export type ResponseTooLargeError = InstanceType<typeof ResponseTooLargeError>;

/** The RESPONSE_TOO_LARGE error for a ceiling of `limitBytes`. */
export function responseTooLarge(limitBytes: number): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `The response would exceed ${limitBytes} bytes; ask for fewer fields, smaller pages or fewer aliases`,
    { limit: limitBytes },
  );
}
