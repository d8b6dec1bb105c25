/**
 * Reports each finished GraphQL request: one structured log line and the request metrics. The
 * line carries the request id, operation name, status, error code, duration, round trips and
 * database time; never variables, results, tokens or anything naming a learner.
 */
import type { Logger } from '../logger';
import type { RequestDoneInfo } from '../http-server';
import type { AppMetrics } from './app-metrics';

function round(millis: number): number {
  return Math.round(millis * 10) / 10;
}

/** Builds the `onRequestDone` hook of the HTTP server. */
export function createRequestObserver(
  logger: Logger,
  metrics: AppMetrics | undefined,
): (info: RequestDoneInfo) => void {
  return (info) => {
    const fields = {
      requestId: info.requestId,
      operation: info.operation,
      status: info.status,
      code: info.code,
      durationMs: round(info.millis),
      roundTrips: info.roundTrips,
      dbMs: round(info.dbMillis),
    };
    // Server-side failures stand out at warn; client mistakes and refusals are routine.
    if (info.status >= 500 || info.code === 'INTERNAL_SERVER_ERROR' || info.code === 'DATABASE_UNAVAILABLE')
      logger.warn(fields, 'graphql request');
    else logger.info(fields, 'graphql request');
    // Labels come from a bounded set: names of valid documents (the first N distinct ones, see
    // app-metrics), and one label for everything refused before validation.
    metrics?.observeRequest({ operation: info.resolvedOperation ?? 'invalid', millis: info.millis, code: info.code });
  };
}
