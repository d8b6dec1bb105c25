/**
 * Structured JSON logs (pino). Log records carry ids, operation names, durations and error codes;
 * never personal data such as names, holdings or skills of a learner.
 */
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/config';

export type { Logger };

/** Creates the process logger. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'credgraph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password'], remove: true },
  });
}
