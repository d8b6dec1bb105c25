/**
 * Warnings of one response: an answer that is correct but not everything the caller asked for.
 * Unlike errors they keep the field's data; the server sends them in `extensions.warnings`, each
 * with a stable `code`, the field's response `path` and the figures behind it in `details`.
 *
 * @example
 * // { "data": { "reskillingPaths": [...] },
 * //   "extensions": { "warnings": [{ "code": "PARTIAL_RESULT", "path": ["reskillingPaths"],
 * //     "message": "...", "details": { "candidatesConsidered": 50, "candidatesPlanned": 31 } }] } }
 */
import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';

/** Stable warning codes. */
export type WarningCode =
  /** The list holds the best of what the time allowed, not of everything the request named. */
  'PARTIAL_RESULT';

/** One warning as sent. */
export interface ResponseWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** The field's path in the response (aliases included), as in a GraphQL error. */
  readonly path: readonly (string | number)[];
  readonly details?: Readonly<Record<string, number | string | boolean>>;
}

/** The warnings a request's resolvers raise, in the order raised. */
export class ResponseWarnings {
  private readonly list: ResponseWarning[] = [];

  /** Adds a warning about the field `info` resolves. */
  add(
    info: Pick<GraphQLResolveInfo, 'path'>,
    code: WarningCode,
    message: string,
    details?: ResponseWarning['details'],
  ): void {
    this.list.push({ code, message, path: responsePathAsArray(info.path), ...(details ? { details } : {}) });
  }

  /** The warnings raised so far. */
  all(): readonly ResponseWarning[] {
    return this.list;
  }
}
