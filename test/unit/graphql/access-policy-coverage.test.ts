/**
 * Closed by default: every operation and every Learner field declares who may use it with
 * `@Access(...)` at its resolver. A new root field or Learner field without a policy fails here
 * (at run time it would be ADMIN-only).
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildCredgraphSchema } from '../../../src/graphql/build-schema';
import { isClosedByDefault, policyOf } from '../../../src/graphql/access/access-policy';
import { publicAccess } from '../../../src/graphql/access/policies';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

function fieldsWithout(type: GraphQLObjectType | null | undefined): string[] {
  if (!type) return [];
  return Object.values(type.getFields())
    .filter((field) => policyOf(field) === undefined)
    .map((field) => `${type.name}.${field.name}`);
}

describe('access policies', () => {
  it('every Query, Mutation and Learner field declares a policy', () => {
    const learner = schema.getType('Learner') as GraphQLObjectType;
    const missing = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType(), learner].flatMap(
      fieldsWithout,
    );
    expect(missing).toEqual([]);
    // The walk saw the fields it must see.
    expect(Object.keys(learner.getFields())).toEqual(
      expect.arrayContaining(['id', 'displayName', 'holdings', 'coverage', 'openBadgesRecord']),
    );
  });

  it('every field of every closed-by-default type declares a policy, and Learner is such a type', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const closed = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && isClosedByDefault(type, roots),
    ) as GraphQLObjectType[];
    expect(closed.map((type) => type.name)).toEqual(expect.arrayContaining(['Query', 'Mutation', 'Learner']));
    expect(closed.flatMap(fieldsWithout)).toEqual([]);
  });

  it('opens to anonymous callers exactly the public operations of the README', () => {
    const open = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => policyOf(field) === publicAccess)
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(open.sort()).toEqual(
      [
        'Query.jobPosting',
        'Query.microCredential',
        'Query.microCredentials',
        'Query.occupation',
        'Query.provider',
        'Query.searchOccupations',
        'Query.searchSkills',
        'Query.skill',
        'Query.skillsInCollection',
        'Query.suggestSkills',
        'Query.verifyCredential',
      ].sort(),
    );
  });
});
