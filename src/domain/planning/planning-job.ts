/**
 * The compute half of a planning request: everything after the graph has been read. The service
 * gathers (evidence, requirements, hierarchy links, candidate courses, unmet prerequisites) and
 * hands one {@link PlanningJob} to a worker thread, which runs {@link runPlanningJob}: course
 * eligibility, prices, the solver, coverage along the plan, the explanation. Pure and
 * structured-clone safe in both directions, so it runs the same in a worker and in-process.
 */
import {
  computeSkillCredits,
  scoreFromCredits,
  type Evidence,
  type HierarchyLink,
  type MatchPolicy,
  type OccupationScore,
  type Requirement,
} from '../coverage';
import {
  catalogueExclusion,
  confidentTeaches,
  countCatalogueExclusions,
  type CandidateCourse,
} from './course-eligibility';
import type { CandidateCoverage, CatalogueExclusion } from './course-eligibility';
import { keepInstanceShape } from '../kept-instance-shape';
import { pushToList } from '../map-of-lists';
import { coveredBy, targetsCoveredBy } from './covering-skills';
import { describePlan, type PlanStatus } from './describe-plan';
import { orderReskillingOptions, type ReskillingOrder } from './order-reskilling';
import { solverFreePlan } from './solver-free-plan';
import { planPreparedProblem } from './plan-courses';
import type { PlanRequest } from './plan-request';
import type { GapSkill, PlanCourse, PlanInput, PlanResult } from './plan-types';
import { prepareCatalogue, prepareTarget, type PlanningProblem, type PreparedCatalogue } from './planning-problem';
import { PreparationCosts } from './preparation-costs';
import { needsQuickPlans, quickPlan } from './quick-plan';
import { priceInCurrency, type PriceRates } from './price-rates';
import { rankNextCourses, type RankedCourse } from './rank-next-courses';
import { validatePlanInput } from './validate-plan-input';

/** Score and essential coverage at one moment. */
export interface CoverageSnapshot {
  readonly score: number;
  readonly essentialCoverage: number;
}

/** A plan step with the coverage reached after it. */
export interface PlanStepValue {
  readonly order: number;
  readonly credentialId: string;
  readonly newlyCovered: readonly string[];
  readonly essentialCoverageAfter: number;
  readonly scoreAfter: number;
}

/** A learning plan as the API returns it. */
export interface LearningPlanValue extends Omit<PlanResult, 'steps'> {
  readonly steps: readonly PlanStepValue[];
  readonly coverageBefore: CoverageSnapshot;
  readonly coverageAfter: CoverageSnapshot;
  readonly gapSkills: readonly string[];
  readonly status: PlanStatus;
  readonly explanation: string;
  /** The currency of `totalPrice`, `maxTotalPrice` and a PRICE `objectiveValue`. */
  readonly currency: string;
  /** The day of the exchange rates prices were converted with. */
  readonly ratesDate: string;
}

/** One course suggested as the next step. */
export interface CourseSuggestionValue extends RankedCourse {
  readonly scoreGain: number;
  /** The currency of `cost` under the PRICE objective. */
  readonly currency: string;
}

/** A subject's evidence, ready for scoring. */
export interface PlanningEvidence {
  readonly evidence: readonly Evidence[];
  /** Distinct skills the evidence names. */
  readonly skillUris: readonly string[];
}

/** One target as gathered: its requirements, their hierarchy links, coverage today and the gap. */
export interface GatheredTarget {
  readonly requirements: Requirement[];
  readonly links: HierarchyLink[];
  readonly before: CoverageSnapshot;
  readonly gap: GapSkill[];
}

/** What the graph said, for one subject and one or more targets. */
export interface GatheredPlanning {
  readonly evidence: PlanningEvidence;
  readonly targets: readonly GatheredTarget[];
  /** Every candidate course: teaching a covering skill of some gap skill, or an unmet prerequisite. */
  readonly candidates: readonly CandidateCourse[];
  /** Prerequisite skills the subject does not meet. */
  readonly unmet: readonly string[];
  /**
   * Of {@link unmet}, those whose teachers were not looked for because the plan's time ran out
   * while gathering (see `PlanInput.unfollowedPrerequisites`); usually none.
   */
  readonly unfollowed: readonly string[];
  readonly request: PlanRequest;
  readonly policy: MatchPolicy;
  readonly rates: PriceRates;
}

/** A ranked occupation handed to the reskilling job (as `rankOccupations` scores it). */
export type RankedOccupation = OccupationScore;

/** One job for a planning worker. */
export type PlanningJob =
  | { readonly kind: 'recommend'; readonly gathered: GatheredPlanning; readonly deadline: number }
  | { readonly kind: 'next'; readonly gathered: GatheredPlanning; readonly first: number; readonly deadline: number }
  | {
      readonly kind: 'reskilling';
      readonly gathered: GatheredPlanning;
      readonly ranked: readonly RankedOccupation[];
      readonly first: number;
      readonly order: ReskillingOrder;
      readonly deadline: number;
    }
  | { readonly kind: 'input'; readonly gathered: GatheredPlanning; readonly deadline: number };

