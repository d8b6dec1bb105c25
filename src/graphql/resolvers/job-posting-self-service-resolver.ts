import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Access } from '../access/access-policy';
import { deleteJobPostingAccess, ownPostingsAccess } from '../access/policies';
import { PageArgs } from '../inputs/page-args';
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
  @Access(ownPostingsAccess)
  @Query(() => JobPostingConnection, {
    description:
      "The job postings of the token's own portal (a PORTAL token naming its portalId; FORBIDDEN otherwise), by title then id. Another portal's postings are never listed.",
  })
  async myJobPostings(@Args(() => PageArgs) { first = null, after = null }: PageArgs, @Ctx() ctx: GraphQLContext) {
    const request = pageRequest(first, after, ctx.limits.maxPageSize);
    const page = await ctx.services.postings.listPortalPostings(ownPortalId(ctx.viewer), request);
    const items = await loadPresent(ctx.loaders.jobPosting, page.items);
    return toConnection({ ...page, items });
  }

  @Access(deleteJobPostingAccess)
  @Mutation(() => Boolean, {
    description:
      "Deletes a job posting with its requirements. A PORTAL token may delete only its own portal's postings (FORBIDDEN otherwise); NOT_FOUND when no posting has the id. Answers true.",
  })
  async deleteJobPosting(
    @Arg('id', () => ID, { description: 'Id of the job posting to delete.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.postings.deleteJobPosting(checkId('id', id), portalScope(ctx.viewer));
    ctx.loaders.jobPosting.clear(id);
    return true;
  }
}
