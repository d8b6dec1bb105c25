import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../context';
import { MatchPolicyInput, SubjectInput, TargetInput } from '../inputs/coverage-inputs';
import { CourseSuggestion, ExcludedCourse, LearningPlan, PlanConstraintsInput, PlanObjective, PlanScope, PlanStep, ReskillingOption, ReskillingOrder } from '../types/planning-type';
import { MicroCredential } from '../types/micro-credential-type';
import { Skill } from '../types/skill-type';
import { Occupation } from '../types/occupation-type';
import { validateSubject, validateTarget } from '../../domain/coverage';
import type { Target } from '../../domain/coverage/subject-input';
import { BadInputError } from '../../domain/errors';
import { pageRequest } from '../../domain/pagination/cursor';
import { loadPresent } from '../loaders/load-all';
import type { CourseSuggestionValue, LearningPlanValue, PlanStepValue } from '../../services/planning-service';

/** Where recommendCourses keeps the plan's validated target on the value it returns. */
const PLAN_TARGET = Symbol('plan-target');

async function skills(uris: readonly string[], ctx: GraphQLContext) {
  return loadPresent(ctx.loaders.skill, uris);
}

/** Planning entry points. */
@Resolver()
export class PlanningQueryResolver {
  @Query(() => LearningPlan, { description: 'Which short courses, in which order, close the gap at the least cost; proven optimal when `optimal` is true.' })
  async recommendCourses(
    @Arg('subject', () => SubjectInput, { description: 'Whose skills are measured: a learner, a stack of credentials and/or skills, or an occupation.' }) subject: SubjectInput,
    @Arg('target', () => TargetInput, { description: 'The occupation or job posting whose required skills are measured against.' }) target: TargetInput,
    @Arg('objective', () => PlanObjective, { description: 'The cost a plan minimises (default HOURS).', defaultValue: PlanObjective.HOURS }) objective: PlanObjective,
    @Arg('scope', () => PlanScope, { description: 'Which requirements the plan must cover: ESSENTIAL (default) or ESSENTIAL_AND_OPTIONAL.', defaultValue: PlanScope.ESSENTIAL }) scope: PlanScope,
    @Arg('constraints', () => PlanConstraintsInput, { description: 'Budgets and filters on the courses a plan may use; none when absent.', nullable: true }) constraints: PlanConstraintsInput | null,
    @Arg('policy', () => MatchPolicyInput, { description: 'Overrides of the matching and scoring defaults; the defaults when absent.', nullable: true }) policyInput: MatchPolicyInput | null,
    @Arg('currency', () => String, { defaultValue: 'EUR', description: 'ISO 4217 currency of the plan: maxTotalPrice and the answer are in it, other prices are converted with the dated rate table.' }) currency: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const request = ctx.services.planning.request({ objective, scope, constraints, currency });
    const policy = ctx.services.coverage.policy(policyInput);
    const validTarget = validateTarget(target);
    const [evidence, req] = await Promise.all([
      ctx.services.coverage.subjectEvidence(validateSubject(subject), policy),
      ctx.services.coverage.targetRequirements(validTarget),
    ]);
    const plan = await ctx.services.planning.recommend(evidence, req.requirements, request, policy);
    // The target rides along for fields that describe the plan's destination (ctdlPathway).
    return { ...plan, [PLAN_TARGET]: validTarget };
  }

  @Query(() => [CourseSuggestion], { description: 'Single courses ranked by coverage gain per unit of cost.' })
  async nextCourses(
    @Arg('subject', () => SubjectInput, { description: 'Whose skills are measured: a learner, a stack of credentials and/or skills, or an occupation.' }) subject: SubjectInput,
    @Arg('target', () => TargetInput, { description: 'The occupation or job posting whose required skills are measured against.' }) target: TargetInput,
    @Arg('first', () => Int, { description: 'How many courses to return (default 5), at most MAX_PAGE_SIZE (100 by default).', defaultValue: 5 }) first: number,
    @Arg('objective', () => PlanObjective, { defaultValue: PlanObjective.HOURS, description: 'The unit of cost.' }) objective: PlanObjective,
    @Arg('constraints', () => PlanConstraintsInput, { description: 'Budgets and filters on the courses a plan may use; none when absent.', nullable: true }) constraints: PlanConstraintsInput | null,
    @Arg('policy', () => MatchPolicyInput, { description: 'Overrides of the matching and scoring defaults; the defaults when absent.', nullable: true }) policyInput: MatchPolicyInput | null,
    @Arg('currency', () => String, { defaultValue: 'EUR', description: 'ISO 4217 currency of the plan: maxTotalPrice and the answer are in it, other prices are converted with the dated rate table.' }) currency: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    if (limit < 1) throw new BadInputError('first must be at least 1', { field: 'first' });
    const request = ctx.services.planning.request({ objective, scope: PlanScope.ESSENTIAL_AND_OPTIONAL, constraints, currency });
    const policy = ctx.services.coverage.policy(policyInput);
    const [evidence, req] = await Promise.all([
      ctx.services.coverage.subjectEvidence(validateSubject(subject), policy),
      ctx.services.coverage.targetRequirements(validateTarget(target)),
    ]);
    return ctx.services.planning.next(evidence, req.requirements, limit, request, policy);
  }

