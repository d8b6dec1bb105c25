import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { JobPostingConnection } from '../types/job-posting-connection-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { checkId } from '../../domain/catalog/field-checks';
import { ownPortalId, portalScope } from '../../domain/access/access-rules';
import { toConnection } from '../pagination/connection-type';
import { loadPresent } from '../loaders/load-all';

/**
 * A job portal's self-service: listing and deleting its own postings. Ownership of a deleted
 * posting is checked by the repository inside the deleting transaction, after locking the posting.
 */
@Resolver()
export class JobPostingSelfServiceResolver {
  @Query(() => JobPostingConnection, {
    description:
      "The job postings of the token's own portal (a PORTAL token naming its portalId; FORBIDDEN otherwise), by title then id. Another portal's postings are never listed.",
  })
  async myJobPostings(
    @Arg('first', () => Int, { description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const request = pageRequest(first, after, ctx.limits.maxPageSize);
    const page = await ctx.services.postings.listPortalPostings(ownPortalId(ctx.viewer), request);
    const items = await loadPresent(ctx.loaders.jobPosting, page.items);
    return toConnection({ ...page, items });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes a job posting with its requirements. A PORTAL token may delete only its own portal's postings (FORBIDDEN otherwise); NOT_FOUND when no posting has the id. Answers true.",
  })
  async deleteJobPosting(@Arg('id', () => ID, { description: 'Id of the job posting to delete.' }) id: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.postings.deleteJobPosting(checkId('id', id), portalScope(ctx.viewer));
    ctx.loaders.jobPosting.clear(id);
    return true;
  }
}