/** A reskilling option as the API returns it. */
export interface ReskillingOptionValue {
  readonly occupationUri: string;
  readonly current: RankedOccupation;
  readonly plan: LearningPlanValue;
  readonly reachesFull: boolean;
}

/** What each job kind answers. */
export type PlanningJobResult =
  | { readonly kind: 'recommend'; readonly plan: LearningPlanValue }
  | { readonly kind: 'next'; readonly courses: CourseSuggestionValue[] }
  | {
      readonly kind: 'reskilling';
      readonly options: ReskillingOptionValue[];
      /**
       * How many of the ranked candidates were planned: the closest `planned` of `considered`.
       * Fewer when the plan deadline came first; the options are then the best of those planned,
       * and a farther candidate with a cheaper plan may be missing.
       */
      readonly planned: number;
      readonly considered: number;
    }
  | { readonly kind: 'input'; readonly input: PlanInput };

/** A reskilling job's answer: its options and how many of its candidates it planned. */
export type ReskillingAnswer = Omit<Extract<PlanningJobResult, { kind: 'reskilling' }>, 'kind'>;

/** Time kept back from a plan's budget for the work after solving (coverage along the plan, reply). */
export const PLAN_REPLY_MARGIN_MS = 30;

/**
 * How long past its deadline a plan request with no answer yet waits for one (its cutoff). A
 * reskilling request then answers with the candidates planned so far, none if none (the API warns
 * that the answer is partial); a single plan (recommendCourses, nextCourses), which has no partial
 * answer, is refused as SERVER_BUSY (`details.reason` {@link PLAN_CUT_OFF_REASON}), so that its
 * client retries rather than waits. On a saturated machine a reskilling request's ranking,
 * gathering, packing and preparation alone took 2-5 s, and a single plan queued on the express
 * lane behind others answered up to 0.6 s late. The rest of the 100 ms a plan request may take
 * past `PLAN_TIME_LIMIT_MS` is the reply's.
 */
export const PLAN_CUTOFF_GRACE_MS = 40;

/** `extensions.details.reason` of a single plan refused at its cutoff ({@link PLAN_CUTOFF_GRACE_MS}). */
export const PLAN_CUT_OFF_REASON = 'NOT_PLANNED_IN_TIME';

/** Shortest time between two heuristic answers of a many-target job, away from its deadline. */
const REPORT_INTERVAL_MS = 25;

/** How close to its deadline a many-target job reports after every target. */
const REPORT_EVERY_TARGET_MS = 150;

/** Share of a plan's budget the exact search may use; the rest is for its LP bounds when it stops early. */
const SEARCH_SHARE = 0.75;

/** The usable courses of a job, shared by all its targets. */
interface SharedCourses {
  /** Each course with its prices converted and its unmet prerequisites; `covers` is empty (see `coversById`). */
  readonly courses: readonly PlanCourse[];
  readonly byId: ReadonlyMap<string, PlanCourse>;
  readonly unfollowed: readonly string[];
}

/** The planning problem of one target, ready for the solver. */
interface PreparedTarget extends GatheredTarget {
  readonly shared: SharedCourses;
  /** The gap skills of this target each course covers, in gap order; courses covering none are absent. */
  readonly coversById: ReadonlyMap<string, readonly string[]>;
  /** Courses with a price in a currency the rate table lacks (unpriced in this plan). */
  readonly noRate: ReadonlySet<string>;
  readonly catalogueExclusions: ReadonlyMap<CatalogueExclusion, number>;
}

/** Optional settings of {@link runPlanningJob}. */
export interface PlanningJobOptions {
  /** What preparing problems costs (default: learnt on this thread). */
  readonly costs?: PreparationCosts;
  /** Called once the targets' courses are prepared, before any plan is made. */
  readonly onPrepared?: () => void;
}

/** Clock of {@link runPlanningJob}: epoch milliseconds, comparable across threads. */
export type EpochClock = () => number;

/**
 * Runs one planning job. `deadline` (epoch ms) bounds the whole job: every plan gets an equal
 * share of the time left, the exact search three quarters of it, and nothing runs past it (a
 * plan stopped early is the best found so far, `optimal: false`, with its bound).
 *
 * The solver may overrun its time limit (HiGHS checks the clock only between steps), so with
 * `onFallback` every plan is first solved with a short share of the time; if any is not proven
 * optimal, that answer is reported (the best plans found, with their bounds) before the unproven
 * plans are solved again with the time left, and an improved answer after each of them: the caller
 * can stop the job at its deadline and answer with the last report.
 *
 * Preparing a problem (eligibility, prerequisite chains, pruning) cannot be stopped half-way: a
 * target that has a quick plan keeps it rather than start a preparation `options.costs` (learnt on
 * this thread by default) says would end past the deadline, and a many-target job leaves out the
 * targets it has neither a plan nor the time for. `options.onPrepared` is called once the targets'
 * courses are prepared, before any plan is made.
 *
 * @example
 * const result = await runPlanningJob({ kind: 'recommend', gathered, deadline: Date.now() + 1000 });
 * // result.kind === 'recommend'; result.plan.optimal tells whether the plan is proven optimal
 */
