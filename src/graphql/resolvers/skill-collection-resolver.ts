import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Access } from '../access/access-policy';
import { publicAccess } from '../access/policies';
import { PageArgs } from '../inputs/page-args';
import { SkillConnection } from '../types/skill-type';
import { SkillCollection } from '../types/skill-collection-enum';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Skills by ESCO collection. */
@Resolver()
export class SkillCollectionResolver {
  @Access(publicAccess)
  @Query(() => SkillConnection, {
    description:
      'The skills of an ESCO collection (digital, green, transversal, ...), by label. Reads every skill once per page: cost bounded by the skills pillar (about 14,000 skills).',
  })
  async skillsInCollection(
    @Arg('collection', () => SkillCollection, { description: 'The collection to list.' }) collection: SkillCollection,
    @Args(() => PageArgs) { first = null, after = null }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.services.esco.getSkillsInCollectionPage(collection, page));
  }
}
