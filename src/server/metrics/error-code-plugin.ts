/**
 * Records the first error code of each GraphQL request as Apollo produces it, for the request log
 * line and the metrics, so the HTTP layer never parses the response body back to find it.
 *
 * The code is the one the client sees: `willSendResponse` runs after the error formatter, and
 * after the response-size limit may have replaced the body (so this plugin goes last). Requests
 * Apollo refuses before its pipeline starts are covered by `contextCreationDidFail` (a bad token,
 * a database that is not the adopted one) and `invalidRequestWasReceived` (a malformed request).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode, type ErrorCode } from '../../domain/errors';
import { currentQueryContext } from '../../db/query-context';

/**
 * Keeps the first code only, in the request's query context (`errorCode`): later errors of the
 * same request are usually its consequences.
 */
function record(code: unknown): void {
  const context = currentQueryContext();
  if (context !== undefined && context.errorCode === undefined && typeof code === 'string') context.errorCode = code;
}

function firstCode(errors: readonly GraphQLFormattedError[] | undefined): unknown {
  return errors?.[0]?.extensions?.code;
}

/**
 * The Apollo plugin; install it after every plugin that may change the response. The HTTP front
 * reads the code from the query context it runs the request in.
 */
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
