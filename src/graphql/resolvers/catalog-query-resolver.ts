import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import { publicAccess, readLearner } from '../access/policies';
import { PageArgs } from '../inputs/page-args';
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
  @Access(publicAccess)
  @Query(() => Provider, { description: 'An awarding body by id; null when unknown.', nullable: true })
  provider(@Arg('id', () => ID, { description: 'Id of the provider.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.provider.load(checkId('id', id));
  }

  @Access(publicAccess)
  @Query(() => MicroCredential, { description: 'A micro-credential by id; null when unknown.', nullable: true })
  microCredential(
    @Arg('id', () => ID, { description: 'Id of the micro-credential.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.credential.load(checkId('id', id));
  }

  @Access(publicAccess)
  @Query(() => MicroCredentialConnection, { description: 'The credential catalog, filtered, by title.' })
  async microCredentials(
    @Arg('filter', () => CredentialFilterInput, {
      description: 'Filters on the catalog; every credential when absent.',
      nullable: true,
    })
    filter: CredentialFilterInput | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = await ctx.services.catalog.listCredentials(
      filter ?? {},
      pageRequest(first, after, ctx.limits.maxPageSize),
    );
    const items = await loadPresent(ctx.loaders.credential, page.items);
    return toConnection({ ...page, items });
  }

  @Access(readLearner('id'))
  @Query(() => Learner, {
    description:
      'A learner by id; null when unknown. Readable by the learner, advisors the learner granted access and ADMIN (FORBIDDEN otherwise).',
    nullable: true,
  })
  learner(@Arg('id', () => ID, { description: 'Id of the learner.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.learner.load(checkId('id', id));
  }

  @Access(publicAccess)
  @Query(() => JobPosting, { description: 'A job posting by id; null when unknown.', nullable: true })
  jobPosting(@Arg('id', () => ID, { description: 'Id of the job posting.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.jobPosting.load(checkId('id', id));
  }
}
