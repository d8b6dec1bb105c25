/**
 * Names the request after the operation Apollo resolved from the document (`query SearchSkills
 * { ... }`), which clients rarely repeat in the `operationName` field. The name then labels the
 * request log line, the metrics and the Neo4j transaction metadata of the request's queries.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { currentQueryContext } from '../../db/query-context';

/** Longest name kept: GraphQL names have no length limit of their own. */
const MAX_NAME_LENGTH = 100;

/** The Apollo plugin; needs the HTTP layer's query context around execution. */
export function operationNamePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const ctx = currentQueryContext();
          if (ctx) {
            // Reached only by documents that parsed and validated: the metrics label them by this
            // name alone, never by the `operationName` a failed request claimed.
            ctx.resolvedOperation = operationName ? operationName.slice(0, MAX_NAME_LENGTH) : 'anonymous';
            if (operationName) ctx.operation = ctx.resolvedOperation;
          }
        },
      };
    },
  };
}
