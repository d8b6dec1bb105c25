/**
 * Enforces the policy each field declares with `@Access(...)` (see `policies.ts`). Fields of the
 * root types and of `@ClosedByDefault` types (Learner) without a declared policy are ADMIN-only,
 * so a new operation or learner field is closed until someone decides who may use it; a test
 * walks the schema and fails on any such field.
 */
import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { isClosedByDefault, policyOf } from './access-policy';
import { adminOnly } from './policies';

/**
 * The type-graphql global middleware. Object types other than the root types and Learner are
 * built with `simpleResolvers`, so this runs only where a policy may be needed; it stays
 * synchronous for a field whose policy is, so it adds no promise where no check waits.
 */
export const accessGuard: MiddlewareFn<GraphQLContext> = ({ root, args, context, info }, next) => {
  const field = info.parentType.getFields()[info.fieldName];
  const declared = field ? policyOf(field) : undefined;
  const { schema } = info;
  const policy =
    declared ??
    (isClosedByDefault(info.parentType, [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()])
      ? adminOnly
      : undefined);
  if (!policy) return next();
  const verdict = policy({ viewer: context.viewer, context, args, root, field: info.fieldName });
  return verdict instanceof Promise ? verdict.then(next) : next();
};
