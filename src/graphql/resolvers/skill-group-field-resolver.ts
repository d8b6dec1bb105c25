import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { PageArgs } from '../inputs/page-args';
import { SkillGroup } from '../types/skill-group-type';
import { SkillConnection } from '../types/skill-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Skills by skill group. */
@Resolver(() => SkillGroup)
export class SkillGroupFieldResolver {
  @FieldResolver(() => SkillConnection, {
    description:
      'Skills placed directly in this group, by label (narrower skills of those are reached through `Skill.narrower`).',
  })
  async skills(
    @Root() group: SkillGroup,
    @Args(() => PageArgs) { first = null, after = null }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.skillGroupSkills.load({ owner: group.uri, args: page }));
  }
}
