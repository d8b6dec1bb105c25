import { Arg, Args, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Access } from '../access/access-policy';
import { readSubjectLearner } from '../access/policies';
import { SubjectArgs } from '../inputs/subject-args';
import { TargetArgs } from '../inputs/target-args';
import { PolicyArgs } from '../inputs/policy-args';
import { PlanBudgetArgs } from '../inputs/plan-budget-args';
import type { GraphQLContext } from '../context';
import {
  CourseSuggestion,
  ExcludedCourse,
  LearningPlan,
  PlanObjective,
  PlanScope,
  PlanStep,
  ReskillingOption,
  ReskillingOrder,
} from '../types/planning-type';
import { MicroCredential } from '../types/micro-credential-type';
import { Skill } from '../types/skill-type';
import { Occupation } from '../types/occupation-type';
import { validateSubject, validateTarget } from '../../domain/coverage';
import { BadInputError } from '../../domain/errors';
import { pageRequest } from '../../domain/pagination/cursor';
import { loadPresent } from '../loaders/load-all';

async function skills(uris: readonly string[], ctx: GraphQLContext) {
  return loadPresent(ctx.loaders.skill, uris);
}

/** Planning entry points. */
@Resolver()
export class PlanningQueryResolver {
  @Access(readSubjectLearner)
  @Query(() => LearningPlan, {
    description:
      'Which short courses, in which order, close the gap at the least cost; proven optimal when `optimal` is true. Answered within PLAN_TIME_LIMIT_MS (+ 100 ms): the best plan found by then, or, when the server was too busy to find one, the error SERVER_BUSY with `retry-after` (`details.reason` NOT_PLANNED_IN_TIME).',
  })
  async recommendCourses(
    @Args(() => SubjectArgs) { subject }: SubjectArgs,
    @Args(() => TargetArgs) { target }: TargetArgs,
    @Arg('objective', () => PlanObjective, {
      description: 'The cost a plan minimises (default HOURS).',
      defaultValue: PlanObjective.HOURS,
    })
    objective: PlanObjective,
    @Arg('scope', () => PlanScope, {
      description: 'Which requirements the plan must cover: ESSENTIAL (default) or ESSENTIAL_AND_OPTIONAL.',
      defaultValue: PlanScope.ESSENTIAL,
    })
    scope: PlanScope,
    @Args(() => PlanBudgetArgs) { constraints = null, currency }: PlanBudgetArgs,
    @Args(() => PolicyArgs) { policy: policyInput }: PolicyArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LearningPlan> {
    const request = ctx.services.planning.request({ objective, scope, constraints, currency }, ctx.receivedAt);
    const policy = ctx.services.coverage.policy(policyInput);
    const validTarget = validateTarget(target);
    const [evidence, req] = await Promise.all([
      ctx.services.coverage.subjectEvidence(validateSubject(subject), policy),
      ctx.services.coverage.targetRequirements(validTarget),
    ]);
    const plan = await ctx.services.planning.recommend(evidence, req.requirements, request, policy);
    // The target rides along for fields that describe the plan's destination (ctdlPathway).
    return { ...plan, target: validTarget };
  }

  @Access(readSubjectLearner)
  @Query(() => [CourseSuggestion], {
    description:
      'Single courses ranked by coverage gain per unit of cost. Answered within PLAN_TIME_LIMIT_MS (+ 100 ms), or refused with SERVER_BUSY (`details.reason` NOT_PLANNED_IN_TIME) when the server was too busy to rank them by then.',
  })
  async nextCourses(
    @Args(() => SubjectArgs) { subject }: SubjectArgs,
    @Args(() => TargetArgs) { target }: TargetArgs,
    @Arg('first', () => Int, {
      description: 'How many courses to return (default 5), at most MAX_PAGE_SIZE (100 by default).',
      defaultValue: 5,
    })
    first: number,
    @Arg('objective', () => PlanObjective, { defaultValue: PlanObjective.HOURS, description: 'The unit of cost.' })
    objective: PlanObjective,
    @Args(() => PlanBudgetArgs) { constraints = null, currency }: PlanBudgetArgs,
    @Args(() => PolicyArgs) { policy: policyInput }: PolicyArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CourseSuggestion[]> {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    if (limit < 1) throw new BadInputError('first must be at least 1', { field: 'first' });
    const request = ctx.services.planning.request(
      { objective, scope: PlanScope.ESSENTIAL_AND_OPTIONAL, constraints, currency },
      ctx.receivedAt,
    );
    const policy = ctx.services.coverage.policy(policyInput);
    const [evidence, req] = await Promise.all([
      ctx.services.coverage.subjectEvidence(validateSubject(subject), policy),
      ctx.services.coverage.targetRequirements(validateTarget(target)),
    ]);
    return ctx.services.planning.next(evidence, req.requirements, limit, request, policy);
  }

  @Access(readSubjectLearner)
  @Query(() => [ReskillingOption], {
    description:
      'The `candidates` occupations the subject is closest to, each with its cheapest plan to full essential coverage; in `order` (cheapest plan first by default). When the plan time limit ends before every candidate is planned, the closest ones are planned first, the options are the best of those (none if the time ran out before the first plan; the answer still comes within the limit + 100 ms), and the response carries a PARTIAL_RESULT warning in `extensions.warnings` (details: candidatesConsidered, candidatesPlanned).',
  })
  async reskillingPaths(
    @Args(() => SubjectArgs) { subject }: SubjectArgs,
    @Arg('first', () => Int, {
      description: 'How many options to return (default 10), at most MAX_PAGE_SIZE (100 by default).',
      defaultValue: 10,
    })
    first: number,
    @Arg('candidates', () => Int, {
      description: 'How many of the closest occupations to plan for, 1-200 (default 50).',
      defaultValue: 50,
    })
    candidates: number,
    @Arg('objective', () => PlanObjective, {
      description: 'The cost a plan minimises (default HOURS).',
      defaultValue: PlanObjective.HOURS,
    })
    objective: PlanObjective,
    @Args(() => PlanBudgetArgs) { constraints = null, currency }: PlanBudgetArgs,
    @Args(() => PolicyArgs) { policy: policyInput }: PolicyArgs,
    @Arg('order', () => ReskillingOrder, {
      defaultValue: ReskillingOrder.CHEAPEST_PLAN,
      description: 'How the options are ordered (default CHEAPEST_PLAN).',
    })
    order: ReskillingOrder,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReskillingOption[]> {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const request = ctx.services.planning.request(
      { objective, scope: PlanScope.ESSENTIAL, constraints, currency },
      ctx.receivedAt,
    );
    if (!Number.isInteger(candidates) || candidates < 1 || candidates > 200)
      throw new BadInputError(`candidates must lie in [1, 200], got ${candidates}`, { field: 'candidates' });
    const policy = ctx.services.coverage.policy(policyInput);
    const evidence = await ctx.services.coverage.subjectEvidence(validateSubject(subject), policy);
    const { options, planned, considered } = await ctx.services.planning.reskilling(
      evidence,
      limit,
      candidates,
      order,
      request,
      policy,
    );
    if (planned < considered)
      ctx.warnings.add(
        info,
        'PARTIAL_RESULT',
        planned === 0
          ? `planned none of the ${considered} closest occupations before the plan time limit; ` +
              'retry later, or ask for fewer candidates'
          : `planned ${planned} of the ${considered} closest occupations before the plan time limit; ` +
              'the options are the best of those planned, and a farther occupation with a cheaper plan may be missing',
        { candidatesConsidered: considered, candidatesPlanned: planned },
      );
    return options.map((o) => ({
      occupationUri: o.occupationUri,
      currentCoverage: o.current,
      plan: o.plan,
      reachesFullCoverage: o.reachesFull,
    }));
  }
}

/** Links of a plan. */
@Resolver(() => LearningPlan)
export class LearningPlanFieldResolver {
  @FieldResolver(() => [Skill], { description: 'Required skills below the threshold before the plan.' })
  gap(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills(plan.gapSkills, ctx);
  }

  @FieldResolver(() => [Skill], { description: 'Gap skills no eligible course can cover.' })
  uncoverable(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills(plan.uncoverable, ctx);
  }

  @FieldResolver(() => [Skill], {
    description:
      'Coverable gap skills left out because of the budgets, and those only courses left out as prerequisites-not-followed teach.',
  })
  uncoveredWithinBudget(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills(plan.uncoveredWithinBudget, ctx);
  }

  @FieldResolver(() => JSONResolver, {
    nullable: true,
    description:
      'The plan as a Credential Engine CTDL Pathway (JSON-LD @graph): a ceterms:Pathway, one CourseComponent or CredentialComponent per step linked by ceterms:precedes (plan order and prerequisites), and the destination JobComponent aligned to the target ESCO occupation. Null for plans not made by recommendCourses.',
  })
  async ctdlPathway(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    if (!plan.target) return null;
    return ctx.services.pathwayExport.exportPathway(plan.steps, plan.target);
  }

  @FieldResolver(() => [ExcludedCourse], {
    description:
      'Candidate courses left out and why. Candidates are the courses teaching a covering skill and, up to three levels deep, the teachers of unmet prerequisites that no other teacher makes redundant (by teaching every needed skill it does, needing no more prerequisites and costing no more).',
  })
  excluded(@Root() plan: LearningPlan): ExcludedCourse[] {
    return plan.excluded.map((e) => ({ credentialId: e.courseId, reason: e.reason }));
  }
}

/** Links of a plan step. */
@Resolver(() => PlanStep)
export class PlanStepFieldResolver {
  @FieldResolver(() => MicroCredential, { description: 'The course of this step.' })
  credential(@Root() step: PlanStep, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.credential.load(step.credentialId);
  }

  @FieldResolver(() => [Skill], { description: 'Gap skills this step covers first.' })
  newlyCovered(@Root() step: PlanStep, @Ctx() ctx: GraphQLContext) {
    return skills(step.newlyCovered, ctx);
  }
}

/** Links of a course suggestion. */
@Resolver(() => CourseSuggestion)
export class CourseSuggestionFieldResolver {
  @FieldResolver(() => MicroCredential, { description: 'The suggested course.' })
  credential(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.credential.load(s.courseId);
  }

  @FieldResolver(() => [Skill], { description: 'Gap skills it would cover.' })
  newlyCovered(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return skills(s.newlyCovered, ctx);
  }

  @FieldResolver(() => [Skill], { description: 'Prerequisites the subject lacks.' })
  missingPrerequisites(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return skills(s.missingPrerequisites, ctx);
  }

  @FieldResolver(() => Float, { description: 'Weighted number of gap skills covered (essential 1, optional λ).' })
  coverageGain(@Root() s: CourseSuggestion): number {
    return s.gain;
  }
}

/** Links of a reskilling option. */
@Resolver(() => ReskillingOption)
export class ReskillingOptionFieldResolver {
  @FieldResolver(() => Occupation, { description: 'The occupation this option leads to.' })
  occupation(@Root() o: ReskillingOption, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.occupation.load(o.occupationUri);
  }
}