export async function runPlanningJob(
  job: PlanningJob,
  now: EpochClock = epochNow,
  onFallback?: (fallback: PlanningJobResult) => void,
  options: PlanningJobOptions = {},
): Promise<PlanningJobResult> {
  const { costs = threadPreparationCosts, onPrepared } = options;
  const { gathered } = job;
  const prepared = prepareTargets(gathered);
  onPrepared?.();
  switch (job.kind) {
    case 'recommend': {
      const targets = prepared.slice(0, 1);
      const quick = onFallback ? quickPlans(targets, gathered, job.deadline, now, costs) : [];
      if (quick.length > 0) onFallback?.({ kind: 'recommend', plan: quick[0]! });
      const [plan] = await solveAll(
        targets,
        gathered,
        job.deadline,
        now,
        costs,
        (plans) => onFallback?.({ kind: 'recommend', plan: plans[0]! }),
        quick,
      );
      return { kind: 'recommend', plan: plan! };
    }
    case 'input':
      return { kind: 'input', input: toPlanInput(prepared[0]!, gathered.request, gathered.request.timeLimitMs) };
    case 'next':
      return { kind: 'next', courses: nextCourses(prepared[0]!, gathered, job.first) };
    case 'reskilling': {
      // The caller keeps only the last heuristic answer, and each one crosses to its thread: over
      // hundreds of targets one is sent at most every REPORT_INTERVAL_MS, and after every target
      // once the deadline is near (where the last one may become the answer).
      let lastReport = Number.NEGATIVE_INFINITY;
      const report = (found: readonly LearningPlanValue[]) => {
        const at = now();
        if (at - lastReport < REPORT_INTERVAL_MS && at < job.deadline - REPORT_EVERY_TARGET_MS) return;
        lastReport = at;
        onFallback?.(reskillingResult(job, found));
      };
      const quick = onFallback ? quickPlans(prepared, gathered, job.deadline, now, costs) : [];
      if (quick.length > 0) report(quick);
      const plans = await solveAll(prepared, gathered, job.deadline, now, costs, report, quick);
      return reskillingResult(job, plans);
    }
  }
}

/**
 * Answers a planning job without the solver, for a job that waited for a worker until near its
 * deadline (the compute pool's express lane, whose thread never loads HiGHS): each target's
 * {@link solverFreePlan} over its whole prepared problem (the set-cover search from the greedy
 * plan, proven optimal when its minimum cover is a valid plan), each with an even share of the
 * time left, or its {@link quickPlan} where preparing the problem is slow ({@link needsQuickPlans});
 * targets in order while `stopAt` allows, the first always. `next` and `input` jobs need no
 * solver and are answered as {@link runPlanningJob} answers them.
 *
 * @example
 * const late = runLatePlanningJob(job, epochNow() + 50);
 * // late.kind === job.kind; a recommend plan has lowerBound <= objectiveValue, optimal when the search proved it
 */
export function runLatePlanningJob(job: PlanningJob, stopAt: number, now: EpochClock = epochNow): PlanningJobResult {
  const { gathered } = job;
  const prepared = prepareTargets(gathered);
  switch (job.kind) {
    case 'input':
      return { kind: 'input', input: toPlanInput(prepared[0]!, gathered.request, gathered.request.timeLimitMs) };
    case 'next':
      return { kind: 'next', courses: nextCourses(prepared[0]!, gathered, job.first) };
    case 'recommend':
      return { kind: 'recommend', plan: latePlans(prepared.slice(0, 1), gathered, stopAt, now)[0]! };
    case 'reskilling': {
      const plans = latePlans(prepared, gathered, stopAt, now);
      return reskillingResult(job, plans);
    }
  }
}

/** Solver-free plans of the targets, in order, while `stopAt` allows (see {@link runLatePlanningJob}). */
function latePlans(
  prepared: readonly PreparedTarget[],
  gathered: GatheredPlanning,
  stopAt: number,
  now: EpochClock,
): LearningPlanValue[] {
  const { request } = gathered;
  const quick = catalogueNeedsQuickPlans(prepared);
  let planned = 0;
  return planTargetsUntil(prepared, gathered, stopAt, now, (target) => {
    if (quick || preparationWouldEndAfter(target, stopAt, now, threadPreparationCosts))
      return quickPlan(coveringPlanInput(target, request), now);
    // Each target's search gets an even share of the time left, so the first cannot starve the rest.
    const share = Math.max(0, stopAt - now()) / (prepared.length - planned);
    planned += 1;
    return solverFreePlan(
      preparedProblemOf(target, request, request.timeLimitMs, now, threadPreparationCosts),
      now,
      now() + share,
    );
  });
}

