/**
 * Records the first error code of each GraphQL request as Apollo produces it, for the request log
 * line and the metrics, so the HTTP layer never parses the response body back to find it.
 *
 * The code is the one the client sees: `willSendResponse` runs after the error formatter, and
 * after the response-size limit may have replaced the body (so this plugin goes last). Requests
 * Apollo refuses before its pipeline starts are covered by `contextCreationDidFail` (a bad token,
 * a database that is not the adopted one) and `invalidRequestWasReceived` (a malformed request).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode, type ErrorCode } from '../../domain/errors';

interface Outcome {
  code: string | undefined;
}

const outcomes = new AsyncLocalStorage<Outcome>();

/** Keeps the first code only: later errors of the same request are usually its consequences. */
function record(code: unknown): void {
  const outcome = outcomes.getStore();
  if (outcome !== undefined && outcome.code === undefined && typeof code === 'string') outcome.code = code;
}

function firstCode(errors: readonly GraphQLFormattedError[] | undefined): unknown {
  return errors?.[0]?.extensions?.code;
}

/**
 * Runs `work` (one call of Apollo's `executeHTTPGraphQLRequest`) and reports the first error
 * code the plugin saw while it ran; undefined when the request had no error.
 *
 * @example
 * const { value, code } = await withErrorCode(() => apollo.executeHTTPGraphQLRequest(...));
 */
export async function withErrorCode<T>(work: () => Promise<T>): Promise<{ value: T; code: string | undefined }> {
  const outcome: Outcome = { code: undefined };
  const value = await outcomes.run(outcome, work);
  return { value, code: outcome.code };
}

/** The Apollo plugin; install it after every plugin that may change the response. */
export function errorCodePlugin(): ApolloServerPlugin {
  return {
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      // The error formatter masks anything without a catalogue code.
      record(isErrorCode(code) ? code : ('INTERNAL_SERVER_ERROR' satisfies ErrorCode));
    },
    async invalidRequestWasReceived() {
      // The error formatter answers every malformed request with BAD_USER_INPUT.
      record('BAD_USER_INPUT' satisfies ErrorCode);
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const { body } = response;
          record(body.kind === 'single' ? firstCode(body.singleResult.errors) : firstCode(body.initialResult.errors));
        },
      };
    },
  };
}
