/**
 * When to retry an ESCO API call and how long to wait first.
 *
 * Retried: 5xx, 429 and 408 (the service is overloaded or flaky), timeouts and connection-level
 * failures. Not retried: every other status, because the same request will get the same answer
 * (404 = the concept does not exist; 400 = we sent something the API rejects).
 */

/** Whether an HTTP status is worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

// undici's error codes for timeouts and broken sockets, plus the system codes it passes through.
const RETRYABLE_ERROR_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** The `code` of an error or of its `cause`, if either has one. */
export function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether a transport error (no HTTP status) is worth another attempt. */
export function isRetryableError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && RETRYABLE_ERROR_CODES.has(code);
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` (1-based) failed: exponential growth capped
 * at `maxMs`, with "equal jitter" (half fixed, half random) so that many clients failing together
 * do not retry in lockstep, while every retry still waits at least half the nominal delay.
 */
export function backoffDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const nominal = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/**
 * Milliseconds a `Retry-After` header asks us to wait (delta-seconds or HTTP date), or `undefined`
 * when absent or unparseable.
 */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
