import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { SkillConnection } from '../types/skill-type';
import { SkillCollection } from '../types/skill-collection-enum';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Skills by ESCO collection. */
@Resolver()
export class SkillCollectionResolver {
  @Query(() => SkillConnection, {
    description: 'The skills of an ESCO collection (digital, green, transversal, ...), by label. Reads every skill once per page: cost bounded by the skills pillar (about 14,000 skills).',
  })
  async skillsInCollection(
    @Arg('collection', () => SkillCollection, { description: 'The collection to list.' }) collection: SkillCollection,
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.services.esco.getSkillsInCollectionPage(collection, page));
  }
}