/** Whether a job's shared catalogue calls for quick plans ({@link needsQuickPlans}). */
function catalogueNeedsQuickPlans(prepared: readonly PreparedTarget[]): boolean {
  const courses = prepared[0]?.shared.courses ?? [];
  let withUnmet = 0;
  for (const course of courses) if (course.prerequisites.length > 0) withUnmet += 1;
  return needsQuickPlans(courses.length, withUnmet);
}

/** Each target's plan by `planOne`, in order, while `stopAt` allows: the first always. */
function planTargetsUntil(
  prepared: readonly PreparedTarget[],
  gathered: GatheredPlanning,
  stopAt: number,
  now: EpochClock,
  planOne: (target: PreparedTarget) => PlanResult,
): LearningPlanValue[] {
  const plans: LearningPlanValue[] = [];
  for (const target of prepared) {
    if (plans.length > 0 && now() > stopAt) break;
    plans.push(toPlanValue(planOne(target), target, gathered));
  }
  return plans;
}

/** Reskilling options of the first `plans.length` ranked occupations, each with its plan. */
function reskillingOptions(
  ranked: readonly RankedOccupation[],
  plans: readonly LearningPlanValue[],
): ReskillingOptionValue[] {
  return plans.map((plan, i) => ({
    occupationUri: ranked[i]!.occupationUri,
    current: ranked[i]!,
    plan,
    reachesFull: plan.uncoverable.length === 0 && plan.uncoveredWithinBudget.length === 0,
  }));
}

/**
 * Solves every target's plan by `deadline`. With a fallback listener the plans are solved in two
 * passes: first each with a short share of the time (most plans are proven optimal well within
 * it; a single target's by the set-cover search alone), then — only if some are not, after
 * reporting the first pass as the fallback answer — those again with all the time left, each
 * keeping the better of its two plans.
 */
async function solveAll(
  prepared: readonly PreparedTarget[],
  gathered: GatheredPlanning,
  deadline: number,
  now: EpochClock,
  costs: PreparationCosts,
  report: ((plans: readonly LearningPlanValue[]) => void) | undefined,
  quick: readonly LearningPlanValue[] = [],
): Promise<LearningPlanValue[]> {
  const fraction = report ? FIRST_PASS_SHARE : 1;
  // Over many targets the first pass solves relaxations only: most come out integral (proven
  // optimal in a millisecond or two), the others get greedy plans with LP bounds, and only those
  // reach a branch-and-bound, once, in the second pass, instead of a cut-short one in each pass.
  const branchAndBound = !(report && prepared.length > 1);
  // One target's first pass is the set-cover search alone: a plan it does not prove is solved
  // again with every phase in the second pass (see PlanCoursesOptions.solverPhases).
  const solverPhases = !(report && prepared.length === 1);
  const plans: LearningPlanValue[] = [];
  for (let i = 0; i < prepared.length; i += 1) {
    // A target with neither a quick plan nor the time to prepare its problem is left out: the
    // answer lists the targets planned so far.
    if (
      report &&
      i > 0 &&
      quick[i] === undefined &&
      preparationWouldEndAfter(prepared[i]!, deadline - PLAN_REPLY_MARGIN_MS, now, costs)
    )
      return plans;
    const plan = await solve(
      prepared[i]!,
      gathered,
      budgetOf(deadline, prepared.length - i, now, fraction),
      now,
      costs,
      branchAndBound,
      quick[i],
      solverPhases,
    );
    plans.push(quick[i] ? betterPlan(plan, quick[i]) : plan);
    // Out of time with targets still unplanned (hundreds of reskilling candidates): answer with
    // the targets planned so far (and the quick plans of the others, when there are more of
    // them). Ending here, just before the deadline, spares the caller stopping the worker at it,
    // and the machine starting a fresh one.
    if (report && i < prepared.length - 1 && now() > deadline - PLAN_REPLY_MARGIN_MS)
      return quick.length > plans.length ? [...plans, ...quick.slice(plans.length)] : plans;
  }
  if (!report) return plans;
  const pending = plans.flatMap((plan, i) => (plan.optimal ? [] : [i]));
  if (pending.length === 0) return plans;
  report(plans);
  for (let k = 0; k < pending.length; k += 1) {
    // Out of time: the second pass would only repeat the first pass's greedy plans (over
    // thousands of candidates, hundreds of milliseconds past the deadline on a busy worker).
    if (now() > deadline - PLAN_REPLY_MARGIN_MS) break;
    const i = pending[k]!;
    const budget = budgetOf(deadline, pending.length - k, now);
    const again = await solve(prepared[i]!, gathered, budget, now, costs, true, plans[i]);
    plans[i] = betterPlan(again, plans[i]!);
    if (k < pending.length - 1) report(plans);
  }
  return plans;
}

/**
 * Quick first plans ({@link quickPlan}) of the targets of a large problem, in order, for as many
 * targets as the first-pass share of the time allows; none for a problem the exact first pass
 * answers in time. A problem is large by its catalogue ({@link needsQuickPlans}), or because
 * preparing it would take longer than the first pass's share of the time left (a job that started
 * late, or a busy thread): the caller then has an answer to give at the deadline.
 */
