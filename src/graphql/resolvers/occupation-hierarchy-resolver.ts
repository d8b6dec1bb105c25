import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { PageArgs } from '../inputs/page-args';
import { Occupation, OccupationConnection } from '../types/occupation-type';
import { IscoGroup } from '../types/isco-group-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** The occupation hierarchy: broader and narrower occupations and the ISCO groups above them. */
@Resolver(() => Occupation)
export class OccupationHierarchyResolver {
  @FieldResolver(() => [Occupation], {
    description:
      "Direct broader occupations in ESCO's occupation hierarchy; empty when the occupation sits directly under its ISCO unit group (see `iscoGroup`).",
  })
  broader(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.broaderOccupations.load(occupation.uri);
  }

  @FieldResolver(() => OccupationConnection, {
    description: "Direct narrower occupations (specialisations) in ESCO's occupation hierarchy, by label.",
  })
  async narrower(
    @Root() occupation: Occupation,
    @Args(() => PageArgs) { first = null, after = null }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.narrowerOccupations.load({ owner: occupation.uri, args: page }));
  }

  @FieldResolver(() => [IscoGroup], {
    description:
      'The ISCO-08 groups above the occupation, from the major group (1 digit) down to its unit group (4 digits); empty when ESCO gives no group.',
  })
  iscoPath(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    const code = occupation.iscoGroupCode;
    return code ? ctx.loaders.iscoPath.load(code) : [];
  }
}