  @Query(() => [ReskillingOption], { description: 'The `candidates` occupations the subject is closest to, each with its cheapest plan to full essential coverage; in `order` (cheapest plan first by default).' })
  async reskillingPaths(
    @Arg('subject', () => SubjectInput, { description: 'Whose skills are measured: a learner, a stack of credentials and/or skills, or an occupation.' }) subject: SubjectInput,
    @Arg('first', () => Int, { description: 'How many options to return (default 10), at most MAX_PAGE_SIZE (100 by default).', defaultValue: 10 }) first: number,
    @Arg('candidates', () => Int, { description: 'How many of the closest occupations to plan for, 1-200 (default 50).', defaultValue: 50 }) candidates: number,
    @Arg('objective', () => PlanObjective, { description: 'The cost a plan minimises (default HOURS).', defaultValue: PlanObjective.HOURS }) objective: PlanObjective,
    @Arg('constraints', () => PlanConstraintsInput, { description: 'Budgets and filters on the courses a plan may use; none when absent.', nullable: true }) constraints: PlanConstraintsInput | null,
    @Arg('policy', () => MatchPolicyInput, { description: 'Overrides of the matching and scoring defaults; the defaults when absent.', nullable: true }) policyInput: MatchPolicyInput | null,
    @Arg('currency', () => String, { defaultValue: 'EUR', description: 'ISO 4217 currency of the plan: maxTotalPrice and the answer are in it, other prices are converted with the dated rate table.' }) currency: string,
    @Arg('order', () => ReskillingOrder, { defaultValue: ReskillingOrder.CHEAPEST_PLAN, description: 'How the options are ordered (default CHEAPEST_PLAN).' }) order: ReskillingOrder,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const request = ctx.services.planning.request({ objective, scope: PlanScope.ESSENTIAL, constraints, currency });
    if (!Number.isInteger(candidates) || candidates < 1 || candidates > 200) throw new BadInputError(`candidates must lie in [1, 200], got ${candidates}`, { field: 'candidates' });
    const policy = ctx.services.coverage.policy(policyInput);
    const evidence = await ctx.services.coverage.subjectEvidence(validateSubject(subject), policy);
    const options = await ctx.services.planning.reskilling(evidence, limit, candidates, order, request, policy);
    return options.map((o) => ({ occupationUri: o.occupationUri, currentCoverage: o.current, plan: o.plan, reachesFullCoverage: o.reachesFull }));
  }
}

/** Links of a plan. */
@Resolver(() => LearningPlan)
export class LearningPlanFieldResolver {
  @FieldResolver(() => [Skill]) gap(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills((plan as unknown as LearningPlanValue).gapSkills, ctx);
  }
  @FieldResolver(() => [Skill]) uncoverable(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills((plan as unknown as LearningPlanValue).uncoverable, ctx);
  }
  @FieldResolver(() => [Skill]) uncoveredWithinBudget(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    return skills((plan as unknown as LearningPlanValue).uncoveredWithinBudget, ctx);
  }
  @FieldResolver(() => JSONResolver, {
    nullable: true,
    description:
      'The plan as a Credential Engine CTDL Pathway (JSON-LD @graph): a ceterms:Pathway, one CourseComponent or CredentialComponent per step linked by ceterms:precedes (plan order and prerequisites), and the destination JobComponent aligned to the target ESCO occupation. Null for plans not made by recommendCourses.',
  })
  async ctdlPathway(@Root() plan: LearningPlan, @Ctx() ctx: GraphQLContext) {
    const target = (plan as unknown as { [PLAN_TARGET]?: Target })[PLAN_TARGET];
    if (!target) return null;
    return ctx.services.pathwayExport.exportPathway((plan as unknown as LearningPlanValue).steps, target);
  }
  @FieldResolver(() => [ExcludedCourse])
  excluded(@Root() plan: LearningPlan) {
    return (plan as unknown as LearningPlanValue).excluded.map((e) => ({ credentialId: e.courseId, reason: e.reason }));
  }
}

/** Links of a plan step. */
@Resolver(() => PlanStep)
export class PlanStepFieldResolver {
  @FieldResolver(() => MicroCredential, { description: 'The course of this step.' }) credential(@Root() step: PlanStep, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.credential.load((step as unknown as PlanStepValue).credentialId);
  }
  @FieldResolver(() => [Skill]) newlyCovered(@Root() step: PlanStep, @Ctx() ctx: GraphQLContext) {
    return skills((step as unknown as PlanStepValue).newlyCovered, ctx);
  }
}

/** Links of a course suggestion. */
@Resolver(() => CourseSuggestion)
export class CourseSuggestionFieldResolver {
  @FieldResolver(() => MicroCredential, { description: 'The suggested course.' }) credential(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.credential.load((s as unknown as CourseSuggestionValue).courseId);
  }
  @FieldResolver(() => [Skill]) newlyCovered(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return skills((s as unknown as CourseSuggestionValue).newlyCovered, ctx);
  }
  @FieldResolver(() => [Skill]) missingPrerequisites(@Root() s: CourseSuggestion, @Ctx() ctx: GraphQLContext) {
    return skills((s as unknown as CourseSuggestionValue).missingPrerequisites, ctx);
  }
  @FieldResolver(() => Float) coverageGain(@Root() s: CourseSuggestion) {
    return (s as unknown as CourseSuggestionValue).gain;
  }
}

/** Links of a reskilling option. */
@Resolver(() => ReskillingOption)
export class ReskillingOptionFieldResolver {
  @FieldResolver(() => Occupation, { description: 'The occupation this option leads to.' }) occupation(@Root() o: ReskillingOption, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.occupation.load((o as unknown as { occupationUri: string }).occupationUri);
  }
}