function quickPlans(
  prepared: readonly PreparedTarget[],
  gathered: GatheredPlanning,
  deadline: number,
  now: EpochClock,
  costs: PreparationCosts,
): LearningPlanValue[] {
  const stopAt = now() + Math.max(0, deadline - PLAN_REPLY_MARGIN_MS - now()) * FIRST_PASS_SHARE;
  const first = prepared[0];
  if (first === undefined) return [];
  if (!catalogueNeedsQuickPlans(prepared) && !preparationWouldEndAfter(first, stopAt, now, costs)) return [];
  return planTargetsUntil(prepared, gathered, stopAt, now, (target) =>
    quickPlan(coveringPlanInput(target, gathered.request), now),
  );
}

/** The better of two plans for one target: proven optimal, then more covered, then cheaper; ties keep `a`. */
function betterPlan(a: LearningPlanValue, b: LearningPlanValue): LearningPlanValue {
  if (a.optimal !== b.optimal) return a.optimal ? a : b;
  const uncovered = (p: LearningPlanValue) => p.uncoveredWithinBudget.length;
  if (uncovered(a) !== uncovered(b)) return uncovered(a) < uncovered(b) ? a : b;
  return b.objectiveValue < a.objectiveValue ? b : a;
}

/**
 * A reskilling job's answer when none of its candidates could be planned in time: no options,
 * `planned` 0 of `considered` (the API then warns that the answer is partial).
 */
export function unplannedReskillingResult(job: Extract<PlanningJob, { kind: 'reskilling' }>): PlanningJobResult {
  return { kind: 'reskilling', options: [], planned: 0, considered: job.ranked.length };
}

/** A reskilling job's answer from the plans of its first `plans.length` ranked candidates. */
function reskillingResult(
  job: Extract<PlanningJob, { kind: 'reskilling' }>,
  plans: readonly LearningPlanValue[],
): PlanningJobResult {
  const sorted = orderReskillingOptions(reskillingOptions(job.ranked, plans), job.order, (o) => ({
    occupationUri: o.occupationUri,
    reachesFull: o.reachesFull,
    scoreBefore: o.current.score,
    scoreAfter: o.plan.coverageAfter.score,
    planCost: o.plan.objectiveValue,
    totalHours: o.plan.totalHours,
  }));
  return {
    kind: 'reskilling',
    options: sorted.slice(0, job.first),
    planned: plans.length,
    considered: job.ranked.length,
  };
}

/** One plan's share of the time left: its time limit and the moment it must be done by. */
interface PlanBudget {
  readonly timeLimitMs: number;
  readonly hardDeadline: number;
  /** When the whole job's plans must be done (its deadline less the reply's margin). */
  readonly jobDeadline: number;
}

/** Share of a plan's time its first attempt gets when the caller wants a fallback answer early. */
const FIRST_PASS_SHARE = 0.2;

function budgetOf(deadline: number, plansLeft: number, now: EpochClock, fraction = 1): PlanBudget {
  const share = Math.max(0, (deadline - PLAN_REPLY_MARGIN_MS - now()) / plansLeft) * fraction;
  return {
    timeLimitMs: Math.max(1, share * SEARCH_SHARE),
    hardDeadline: now() + share,
    jobDeadline: deadline - PLAN_REPLY_MARGIN_MS,
  };
}

/**
 * Builds each target's courses once for all targets: which gap skills each course covers and its
 * unmet prerequisites are worked out once (reskillingPaths prepares dozens of targets over
 * thousands of shared courses); each target then keeps only its own gap skills, in its gap order.
 *
 * Written with loops and module-level helpers rather than per-call callbacks: a compute worker
 * runs this for every job, and V8 drops a closure's optimised code once the closure is collected,
 * so each job's callbacks were compiled again (about half of one worker's optimised compilations).
 */
function prepareTargets(gathered: GatheredPlanning): PreparedTarget[] {
  const unmet = new Set(gathered.unmet);
  const rows: CandidateRow[] = [];
  // Covering skill → the gap skills it covers, of every target.
  const inverse = targetsCoveredBy(gathered.targets, gathered.policy);
  for (const course of gathered.candidates) rows.push(candidateRow(course, gathered, unmet, inverse));
  // Prices in the plan's currency; a price without a rate leaves its course unpriced.
  const noRate = new Set<string>();
  const coveringIds = new Map<string, string[]>();
  const courses: PlanCourse[] = [];
  const byId = new Map<string, PlanCourse>();
  for (const row of rows) {
    if (row.exclusion !== null) continue;
    const course = sharedCourse(row, gathered, noRate);
    for (const uri of row.coversConfident) pushToList(coveringIds, uri, course.id);
    courses.push(course);
    byId.set(course.id, course);
  }
  const shared: SharedCourses = { courses, byId, unfollowed: gathered.unfollowed };
  // Which rows (filtered out or not) some link of would cover each skill: a target's exclusion
  // counts only read the rows touching its gap.
  const rowsCovering = new Map<string, number[]>();
  for (let index = 0; index < rows.length; index += 1) {
    for (const uri of rows[index]!.coversAny) pushToList(rowsCovering, uri, index);
  }
  const catalogue: CandidateCatalogue = { shared, noRate, rows, coveringIds, rowsCovering };
  const prepared: PreparedTarget[] = [];
  for (const target of gathered.targets) prepared.push(new LazyPreparedTarget(target, catalogue));
  return prepared;
}

