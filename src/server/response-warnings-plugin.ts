/**
 * Sends the warnings a request's resolvers raised ({@link ResponseWarnings}) in the response's
 * `extensions.warnings`; a response without warnings is unchanged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';

/** The Apollo plugin. */
export function responseWarningsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const warnings = contextValue.warnings?.all() ?? [];
          if (warnings.length === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, warnings };
        },
      };
    },
  };
}
