/**
 * Optimal course planning: which eligible courses close a skill gap at least cost, in an
 * order that respects prerequisites. Pure domain code; the only engine is HiGHS compiled to
 * WebAssembly, loaded once on first use.
 */
export { HOURS_PER_ECTS, courseCost, effectiveEcts, effectiveHours } from './course-cost';
export { greedyPlan } from './greedy-plan';
export { createHighsPlanSolver, defaultPlanSolver } from './highs-plan-solver';
export type { ColumnKind, LinearColumn, LinearModel, LinearRow } from './linear-model';
export { discardHighs, loadedHighs, loadHighs } from './load-highs';
export { renderLpText, type LpText } from './lp-format';
export { planCourses, type PlanCoursesOptions } from './plan-courses';
export { CoursePacker, packCourses, packedCourseBuffers, unpackCourses, type PackedCourses } from './packed-courses';
export {
  DEFAULT_PLAN_CURRENCY,
  checkPlanCurrency,
  convertPrice,
  parsePriceRates,
  type PriceRates,
} from './price-rates';
export type { PlanSolver, SolveOptions, SolveOutcome } from './plan-solver';
export {
  PLAN_OBJECTIVES,
  type ExcludedCourse,
  type ExclusionReason,
  type GapSkill,
  type PlanBudgets,
  type PlanCourse,
  type PlanInput,
  type PlanObjective,
  type PlanResult,
  type PlanSolverLabel,
  type PlanStep,
} from './plan-types';
export {
  rankNextCourses,
  type NextCourseRanking,
  type RankNextCoursesInput,
  type RankedCourse,
} from './rank-next-courses';
export { buildGap, dedupeRequirements, type CreditedRequirement } from './build-gap';
export {
  catalogueExclusion,
  confidentTeaches,
  countCatalogueExclusions,
  linkCounts,
  type CandidateCourse,
  type CandidateCoverage,
  type CatalogueExclusion,
  type TaughtLink,
} from './course-eligibility';
export {
  PrerequisiteTeacherJudge,
  type PrerequisiteTeacherContext,
  redundantPrerequisiteTeachers,
} from './redundant-prerequisite-teachers';
export {
  coveredBy,
  coveringKinds,
  coveringSkills,
  requiredCoveredBy,
  targetsCoveredBy,
  type CoveredTarget,
} from './covering-skills';
export { coursesNamedBy } from './answer-courses';
export { coursesNotAmong } from './courses-not-among';
export {
  allTargetsFit,
  firstTargetServed,
  firstTargetServedInSteps,
  targetsThatFit,
  type TargetGap,
} from './targets-in-time';
export {
  EXCLUSION_LABELS,
  describeExclusions,
  describePlan,
  planStatus,
  type AnyExclusion,
  type PlanContext,
  type PlanStatus,
  type PlanVerdict,
} from './describe-plan';
export {
  RESKILLING_ORDERS,
  gainPerHour,
  orderReskillingOptions,
  type ReskillingFacts,
  type ReskillingOrder,
} from './order-reskilling';
export {
  DEFAULT_MIN_CONFIDENCE,
  DEFAULT_PLAN_TIME_LIMIT_MS,
  MAX_PLAN_TIME_LIMIT_MS,
  buildPlanRequest,
  type CourseFilterSpec,
  type PlanConstraints,
  type PlanRequest,
  type PlanRequestInput,
  type PlanScope,
} from './plan-request';
export {
  PLAN_REPLY_MARGIN_MS,
  PLAN_CUTOFF_GRACE_MS,
  PLAN_CUT_OFF_REASON,
  epochNow,
  runLatePlanningJob,
  runPlanningJob,
  unplannedReskillingResult,
  type CoverageSnapshot,
  type CourseSuggestionValue,
  type EpochClock,
  type GatheredPlanning,
  type GatheredTarget,
  type LearningPlanValue,
  type PlanStepValue,
  type PlanningEvidence,
  type PlanningJob,
  type PlanningJobOptions,
  type PlanningJobResult,
  type RankedOccupation,
  type ReskillingAnswer,
  type ReskillingOptionValue,
} from './planning-job';
