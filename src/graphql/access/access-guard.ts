/**
 * Enforces the policy each field declares with `@Access(...)` (see `policies.ts`). Fields of the
 * root types and of `@ClosedByDefault` types (Learner) without a declared policy are ADMIN-only,
 * so a new operation or learner field is closed until someone decides who may use it; a test
 * walks the schema and fails on any such field.
 *
 * The guard wraps the resolvers of the built schema's guarded fields, once, instead of running as
 * a type-graphql global middleware: that one ran on every field resolver of every type, and
 * type-graphql's middleware chain is asynchronous, so each label of each skill in a coverage
 * answer cost several promises and made its object wait for them (coverage's throughput at
 * concurrency 16 rose 10-20 % in alternating runs without it). A field with no policy now runs
 * as written.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { GraphQLContext } from '../context';
import { type AccessPolicy, isClosedByDefault, policyOf } from './access-policy';
import { adminOnly } from './policies';

/**
 * A resolver that asks `policy` first and runs `resolve` only if it allows. It stays synchronous
 * when the policy is, so it adds no promise where no check waits.
 */
function guarded(
  policy: AccessPolicy,
  resolve: GraphQLFieldResolver<unknown, GraphQLContext>,
): GraphQLFieldResolver<unknown, GraphQLContext> {
  return (root, args, context, info) => {
    const verdict = policy({ viewer: context.viewer, context, args, root, field: info.fieldName });
    return verdict instanceof Promise
      ? verdict.then(() => resolve(root, args, context, info))
      : resolve(root, args, context, info);
  };
}

/**
 * Puts the guard on every field that needs one: a field with a declared policy, on any type, and
 * every other field of the root and closed types (ADMIN-only). Call it once on the built schema,
 * before serving; it changes the schema's resolvers in place and returns the schema.
 *
 * @example
 * const schema = guardSchema(await buildSchema({ resolvers: RESOLVERS, validate: false }));
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const closed = isClosedByDefault(type, roots);
    for (const field of Object.values(type.getFields())) {
      const policy = policyOf(field) ?? (closed ? adminOnly : undefined);
      if (policy === undefined) continue;
      field.resolve = guarded(
        policy,
        (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, GraphQLContext>,
      );
    }
  }
  return schema;
}