/** What preparing reads of one candidate course, worked out once for all targets. */
interface CandidateRow extends CandidateCoverage {
  readonly course: CandidateCourse;
  /** Skills it teaches with enough confidence for the plan's filter. */
  readonly teaches: string[];
  /** Its prerequisites the subject does not meet. */
  readonly prerequisites: readonly string[];
}

function candidateRow(
  course: CandidateCourse,
  gathered: GatheredPlanning,
  unmet: ReadonlySet<string>,
  inverse: ReadonlyMap<string, readonly string[]>,
): CandidateRow {
  const { filter } = gathered.request;
  const teaches = confidentTeaches(course, filter.minConfidence);
  const coversConfident = coveredBy(teaches, inverse);
  // Every link counts (the usual case): what any link covers is what the confident ones cover.
  let coversAny = coversConfident;
  if (teaches.length < course.teaches.length) {
    const linked: string[] = [];
    for (const link of course.teaches) linked.push(link.uri);
    coversAny = coveredBy(linked, inverse);
  }
  return {
    course,
    teaches,
    exclusion: catalogueExclusion(course, filter),
    coversAny,
    coversConfident,
    prerequisites: unmetOf(course.prerequisites, unmet),
  };
}

/** The prerequisites in `unmet`: `prerequisites` itself (most often empty) when all are. */
function unmetOf(prerequisites: readonly string[], unmet: ReadonlySet<string>): readonly string[] {
  let all = true;
  for (const uri of prerequisites) all &&= unmet.has(uri);
  if (all) return prerequisites;
  const kept: string[] = [];
  for (const uri of prerequisites) if (unmet.has(uri)) kept.push(uri);
  return kept;
}

/** A usable row as a course every target shares (`covers` is filled per target); notes a missing rate. */
function sharedCourse(row: CandidateRow, gathered: GatheredPlanning, noRate: Set<string>): PlanCourse {
  const { course } = row;
  const price = priceInCurrency(course, gathered.request.currency, gathered.rates);
  if (course.price !== null && price === null) noRate.add(course.id);
  return {
    id: course.id,
    hours: course.hours,
    price,
    ects: course.ects,
    covers: [],
    teaches: row.teaches,
    prerequisites: row.prerequisites,
  };
}

/** The parts of a job's candidate courses every target reads. */
interface CandidateCatalogue {
  readonly shared: SharedCourses;
  readonly noRate: ReadonlySet<string>;
  readonly rows: readonly CandidateRow[];
  /** Gap skill → ids of the usable courses confidently covering it. */
  readonly coveringIds: ReadonlyMap<string, readonly string[]>;
  /** Gap skill → indexes of the rows some link of would cover it. */
  readonly rowsCovering: ReadonlyMap<string, readonly number[]>;
}

/**
 * A target's share of the catalogue, made when first read: a job out of time plans few of its
 * targets (one of 200 in a late reskilling job), and making them all took 150-250 ms of its worker.
 * A class, so its getters are compiled once per worker rather than once per target.
 */
class LazyPreparedTarget implements PreparedTarget {
  readonly requirements: Requirement[];
  readonly links: HierarchyLink[];
  readonly before: CoverageSnapshot;
  readonly gap: GapSkill[];
  readonly shared: SharedCourses;
  readonly noRate: ReadonlySet<string>;
  private readonly catalogue: CandidateCatalogue;
  private coversByIdMade: Map<string, string[]> | undefined;
  private catalogueExclusionsMade: ReadonlyMap<CatalogueExclusion, number> | undefined;

  constructor(target: GatheredTarget, catalogue: CandidateCatalogue) {
    this.requirements = target.requirements;
    this.links = target.links;
    this.before = target.before;
    this.gap = target.gap;
    this.shared = catalogue.shared;
    this.noRate = catalogue.noRate;
    this.catalogue = catalogue;
  }

  get coversById(): ReadonlyMap<string, readonly string[]> {
    if (this.coversByIdMade === undefined) {
      const coversById = new Map<string, string[]>();
      for (const { skillUri } of this.gap) {
        for (const id of this.catalogue.coveringIds.get(skillUri) ?? []) pushToList(coversById, id, skillUri);
      }
      this.coversByIdMade = coversById;
    }
    return this.coversByIdMade;
  }

  get catalogueExclusions(): ReadonlyMap<CatalogueExclusion, number> {
    if (this.catalogueExclusionsMade === undefined) {
      const gapUris: string[] = [];
      const touching = new Set<number>();
      for (const { skillUri } of this.gap) {
        gapUris.push(skillUri);
        for (const index of this.catalogue.rowsCovering.get(skillUri) ?? []) touching.add(index);
      }
      const touched: CandidateRow[] = [];
      for (const index of touching) touched.push(this.catalogue.rows[index]!);
      this.catalogueExclusionsMade = countCatalogueExclusions(gapUris, touched);
    }
    return this.catalogueExclusionsMade;
  }
}

