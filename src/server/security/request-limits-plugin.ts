/**
 * Limits that need the request's variables, so they run once the operation is resolved and
 * before any resolver: how deep the variables nest (`json-depth`), the size of every list and
 * search text in the arguments (`input-limits`), and the estimated cost of the operation
 * (`operation-cost`). And one limit on
 * the way out: a response larger than `maxResponseBytes` is replaced by a RESPONSE_TOO_LARGE
 * error before Apollo serialises it, so an oversized result is never turned into one huge string.
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type VariableDefinitionNode,
} from 'graphql';
import { BadInputError, DomainError, responseTooLarge } from '../../domain/errors';
import { checkInputLimits, type TextLimits } from './input-limits';
import { operationCost } from './operation-cost';
import { jsonSizeExceeds } from './json-size';
import { jsonDepthExceeds } from './json-depth';
import { type LimitVerdict, LimitVerdicts } from './limit-verdicts';

/** The limits, as configured (see `src/config/config.ts`). */
export interface RequestLimits {
  readonly maxCost: number;
  readonly maxPageSize: number;
  readonly maxResponseBytes: number;
  readonly text: TextLimits;
}

/**
 * How deep the variables' values may nest arrays and objects. Credential documents, the deepest
 * input the API takes, are refused past 32 levels by their own check (with the path); beyond 64 the
 * request is refused before anything walks the value, since type-graphql's argument conversion and
 * JSON.stringify recurse and a value 50,000 levels deep overflows the stack.
 */
export const MAX_VARIABLES_DEPTH = 64;

/** A refusal before execution: the catalogue's HTTP status (400) with the domain error's code and message. */
function refuse(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: error.status } } });
}

function replaceOversizedResponse(
  requestContext: GraphQLRequestContextWillSendResponse<object>,
  maxBytes: number,
): void {
  const { body } = requestContext.response;
  if (body.kind !== 'single' || !jsonSizeExceeds(body.singleResult, maxBytes)) return;
  const error = responseTooLarge(maxBytes);
  // The body is already formatted at this point, so the error goes in as the formatter would emit it.
  body.singleResult = {
    errors: [{ message: error.message, extensions: { code: error.code, details: error.details } }],
  };
}

/** Judges a request's variables against the limits (see the module comment). */
function judgeLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableDefinitions: readonly VariableDefinitionNode[],
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: RequestLimits,
): LimitVerdict {
  const coerced = getVariableValues(schema, variableDefinitions, variables ?? {});
  // Execution reports bad variables itself (BAD_USER_INPUT) before any resolver runs.
  if (coerced.errors) return { refusal: null };
  try {
    checkInputLimits(schema, document, coerced.coerced, limits.text);
  } catch (error) {
    if (error instanceof DomainError) return { refusal: error };
    throw error;
  }
  const cost = operationCost(schema, document, variables, operationName ?? undefined, {
    maxPageSize: limits.maxPageSize,
  });
  if (cost <= limits.maxCost) return { refusal: null };
  return {
    refusal: new BadInputError(
      `The query's estimated cost ${cost} exceeds the limit of ${limits.maxCost}: ask for smaller pages, fewer nested lists or fewer aliases`,
      { actual: cost, limit: limits.maxCost },
    ),
  };
}

/**
 * Builds the plugin. Verdicts are kept per document, operation and variables
 * ({@link LimitVerdicts}), so a query repeated with the same variables is judged once.
 *
 * @example
 * new ApolloServer({ schema, plugins: [requestLimitsPlugin({ maxCost: 50_000, maxPageSize: 100, maxResponseBytes: 10_000_000, text: { search: 500, suggest: 20_000 } })] });
 */
export function requestLimitsPlugin(limits: RequestLimits): ApolloServerPlugin<object> {
  // Per plugin: a verdict holds for these limits and this schema only.
  const verdicts = new LimitVerdicts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, request }) {
          if (!operation) return;
          if (jsonDepthExceeds(request.variables, MAX_VARIABLES_DEPTH + 1)) {
            throw refuse(
              new BadInputError(`The variables are nested deeper than ${MAX_VARIABLES_DEPTH} levels`, {
                field: 'variables',
                reason: 'maxDepth',
                limit: MAX_VARIABLES_DEPTH,
              }),
            );
          }
          const { refusal } = verdicts.judge(document, operationName, request.variables, () =>
            judgeLimits(
              schema,
              document,
              operation.variableDefinitions ?? [],
              operationName,
              request.variables,
              limits,
            ),
          );
          if (refusal) throw refuse(refusal);
        },
        async willSendResponse(requestContext) {
          replaceOversizedResponse(requestContext, limits.maxResponseBytes);
        },
      };
    },
  };
}
