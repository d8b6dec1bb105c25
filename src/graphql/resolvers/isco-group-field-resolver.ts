import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { PageArgs } from '../inputs/page-args';
import { IscoGroup } from '../types/isco-group-type';
import { OccupationConnection } from '../types/occupation-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Links of an ISCO group: the groups above and below it and the occupations in it. */
@Resolver(() => IscoGroup)
export class IscoGroupFieldResolver {
  @FieldResolver(() => IscoGroup, {
    nullable: true,
    description: 'The next broader ISCO group; null for a major group (1 digit).',
  })
  broader(@Root() group: IscoGroup, @Ctx() ctx: GraphQLContext) {
    // ISCO-08 codes nest by prefix: 2512 lies in 251, which lies in 25, which lies in 2.
    return group.code.length > 1 ? ctx.loaders.iscoGroup.load(group.code.slice(0, -1)) : null;
  }

  @FieldResolver(() => [IscoGroup], {
    description: 'The direct narrower ISCO groups, by code (empty for a unit group).',
  })
  narrower(@Root() group: IscoGroup, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.narrowerIscoGroups.load(group.code);
  }

  @FieldResolver(() => OccupationConnection, {
    description:
      "ESCO occupations classified in this group (the `iscoGroup` of ESCO's occupation file, narrower occupations included), by label; only unit groups (4 digits) hold occupations.",
  })
  async occupations(
    @Root() group: IscoGroup,
    @Args(() => PageArgs) { first = null, after = null }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.iscoGroupOccupations.load({ owner: group.code, args: page }));
  }
}