// One instance for the life of the thread: see keepInstanceShape (each job recompiled its getters).
keepInstanceShape(
  new LazyPreparedTarget(
    { requirements: [], links: [], before: { score: 0, essentialCoverage: 0 }, gap: [] },
    {
      shared: { courses: [], byId: new Map(), unfollowed: [] },
      noRate: new Set(),
      rows: [],
      coveringIds: new Map(),
      rowsCovering: new Map(),
    },
  ),
);

/** A target's courses with what each covers of its gap (built on demand, once). */
function targetCourses(prepared: PreparedTarget): PlanCourse[] {
  let courses = coursesOfTarget.get(prepared);
  if (courses === undefined) {
    courses = [];
    for (const course of prepared.shared.courses) courses.push(withCovers(course, prepared.coversById.get(course.id)));
    coursesOfTarget.set(prepared, courses);
  }
  return courses;
}

const coursesOfTarget = new WeakMap<PreparedTarget, PlanCourse[]>();

/** A shared course with what it covers of one target's gap. */
function withCovers(course: PlanCourse, covers: readonly string[] | undefined): PlanCourse {
  return { ...course, covers: covers === undefined ? [] : [...covers] };
}

/** Coverage after adding courses (as held credentials) to the subject's evidence. */
function snapshotWith(
  prepared: PreparedTarget,
  evidence: PlanningEvidence,
  courseIds: readonly string[],
  policy: MatchPolicy,
): CoverageSnapshot {
  const added: Evidence[] = courseIds.flatMap((id) =>
    (prepared.shared.byId.get(id)?.teaches ?? []).map((skillUri) => ({
      skillUri,
      source: { kind: 'CREDENTIAL' as const, credentialId: id },
    })),
  );
  const all = [...evidence.evidence, ...added];
  const skills = new Set(all.map((e) => e.skillUri));
  const credits = computeSkillCredits(
    prepared.requirements.map((r) => r.skillUri),
    all,
    prepared.links.filter((l) => skills.has(l.evidenceUri)),
    policy,
  );
  const scores = scoreFromCredits(prepared.requirements, credits, policy);
  return { score: scores.score, essentialCoverage: scores.essentialCoverage };
}

/** The planner's input for one prepared target. */
function toPlanInput(prepared: PreparedTarget, request: PlanRequest, timeLimitMs: number): PlanInput {
  return {
    gap: prepared.gap,
    courses: targetCourses(prepared),
    objective: request.objective,
    budgets: request.budgets,
    timeLimitMs,
    unfollowedPrerequisites: prepared.shared.unfollowed,
  };
}

/**
 * The planner's input for one prepared target restricted to the courses covering some of its gap:
 * all {@link quickPlan} reads (its greedy plan is over courses without prerequisites, where a course
 * covering nothing is never picked), without copying every course of a many-target job.
 */
function coveringPlanInput(prepared: PreparedTarget, request: PlanRequest): PlanInput {
  const courses: PlanCourse[] = [];
  for (const [id, covers] of prepared.coversById) {
    const course = prepared.shared.byId.get(id);
    if (course) courses.push(withCovers(course, covers));
  }
  return {
    gap: prepared.gap,
    courses,
    objective: request.objective,
    budgets: request.budgets,
    timeLimitMs: request.timeLimitMs,
    unfollowedPrerequisites: prepared.shared.unfollowed,
  };
}

/** Each target's solver-ready problem, once prepared (keyed by the job's own target objects). */
const preparedProblems = new WeakMap<PreparedTarget, PlanningProblem>();

/** Each job's catalogue, prepared once for all its targets. */
const preparedCatalogues = new WeakMap<SharedCourses, PreparedCatalogue>();

/** What preparing problems costs on this thread (each worker has its own). */
const threadPreparationCosts = new PreparationCosts();

/**
 * How far past its time a preparation may end: a small problem is prepared even late, its plan
 * then has the prepared problem's bounds for a few milliseconds more.
 */
const PREPARATION_OVERRUN_MS = 10;

/**
 * Whether preparing `prepared`'s problem (and its catalogue, if not prepared yet) would likely end
 * more than {@link PREPARATION_OVERRUN_MS} after `until` (epoch ms): then a target that already
 * has a quick plan keeps it.
 */
function preparationWouldEndAfter(
  prepared: PreparedTarget,
  until: number,
  now: EpochClock,
  costs: PreparationCosts,
): boolean {
  if (preparedProblems.has(prepared)) return false;
  const cost = costs.estimate(prepared.shared.courses.length, !preparedCatalogues.has(prepared.shared));
  return now() + cost > until + PREPARATION_OVERRUN_MS;
}

