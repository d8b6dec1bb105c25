/**
 * A validation rule refusing an operation of a type the schema has no root for (this API serves
 * no subscriptions). graphql-js 16 does not validate the operation type, so without this rule a
 * `subscription` reaches execution, fails there, and is answered as an internal error: a bug
 * report any anonymous caller could file at will.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * The rule; its error is a validation error (HTTP 400, BAD_USER_INPUT).
 *
 * @example
 * validate(schema, parse('subscription { __typename }'), [knownOperationTypesRule])
 * // [GraphQLError: This API has no subscription operations: send a query or a mutation]
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation`, { nodes: node }),
    );
  },
});
