/**
 * Who may use a field, declared on the field itself: `@Access(policy)` next to `@Query`,
 * `@Mutation`, `@FieldResolver` or `@Field`. The policy is stored in the field's GraphQL
 * extensions, where the access guard (`access-guard.ts`) finds and enforces it; the printed SDL
 * does not show extensions, so declaring a policy never changes the schema.
 *
 * @example
 * @Access(readSubjectLearner)
 * @Query(() => Coverage, { description: '...' })
 * coverage(@Args() { subject }: SubjectArgs, ...) { ... }
 */
import { Extensions } from 'type-graphql';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import type { GraphQLContext } from '../context';
import type { Viewer } from '../../domain/access/viewer';

/** What a policy is asked about: one field about to run for one caller. */
export interface PolicyRequest {
  readonly viewer: Viewer;
  readonly context: GraphQLContext;
  /** The field's arguments as GraphQL coerced them (before input classes are built). */
  readonly args: Readonly<Record<string, unknown>>;
  /** The parent value (the learner, for a Learner field; undefined for root fields). */
  readonly root: unknown;
  /** The field's name, for error messages. */
  readonly field: string;
}

/**
 * Answers whether the request may go on: returns (or resolves) when allowed, throws FORBIDDEN
 * or UNAUTHENTICATED otherwise. Policies gather facts and ask the pure rules of
 * `src/domain/access/`; they decide nothing themselves.
 */
export type AccessPolicy = (request: PolicyRequest) => void | Promise<void>;

const POLICY = 'credgraphAccessPolicy';
const CLOSED = 'credgraphClosedByDefault';

/** Declares the policy of one field (a root operation, or a field of a closed type). */
export function Access(policy: AccessPolicy): ReturnType<typeof Extensions> {
  return Extensions({ [POLICY]: policy });
}

/**
 * Marks an object type whose every field needs a declared policy, like Query and Mutation:
 * a field without one is ADMIN-only. For types holding personal data (Learner).
 */
export function ClosedByDefault(): ReturnType<typeof Extensions> {
  return Extensions({ [CLOSED]: true });
}

/** The policy declared on a field, if any. */
export function policyOf(field: GraphQLField<unknown, unknown>): AccessPolicy | undefined {
  const policy: unknown = field.extensions[POLICY];
  return typeof policy === 'function' ? (policy as AccessPolicy) : undefined;
}

/** True when fields of the type need a declared policy: the root types and `@ClosedByDefault` types. */
export function isClosedByDefault(
  type: GraphQLObjectType,
  rootTypes: readonly (GraphQLObjectType | null | undefined)[],
): boolean {
  return rootTypes.includes(type) || type.extensions[CLOSED] === true;
}