/**
 * A target's solver-ready problem, prepared once: the second pass solves the same problem, so
 * eligibility and dominance pruning are paid once (over 18,000 candidates they take most of a
 * second).
 */
function preparedProblemOf(
  prepared: PreparedTarget,
  request: PlanRequest,
  timeLimitMs: number,
  now: EpochClock,
  costs: PreparationCosts,
): PlanningProblem {
  let problem = preparedProblems.get(prepared);
  if (problem === undefined) {
    const courses = prepared.shared.courses.length;
    // Eligibility and attainability do not depend on the target: one catalogue serves them all.
    const base = {
      objective: request.objective,
      budgets: request.budgets,
      timeLimitMs,
      unfollowedPrerequisites: prepared.shared.unfollowed,
    };
    let catalogue = preparedCatalogues.get(prepared.shared);
    if (catalogue === undefined) {
      const started = now();
      catalogue = prepareCatalogue(validatePlanInput({ ...base, gap: [], courses: prepared.shared.courses }));
      costs.observe('catalogue', courses, now() - started);
      preparedCatalogues.set(prepared.shared, catalogue);
    }
    const started = now();
    const target = validatePlanInput({ ...base, gap: prepared.gap, courses: [] });
    problem = prepareTarget(catalogue, target.gap, target.timeLimitMs, prepared.coversById);
    costs.observe('target', courses, now() - started);
    preparedProblems.set(prepared, problem);
  }
  return problem;
}

/**
 * One target's plan within `budget`. `quick`: a plan already found for it; when preparing the
 * problem is expected to end past the job's deadline (`costs`), or used up the budget (a large
 * catalogue on a busy worker), that plan is the answer rather than a greedy plan over the prepared
 * problem, which would end past the deadline.
 */
async function solve(
  prepared: PreparedTarget,
  gathered: GatheredPlanning,
  budget: PlanBudget,
  now: EpochClock,
  costs: PreparationCosts,
  branchAndBound = true,
  quick?: LearningPlanValue,
  solverPhases = true,
): Promise<LearningPlanValue> {
  const { request } = gathered;
  const timeLimitMs = Math.min(request.timeLimitMs, budget.timeLimitMs);
  const started = now();
  // Preparing cannot be stopped half-way: with a quick plan in hand, a preparation that would end
  // past the job's deadline is not started.
  if (quick !== undefined && preparationWouldEndAfter(prepared, budget.jobDeadline, now, costs)) return quick;
  const problem = preparedProblemOf(prepared, request, timeLimitMs, now, costs);
  if (quick !== undefined && now() >= budget.hardDeadline) return quick;
  const plan = await planPreparedProblem(
    { ...problem, timeLimitMs },
    { now, hardDeadline: budget.hardDeadline, branchAndBound, solverPhases },
    started,
  );
  return toPlanValue(plan, prepared, gathered);
}

/** A planner's result as the API returns it: coverage along the steps, status and explanation. */
function toPlanValue(plan: PlanResult, prepared: PreparedTarget, gathered: GatheredPlanning): LearningPlanValue {
  const { evidence, request, policy, rates } = gathered;
  const steps = plan.steps.map((step, i) => {
    const after = snapshotWith(
      prepared,
      evidence,
      plan.steps.slice(0, i + 1).map((s) => s.courseId),
      policy,
    );
    return {
      order: step.order,
      credentialId: step.courseId,
      newlyCovered: step.newlyCovered,
      essentialCoverageAfter: after.essentialCoverage,
      scoreAfter: after.score,
    };
  });
  const last = steps[steps.length - 1];
  const after = last ? { score: last.scoreAfter, essentialCoverage: last.essentialCoverageAfter } : prepared.before;
  const verdict = describePlan(plan, {
    gapSize: prepared.gap.length,
    noRate: prepared.noRate,
    relevant: prepared.coversById,
    catalogueExclusions: prepared.catalogueExclusions,
    priced: request.objective === 'PRICE' || request.budgets.maxTotalPrice !== null,
    currency: request.currency,
    rates,
  });
  return {
    ...plan,
    excluded: verdict.excluded,
    steps,
    coverageBefore: prepared.before,
    coverageAfter: after,
    gapSkills: prepared.gap.map((g) => g.skillUri),
    status: verdict.status,
    explanation: verdict.explanation,
    currency: request.currency,
    ratesDate: rates.date,
  };
}

function nextCourses(prepared: PreparedTarget, gathered: GatheredPlanning, first: number): CourseSuggestionValue[] {
  const { request, evidence, policy } = gathered;
  const ranking = rankNextCourses({
    gap: prepared.gap,
    courses: targetCourses(prepared),
    objective: request.objective,
    budgets: request.budgets,
    limit: first,
  });
  return ranking.courses.map((course) => ({
    ...course,
    currency: request.currency,
    scoreGain: snapshotWith(prepared, evidence, [course.courseId], policy).score - prepared.before.score,
  }));
}

/**
 * Epoch milliseconds with sub-millisecond resolution: the clock of plan deadlines, comparable
 * across threads (each thread's `performance.now()` has its own origin).
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
