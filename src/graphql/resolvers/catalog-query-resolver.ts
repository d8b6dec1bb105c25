import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CredentialFilterInput } from '../inputs/catalog-inputs';
import { Provider } from '../types/provider-type';
import { MicroCredential, MicroCredentialConnection } from '../types/micro-credential-type';
import { Learner } from '../types/learner-type';
import { JobPosting } from '../types/job-posting-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { checkId } from '../../domain/catalog/field-checks';
import { toConnection } from '../pagination/connection-type';
import { loadPresent } from '../loaders/load-all';

/** Reads of the catalog, learners and postings. */
@Resolver()
export class CatalogQueryResolver {
  @Query(() => Provider, { nullable: true })
  provider(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.provider.load(checkId('id', id));
  }

  @Query(() => MicroCredential, { nullable: true })
  microCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.credential.load(checkId('id', id));
  }

  @Query(() => MicroCredentialConnection, { description: 'The credential catalog, filtered, by title.' })
  async microCredentials(
    @Arg('filter', () => CredentialFilterInput, { nullable: true }) filter: CredentialFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = await ctx.services.catalog.listCredentials(filter ?? {}, pageRequest(first, after, ctx.limits.maxPageSize));
    const items = await loadPresent(ctx.loaders.credential, page.items);
    return toConnection({ ...page, items });
  }

  @Query(() => Learner, { nullable: true })
  learner(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.learner.load(checkId('id', id));
  }

  @Query(() => JobPosting, { nullable: true })
  jobPosting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.jobPosting.load(checkId('id', id));
  }
}
