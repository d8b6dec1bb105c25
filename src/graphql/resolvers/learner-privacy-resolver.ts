import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Access } from '../access/access-policy';
import { writeLearner } from '../access/policies';
import type { GraphQLContext } from '../context';
import { checkId } from '../../domain/catalog/field-checks';

/** A learner's control over their data: advisor grants, export and deletion. */
@Resolver()
export class LearnerPrivacyResolver {
  @Access(writeLearner('learnerId'))
  @Mutation(() => [String], {
    description: 'Lets an advisor (by token subject) read and plan for this learner. Returns the advisors with access.',
  })
  async grantAdvisorAccess(
    @Arg('learnerId', () => ID, { description: 'Id of the learner granting access.' }) learnerId: string,
    @Arg('advisorSubject', () => ID, { description: "The advisor's token subject (`sub`)." }) advisorSubject: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const subjects = await ctx.services.learners.setAdvisorAccess(
      checkId('learnerId', learnerId),
      checkId('advisorSubject', advisorSubject),
      true,
    );
    ctx.loaders.learner.clear(learnerId);
    return subjects;
  }

  @Access(writeLearner('learnerId'))
  @Mutation(() => [String], { description: "Withdraws an advisor's access. Returns the advisors with access." })
  async revokeAdvisorAccess(
    @Arg('learnerId', () => ID, { description: 'Id of the learner withdrawing access.' }) learnerId: string,
    @Arg('advisorSubject', () => ID, { description: "The advisor's token subject (`sub`)." }) advisorSubject: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const subjects = await ctx.services.learners.setAdvisorAccess(
      checkId('learnerId', learnerId),
      checkId('advisorSubject', advisorSubject),
      false,
    );
    ctx.loaders.learner.clear(learnerId);
    return subjects;
  }

  @Access(writeLearner('learnerId'))
  @Query(() => JSONResolver, {
    description: 'Everything credgraph stores about the learner, as JSON (data portability).',
  })
  exportLearnerData(
    @Arg('learnerId', () => ID, { description: 'Id of the learner.' }) learnerId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.learners.exportLearnerData(checkId('learnerId', learnerId));
  }

  @Access(writeLearner('learnerId'))
  @Mutation(() => Boolean, {
    description:
      'Deletes the learner with all personal data (holdings, declarations, targets, grants); the catalog is untouched.',
  })
  async deleteLearner(
    @Arg('learnerId', () => ID, { description: 'Id of the learner to delete.' }) learnerId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.deleteLearner(checkId('learnerId', learnerId));
    ctx.loaders.learner.clear(learnerId);
    return true;
  }
}
