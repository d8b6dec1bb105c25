import { Arg, Args, Ctx, Float, Query, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import { rankCandidatesAccess, readSubjectLearner } from '../access/policies';
import { RankingPageArgs } from '../inputs/ranking-page-args';
import { SubjectArgs } from '../inputs/subject-args';
import { TargetArgs } from '../inputs/target-args';
import { PolicyArgs } from '../inputs/policy-args';
import type { GraphQLContext } from '../context';
import { MatchPolicyInput, TargetInput } from '../inputs/coverage-inputs';
import {
  type CandidateMatch,
  CandidateMatchConnection,
  Coverage,
  type OccupationMatch,
  OccupationMatchConnection,
} from '../types/coverage-type';
import { validateSubject, validateTarget } from '../../domain/coverage';
import { pageRequest } from '../../domain/pagination/cursor';
import { BadInputError } from '../../domain/errors';
import { toConnection } from '../pagination/connection-type';
import { quotedExcerpt } from '../../domain/text/quoted-excerpt';

/** Coverage and ranking entry points. */
@Resolver()
export class CoverageQueryResolver {
  @Access(readSubjectLearner)
  @Query(() => Coverage, {
    description: 'How the subject covers the target, skill by skill, with the evidence behind every credit.',
  })
  coverage(
    @Args(() => SubjectArgs) { subject }: SubjectArgs,
    @Args(() => TargetArgs) { target }: TargetArgs,
    @Args(() => PolicyArgs) { policy }: PolicyArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.coverage.coverage(
      validateSubject(subject),
      validateTarget(target),
      ctx.services.coverage.policy(policy),
    );
  }

  @Access(readSubjectLearner)
  @Query(() => OccupationMatchConnection, {
    description: 'Every occupation the subject scores above 0 on, best first (score, essential coverage, URI).',
  })
  async rankOccupations(
    @Args(() => SubjectArgs) { subject }: SubjectArgs,
    @Args(() => RankingPageArgs) { first, after }: RankingPageArgs,
    @Args(() => PolicyArgs) { policy: policyInput }: PolicyArgs,
    @Arg('iscoGroupPrefix', () => String, {
      nullable: true,
      description: 'Only occupations whose ISCO group code starts with this.',
    })
    iscoGroupPrefix: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    if (iscoGroupPrefix != null && !/^\d{1,4}$/.test(iscoGroupPrefix)) {
      throw new BadInputError(`iscoGroupPrefix must be 1-4 digits, got ${quotedExcerpt(iscoGroupPrefix)}`, {
        field: 'iscoGroupPrefix',
      });
    }
    const policy = ctx.services.coverage.policy(policyInput);
    const valid = validateSubject(subject);
    const evidence = await ctx.services.coverage.subjectEvidence(valid, policy);
    const { best, totalCount } = await ctx.services.coverage.rankOccupationsFor(
      evidence,
      policy,
      iscoGroupPrefix ?? null,
      page.offset + page.limit,
    );
    const items: OccupationMatch[] = best.slice(page.offset).map((match) => ({ ...match, evidence, policy }));
    return toConnection({ items, totalCount, offset: page.offset });
  }

  @Access(rankCandidatesAccess)
  @Query(() => CandidateMatchConnection, {
    description: 'Learners who consented to matching, ranked for the target, best first.',
  })
  async rankCandidates(
    @Arg('target', () => TargetInput, {
      description: 'The occupation or job posting candidates are ranked for; a PORTAL may name only its own postings.',
    })
    target: TargetInput,
    @Args(() => RankingPageArgs) { first, after }: RankingPageArgs,
    @Arg('minScore', () => Float, {
      description: 'Only candidates scoring at least this, in [0, 1]; candidates always score above 0.',
      nullable: true,
    })
    minScore: number | null,
    @Arg('policy', () => MatchPolicyInput, {
      description: 'Overrides of the matching and scoring defaults; `asOf` is ADMIN only here.',
      nullable: true,
    })
    policyInput: MatchPolicyInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    if (minScore != null && !(minScore >= 0 && minScore <= 1))
      throw new BadInputError(`minScore must lie in [0, 1], got ${minScore}`, { field: 'minScore' });
    const policy = ctx.services.coverage.policy(policyInput);
    const valid = validateTarget(target);
    const { ranked } = await ctx.services.coverage.rankCandidates(valid, policy, minScore ?? 0, page);
    const items: CandidateMatch[] = ranked.page.map((match) => ({ ...match, target: valid, policy }));
    return toConnection({ items, totalCount: ranked.totalCount, offset: page.offset });
  }
}
