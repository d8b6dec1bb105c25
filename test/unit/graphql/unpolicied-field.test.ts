/**
 * A field nobody declared a policy for is refused to everyone but ADMIN: on the root types and on
 * Learner (closed by default), wherever the learner is reached.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, type GraphQLSchema } from 'graphql';
import { Ctx, FieldResolver, Mutation, Query, Resolver, Root, buildSchema } from 'type-graphql';
import { RESOLVERS } from '../../../src/graphql/build-schema';
import { guardSchema } from '../../../src/graphql/access/access-guard';
import { Access } from '../../../src/graphql/access/access-policy';
import { publicAccess } from '../../../src/graphql/access/policies';
import { Learner } from '../../../src/graphql/types/learner-type';
import type { GraphQLContext } from '../../../src/graphql/context';
import { DomainError } from '../../../src/domain/errors';
import { ANONYMOUS, type Role, type Viewer } from '../../../src/domain/access/viewer';

const ANN: Learner = {
  id: 'ann',
  displayName: 'Ann',
  matchingConsent: false,
  holdings: [],
  declaredSkillUris: [],
  targetOccupationUris: [],
  advisorSubjects: [],
};

@Resolver()
class UnpoliciedResolver {
  @Query(() => String, { description: 'Declares no policy.' })
  unpoliciedQuery() {
    return 'secret';
  }

  @Mutation(() => String, { description: 'Declares no policy.' })
  unpoliciedMutation() {
    return 'written';
  }

  @Access(publicAccess)
  @Query(() => Learner, { description: 'Hands out a learner to anyone; its fields stay guarded.' })
  leakLearner() {
    return ANN;
  }
}

@Resolver(() => Learner)
class UnpoliciedLearnerField {
  @FieldResolver(() => String, { description: 'A learner field without a policy.' })
  unpoliciedLearnerField(@Root() learner: Learner, @Ctx() ctx: GraphQLContext) {
    return `${learner.id} seen by ${ctx.viewer.subject}`;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = guardSchema(
    await buildSchema({
      resolvers: [...RESOLVERS, UnpoliciedResolver, UnpoliciedLearnerField],
      validate: false,
    }),
  );
});

function viewer(roles: Role[], learnerId: string | null = null): Viewer {
  return {
    subject: learnerId ?? roles.join('-').toLowerCase(),
    roles: new Set(roles),
    learnerId,
    providerId: null,
    portalId: null,
  };
}

async function run(source: string, who: Viewer) {
  const contextValue = { viewer: who, requestId: 'test', limits: { maxPageSize: 100 } } as GraphQLContext;
  const result = await graphql({ schema, source, contextValue });
  return {
    data: result.data,
    codes: (result.errors ?? []).map((e) =>
      e.originalError instanceof DomainError ? e.originalError.code : e.message,
    ),
  };
}

describe('a field without a policy', () => {
  it('is refused on Query and Mutation to anonymous callers and every role but ADMIN', async () => {
    expect((await run('{ unpoliciedQuery }', ANONYMOUS)).codes).toEqual(['UNAUTHENTICATED']);
    for (const roles of [['LEARNER'], ['ADVISOR'], ['PORTAL'], ['PROVIDER']] as Role[][]) {
      expect((await run('{ unpoliciedQuery }', viewer(roles, 'ann'))).codes).toEqual(['FORBIDDEN']);
      expect((await run('mutation { unpoliciedMutation }', viewer(roles, 'ann'))).codes).toEqual(['FORBIDDEN']);
    }
    expect(await run('{ unpoliciedQuery }', viewer(['ADMIN']))).toEqual({
      data: { unpoliciedQuery: 'secret' },
      codes: [],
    });
    expect(await run('mutation { unpoliciedMutation }', viewer(['ADMIN']))).toEqual({
      data: { unpoliciedMutation: 'written' },
      codes: [],
    });
  });

  it('is refused on Learner even to the learner, while the policied fields answer', async () => {
    const own = await run('{ leakLearner { id displayName unpoliciedLearnerField } }', viewer(['LEARNER'], 'ann'));
    expect(own.codes).toEqual(['FORBIDDEN']);
    const anonymous = await run('{ leakLearner { id } }', ANONYMOUS);
    expect(anonymous.codes).toEqual(['UNAUTHENTICATED']);
    const admin = await run('{ leakLearner { id unpoliciedLearnerField } }', viewer(['ADMIN']));
    expect(admin).toEqual({
      data: { leakLearner: { id: 'ann', unpoliciedLearnerField: 'ann seen by admin' } },
      codes: [],
    });
    const ownFields = await run('{ leakLearner { id displayName } }', viewer(['LEARNER'], 'ann'));
    expect(ownFields).toEqual({ data: { leakLearner: { id: 'ann', displayName: 'Ann' } }, codes: [] });
  });
});
