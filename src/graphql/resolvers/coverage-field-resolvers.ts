import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Access } from '../access/access-policy';
import { CANDIDATE_VIEW, learnerField } from '../access/policies';
import { TargetArgs } from '../inputs/target-args';
import { PolicyArgs } from '../inputs/policy-args';
import type { GraphQLContext } from '../context';
import type { VerificationStatus } from '../types/verification-type';
import {
  CandidateMatch,
  Coverage,
  CredentialContribution,
  EvidenceItem,
  OccupationMatch,
  OccupationMatchConnection,
  RequirementMatch,
} from '../types/coverage-type';
import { Learner } from '../types/learner-type';
import { Occupation } from '../types/occupation-type';
import type { EvidenceSource } from '../../domain/coverage';
import { validateTarget } from '../../domain/coverage';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';
import { loadAll, loadPresent } from '../loaders/load-all';

async function evidenceItems(sources: readonly EvidenceSource[], ctx: GraphQLContext) {
  return Promise.all(
    sources.map(async (source) => ({
      kind: source.kind,
      credential: source.kind === 'CREDENTIAL' ? await ctx.loaders.credential.load(source.credentialId) : null,
      occupation: source.kind === 'OCCUPATION' ? await ctx.loaders.occupation.load(source.occupationUri) : null,
      holdingVerification:
        source.kind === 'CREDENTIAL' ? ((source.holdingVerification ?? null) as VerificationStatus | null) : null,
    })),
  );
}

/** Explanations of a coverage, resolved only when asked for. */
@Resolver(() => Coverage)
export class CoverageFieldResolver {
  @FieldResolver(() => [RequirementMatch], { description: 'Every required skill: essential first, then optional.' })
  async requirements(@Root() coverage: Coverage, @Ctx() ctx: GraphQLContext) {
    // One load for the level, then plain objects: a promise per requirement made graphql-js wait
    // on each object in turn.
    const uris = coverage.requirements.flatMap((req) =>
      req.evidenceSkillUri ? [req.skillUri, req.evidenceSkillUri] : [req.skillUri],
    );
    const skills = await loadAll(ctx.loaders.skill, uris);
    const byUri = new Map(uris.map((uri, i) => [uri, skills[i] ?? null] as const));
    return coverage.requirements.map((req) => ({
      ...req,
      skill: byUri.get(req.skillUri) ?? null,
      evidenceSkill: req.evidenceSkillUri ? (byUri.get(req.evidenceSkillUri) ?? null) : null,
    }));
  }

  @FieldResolver(() => [CredentialContribution], {
    description: 'Per credential of the subject: what it helps with and how much the score would drop without it.',
  })
  contributions(@Root() coverage: Coverage, @Ctx() ctx: GraphQLContext) {
    return coverage.contributions.map(async (c) => ({
      credential: await ctx.loaders.credential.load(c.credentialId),
      requirements: await loadPresent(ctx.loaders.skill, c.requirements),
      scoreDrop: c.scoreDrop,
    }));
  }
}

/** The evidence of a requirement, whose credential records are loaded only when asked for. */
@Resolver(() => RequirementMatch)
export class RequirementMatchFieldResolver {
  @FieldResolver(() => [EvidenceItem], { description: 'Every source that earned the credit.' })
  evidence(@Root() match: RequirementMatch, @Ctx() ctx: GraphQLContext) {
    return evidenceItems(match.sources, ctx);
  }
}

/** Fields of a ranked occupation. */
@Resolver(() => OccupationMatch)
export class OccupationMatchFieldResolver {
  @FieldResolver(() => Occupation, { description: 'The occupation.' })
  occupation(@Root() match: OccupationMatch, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.occupation.load(match.occupationUri);
  }

  @FieldResolver(() => Coverage, { description: 'The full explanation of this match.' })
  async coverage(@Root() match: OccupationMatch, @Ctx() ctx: GraphQLContext) {
    const requirements = await ctx.loaders.occupationRequirements.load(match.occupationUri);
    return ctx.services.coverage.coverageOf(match.evidence, requirements, match.policy);
  }
}

/** Fields of a ranked candidate. */
@Resolver(() => CandidateMatch)
export class CandidateMatchFieldResolver {
  @FieldResolver(() => Learner, {
    description: 'The learner; its fields are readable only by callers who may read that learner (a portal may not).',
  })
  async learner(@Root() match: CandidateMatch, @Ctx() ctx: GraphQLContext) {
    const learner = await ctx.loaders.learner.load(match.learnerId);
    return learner && { ...learner, [CANDIDATE_VIEW]: true };
  }

  @FieldResolver(() => String, { description: "The learner's display name, the only personal field a portal sees." })
  displayName(@Root() match: CandidateMatch, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.candidateName.load(match.learnerId);
  }

  @FieldResolver(() => Coverage, { description: 'The full explanation of this match.' })
  coverage(@Root() match: CandidateMatch, @Ctx() ctx: GraphQLContext) {
    return ctx.services.coverage.coverage({ kind: 'LEARNER', learnerId: match.learnerId }, match.target, match.policy);
  }
}

/** Coverage shortcuts on a learner. */
@Resolver(() => Learner)
export class LearnerCoverageResolver {
  @Access(learnerField)
  @FieldResolver(() => Coverage, { description: 'Shortcut for coverage(subject: { learnerId }, target, policy).' })
  coverage(
    @Root() learner: Learner,
    @Args(() => TargetArgs) { target }: TargetArgs,
    @Args(() => PolicyArgs) { policy }: PolicyArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.coverage.coverage(
      { kind: 'LEARNER', learnerId: learner.id },
      validateTarget(target),
      ctx.services.coverage.policy(policy),
    );
  }

  @Access(learnerField)
  @FieldResolver(() => OccupationMatchConnection, {
    description: 'Shortcut for rankOccupations(subject: { learnerId }, first, after, policy).',
  })
  async closestOccupations(
    @Root() learner: Learner,
    @Arg('first', () => Int, {
      description: 'How many occupations to return (default 5), at most MAX_PAGE_SIZE (100 by default).',
      defaultValue: 5,
    })
    first: number,
    @Arg('after', () => String, {
      description:
        'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.',
      nullable: true,
    })
    after: string | null,
    @Args(() => PolicyArgs) { policy: policyInput }: PolicyArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    const policy = ctx.services.coverage.policy(policyInput);
    const evidence = await ctx.services.coverage.subjectEvidence({ kind: 'LEARNER', learnerId: learner.id }, policy);
    const { best, totalCount } = await ctx.services.coverage.rankOccupationsFor(
      evidence,
      policy,
      null,
      page.offset + page.limit,
    );
    return toConnection({
      items: best.slice(page.offset).map((m) => ({ ...m, evidence, policy })),
      totalCount,
      offset: page.offset,
    });
  }
}
