import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Occupation, OccupationConnection } from '../types/occupation-type';
import { IscoGroup } from '../types/isco-group-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';
import type { OccupationRow } from '../../db/repositories/esco-rows';

/** The occupation hierarchy: broader and narrower occupations and the ISCO groups above them. */
@Resolver(() => Occupation)
export class OccupationHierarchyResolver {
  @FieldResolver(() => [Occupation], {
    description: 'Direct broader occupations in ESCO\'s occupation hierarchy; empty when the occupation sits directly under its ISCO unit group (see `iscoGroup`).',
  })
  broader(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.broaderOccupations.load(occupation.uri);
  }

  @FieldResolver(() => OccupationConnection, { description: 'Direct narrower occupations (specialisations) in ESCO\'s occupation hierarchy, by label.' })
  async narrower(
    @Root() occupation: Occupation,
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.narrowerOccupations.load({ owner: occupation.uri, args: page }));
  }

  @FieldResolver(() => [IscoGroup], {
    description: 'The ISCO-08 groups above the occupation, from the major group (1 digit) down to its unit group (4 digits); empty when ESCO gives no group.',
  })
  iscoPath(@Root() occupation: Occupation, @Ctx() ctx: GraphQLContext) {
    const code = (occupation as unknown as OccupationRow).iscoGroupCode;
    return code ? ctx.loaders.iscoPath.load(code) : [];
  }
}
