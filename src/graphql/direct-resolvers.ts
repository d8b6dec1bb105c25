/**
 * Resolvers put straight on the built schema, replacing type-graphql's for a few hot fields
 * declared with it. type-graphql converts the parent to its class and checks each argument in an
 * async function on every call; for a field read once per row of a long list (a skill's label in a
 * coverage answer) that made the field, and so its object, wait for promises.
 */
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { GraphQLContext } from './context';

/** A field's resolver, as graphql-js calls it. */
export interface DirectResolver {
  readonly type: string;
  readonly field: string;
  // biome-ignore lint/suspicious/noExplicitAny: each resolver names its own parent and argument types
  readonly resolve: (parent: any, args: any, context: GraphQLContext) => unknown;
}

/**
 * Puts each resolver on its field of the built schema; fails on a type or field the schema lacks,
 * so a renamed field cannot leave its type-graphql resolver silently in place. Call it before
 * `guardSchema`, so a guarded field keeps its guard.
 *
 * @example
 * installDirectResolvers(schema, [{ type: 'Skill', field: 'preferredLabel', resolve: (skill) => skill.preferredLabel }]);
 */
export function installDirectResolvers(schema: GraphQLSchema, resolvers: readonly DirectResolver[]): GraphQLSchema {
  for (const { type, field, resolve } of resolvers) {
    const object = schema.getType(type);
    const target = isObjectType(object) ? object.getFields()[field] : undefined;
    if (target === undefined) throw new Error(`no field ${type}.${field} to put a direct resolver on`);
    target.resolve = resolve as GraphQLFieldResolver<unknown, GraphQLContext>;
  }
  return schema;
}
