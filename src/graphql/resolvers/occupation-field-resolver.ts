import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../inputs/page-args';
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
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(
      await ctx.loaders.occupationSkills.load({ owner: occupation.uri, args: { ...page, relation: 'ESSENTIAL' } }),
    );
  }

  @FieldResolver(() => SkillConnection, { description: 'Optional skills, by label.' })
  async optionalSkills(
    @Root() occupation: Occupation,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(
      await ctx.loaders.occupationSkills.load({ owner: occupation.uri, args: { ...page, relation: 'OPTIONAL' } }),
    );
  }

  @FieldResolver(() => IscoGroup, { nullable: true, description: 'The ISCO-08 unit group of the occupation.' })
  iscoGroup(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    const code = occupation.iscoGroupCode;
    return code ? ctx.loaders.iscoGroup.load(code) : null;
  }
}
