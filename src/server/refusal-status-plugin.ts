/**
 * Gives a request the compute tier refused whole the HTTP answer of a refusal: when execution
 * produced no data and an error says SERVER_BUSY (the compute queue is full) or REQUEST_TIMEOUT,
 * the response is 503, with `retry-after` for SERVER_BUSY, so load balancers and clients back
 * off. Requests with data keep 200 with field errors, as GraphQL over HTTP prescribes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CATALOGUE, type ErrorCode } from '../domain/errors';

const REFUSAL_CODES: ReadonlySet<string> = new Set<ErrorCode>(['SERVER_BUSY', 'REQUEST_TIMEOUT']);

function retryAfterOf(error: GraphQLFormattedError): number | undefined {
  const details = error.extensions?.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined;
}

/** The Apollo plugin. */
export function refusalStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== null && data !== undefined) return;
          const refusal = errors?.find((e) => REFUSAL_CODES.has(String(e.extensions?.code)));
          if (refusal === undefined) return;
          response.http.status = ERROR_CATALOGUE[refusal.extensions!.code as ErrorCode].status;
          const retryAfter = retryAfterOf(refusal);
          if (retryAfter !== undefined) response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
