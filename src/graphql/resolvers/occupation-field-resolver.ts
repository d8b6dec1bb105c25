import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Occupation } from '../types/occupation-type';
import { SkillConnection } from '../types/skill-type';
import { IscoGroup } from '../types/isco-group-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Links of an occupation: its required skills and ISCO group. */
@Resolver(() => Occupation)
export class OccupationFieldResolver {
  @FieldResolver(() => SkillConnection, { description: 'Essential skills, by label.' })
  async essentialSkills(
    @Root() occupation: Occupation,
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.occupationSkills.load({ owner: occupation.uri, args: { ...page, relation: 'ESSENTIAL' } }));
  }

  @FieldResolver(() => SkillConnection, { description: 'Optional skills, by label.' })
  async optionalSkills(
    @Root() occupation: Occupation,
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.occupationSkills.load({ owner: occupation.uri, args: { ...page, relation: 'OPTIONAL' } }));
  }

  @FieldResolver(() => IscoGroup, { nullable: true, description: 'The ISCO-08 unit group of the occupation.' })
  iscoGroup(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    const code = occupation.iscoGroupCode;
    return code ? ctx.loaders.iscoGroup.load(code) : null;
  }
}
