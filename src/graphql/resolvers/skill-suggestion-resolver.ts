import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import { publicAccess } from '../access/policies';
import type { GraphQLContext } from '../context';
import { SkillSuggestion } from '../types/skill-suggestion-type';
import { pageRequest } from '../../domain/pagination/cursor';

/** Free text → ESCO skills. */
@Resolver()
export class SkillSuggestionResolver {
  @Access(publicAccess)
  @Query(() => [SkillSuggestion], {
    description:
      'ESCO skills a free text (a job-ad sentence, a course blurb, a skill tag) names or describes, best first. Matches labels and descriptions of every ESCO skill, then re-ranks with a model that also weighs which skills occupations need together; scores are calibrated probabilities.',
  })
  suggestSkills(
    @Arg('text', { description: 'The free text to map onto ESCO skills.' }) text: string,
    @Arg('first', () => Int, {
      description: 'How many suggestions to return (default 10), at most MAX_PAGE_SIZE (100 by default).',
      nullable: true,
      defaultValue: 10,
    })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.skillSuggestions.suggestSkills(
      text,
      pageRequest(first ?? 10, null, ctx.limits.maxPageSize).limit,
    );
  }
}
