import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { SkillGroup } from '../types/skill-group-type';
import { SkillConnection } from '../types/skill-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Skills by skill group. */
@Resolver(() => SkillGroup)
export class SkillGroupFieldResolver {
  @FieldResolver(() => SkillConnection, { description: 'Skills placed directly in this group, by label (narrower skills of those are reached through `Skill.narrower`).' })
  async skills(
    @Root() group: SkillGroup,
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.skillGroupSkills.load({ owner: group.uri, args: page }));
  }
}
