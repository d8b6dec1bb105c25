/**
 * The error catalogue: each code's HTTP status and retry advice are written here literally, so a
 * changed status is a deliberate edit of this table too; the classes built by `defineError` keep
 * `instanceof`, their code and the catalogue's default message.
 */
import { describe, expect, it } from 'vitest';
import {
  BadInputError,
  ConflictError,
  DatabaseUnavailableError,
  DomainError,
  ERROR_CODES,
  ForbiddenError,
  NotFoundError,
  ResponseTooLargeError,
  UnauthenticatedError,
  UpstreamUnavailableError,
  defineError,
  httpStatusOf,
  isErrorCode,
  responseTooLarge,
} from '../../../src/domain/errors';

describe('error catalogue', () => {
  it('gives every code its HTTP status and retry advice', () => {
    const table = Object.fromEntries(ERROR_CODES.map((code) => [code, httpStatusOf(code)]));
    expect(table).toEqual({
      BAD_USER_INPUT: 400,
      NOT_FOUND: 404,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      UPSTREAM_UNAVAILABLE: 502,
      DATABASE_UNAVAILABLE: 503,
      SERVER_BUSY: 503,
      REQUEST_TIMEOUT: 503,
      RESPONSE_TOO_LARGE: 400,
      INTERNAL_SERVER_ERROR: 500,
    });
    expect(httpStatusOf('SOMETHING_ELSE')).toBe(500);
    expect(httpStatusOf(undefined)).toBe(500);
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it.each([
    [BadInputError, 'BAD_USER_INPUT', 400, false],
    [NotFoundError, 'NOT_FOUND', 404, false],
    [UnauthenticatedError, 'UNAUTHENTICATED', 401, false],
    [ForbiddenError, 'FORBIDDEN', 403, false],
    [ConflictError, 'CONFLICT', 409, false],
    [UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE', 502, true],
    [DatabaseUnavailableError, 'DATABASE_UNAVAILABLE', 503, true],
    [ResponseTooLargeError, 'RESPONSE_TOO_LARGE', 400, false],
  ] as const)('%o throws %s with status %i', (ErrorClass, code, status, retryable) => {
    const error = new ErrorClass('what went wrong', { field: 'x' });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe('what went wrong');
    expect(error.details).toEqual({ field: 'x' });
    expect(error.name).toBe(ErrorClass.name);
    expect(error.name).toMatch(/^[A-Z]\w+Error$/);
  });

  it('keeps classes apart: a NotFoundError is no BadInputError', () => {
    expect(new NotFoundError('gone')).not.toBeInstanceOf(BadInputError);
    expect(new BadInputError('bad')).not.toBeInstanceOf(NotFoundError);
  });

  it('uses the default message when none is given', () => {
    expect(new UnauthenticatedError().message).toBe('Authentication required');
    expect(new ForbiddenError().message).toBe('Not allowed');
    expect(new DatabaseUnavailableError().message).toBe('The database is unavailable');
  });

  it('builds new classes with defineError, named for logs', () => {
    const GoneError = defineError('NOT_FOUND', 'GoneError');
    const error = new GoneError('no learner l-1', { items: ['l-1'] });
    expect(error).toBeInstanceOf(GoneError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('GoneError');
    expect(error.status).toBe(404);
    expect(String(error)).toBe('GoneError: no learner l-1');
  });

  it('says the response ceiling in the message and as details.limit', () => {
    const error = responseTooLarge(1_000);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toContain('1000 bytes');
    expect(error.details).toEqual({ limit: 1_000 });
  });
});
