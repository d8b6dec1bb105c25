/**
 * The verdict on a solved plan: its status, the exclusions it reports and the English sentences
 * of its `explanation`. Exclusions are named when they matter, i.e. when the plan leaves some gap
 * skill uncovered: then the reader learns which constraint kept which number of courses out.
 */
import type { CatalogueExclusion } from './course-eligibility';
import type { ExcludedCourse, ExclusionReason, PlanResult } from './plan-types';

/** Why a plan is what it is. */
export type PlanStatus = 'PLANNED' | 'NO_GAP' | 'NOTHING_COVERABLE' | 'PARTIAL_WITHIN_BUDGET';

/** Every reason a candidate course can be kept out of a plan. */
export type AnyExclusion = CatalogueExclusion | ExclusionReason;

/** How each reason reads in an explanation ("134 courses excluded: duration unknown"). */
export const EXCLUSION_LABELS: Readonly<Record<AnyExclusion, string>> = {
  'duration-unknown': 'duration unknown',
  'price-unknown': 'price unknown',
  'no-exchange-rate': 'no exchange rate for their currency',
  'prerequisites-unattainable': 'prerequisites unattainable',
  'prerequisites-not-followed': 'prerequisites not followed in time',
  language: 'not taught in a requested language',
  'participation-form': 'not in a requested form of participation',
  'eqf-level': 'above maxEqfLevel',
  'excluded-provider': 'provider excluded',
  'other-provider': 'provider not among providerIds',
  'low-confidence': 'skills mapped below minConfidence',
};

/** What {@link describePlan} needs besides the plan. */
export interface PlanContext {
  readonly gapSize: number;
  /** Courses whose price has no exchange rate into the plan currency (unpriced to the planner). */
  readonly noRate: ReadonlySet<string>;
  /**
   * Courses that would cover some gap skill of this target, by id (planner exclusions of others
   * are noise); a set of ids, or a map keyed by them.
   */
  readonly relevant: { has(courseId: string): boolean };
  readonly catalogueExclusions: ReadonlyMap<CatalogueExclusion, number>;
  /** True under a PRICE objective or a price budget: the explanation then names the rates. */
  readonly priced: boolean;
  readonly currency: string;
  readonly rates: { readonly source: string; readonly date: string };
}

/** The verdict on a plan. */
export interface PlanVerdict {
  readonly status: PlanStatus;
  readonly explanation: string;
  /** The planner's exclusions, with price-unknown turned into no-exchange-rate where that is why. */
  readonly excluded: ExcludedCourse[];
  /** Courses kept out, by reason, among those relevant to the gap (catalogue filters and planner). */
  readonly exclusionCounts: ReadonlyMap<AnyExclusion, number>;
}

/** The status of a plan (see the PlanStatus enum of the API for the meanings). */
export function planStatus(
  gapSize: number,
  plan: Pick<PlanResult, 'coveredSkills' | 'uncoveredWithinBudget'>,
): PlanStatus {
  if (gapSize === 0) return 'NO_GAP';
  if (plan.coveredSkills.length === 0 && plan.uncoveredWithinBudget.length === 0) return 'NOTHING_COVERABLE';
  if (plan.uncoveredWithinBudget.length > 0) return 'PARTIAL_WITHIN_BUDGET';
  return 'PLANNED';
}

/**
 * "12 courses excluded: duration unknown; 3 courses excluded: price unknown." for the non-zero
 * counts, largest first; '' when there are none.
 */
export function describeExclusions(counts: ReadonlyMap<AnyExclusion, number>): string {
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${n} course${n === 1 ? '' : 's'} excluded: ${EXCLUSION_LABELS[reason]}`)
    .join('; ');
}

/**
 * Status, explanation and exclusions of a solved plan.
 *
 * @example
 * describePlan(plan, { gapSize: 5, catalogueExclusions: new Map([['language', 2]]), ... }).explanation
 * // 'No eligible course covers any of the gap skills. 5 gap skill(s) are taught by no eligible course. 2 courses excluded: not taught in a requested language.'
 */
export function describePlan(plan: PlanResult, ctx: PlanContext): PlanVerdict {
  const status = planStatus(ctx.gapSize, plan);
  const notFollowed = plan.excluded.filter((e) => e.reason === 'prerequisites-not-followed').length;
  let explanation = `Covers ${plan.coveredSkills.length} of ${ctx.gapSize} gap skills with ${plan.steps.length} course(s).`;
  if (status === 'NO_GAP') explanation = 'The subject already covers every required skill in scope: nothing to plan.';
  else if (status === 'NOTHING_COVERABLE') explanation = 'No eligible course covers any of the gap skills.';
  else if (status === 'PARTIAL_WITHIN_BUDGET') {
    explanation =
      notFollowed > 0
        ? `Covers ${plan.coveredSkills.length} of ${plan.coveredSkills.length + plan.uncoveredWithinBudget.length} gap skills some course may cover.`
        : `The budgets allow covering ${plan.coveredSkills.length} of ${plan.coveredSkills.length + plan.uncoveredWithinBudget.length} coverable gap skills; this plan covers the most within them.`;
  }
  if (notFollowed > 0 && status !== 'NO_GAP')
    explanation += ` The plan's time ran out while prerequisites were followed: ${notFollowed} course(s) needing a prerequisite whose teachers were not looked for are left out, so this plan is not proven optimal.`;
  if (plan.uncoverable.length > 0 && status !== 'NO_GAP')
    explanation += ` ${plan.uncoverable.length} gap skill(s) are taught by no eligible course.`;

  const excluded = plan.excluded.map((e) =>
    e.reason === 'price-unknown' && ctx.noRate.has(e.courseId) ? { ...e, reason: 'no-exchange-rate' as const } : e,
  );
  const counts = new Map<AnyExclusion, number>(ctx.catalogueExclusions);
  for (const e of excluded) if (ctx.relevant.has(e.courseId)) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  const leavesGap = status !== 'NO_GAP' && (plan.uncoverable.length > 0 || plan.uncoveredWithinBudget.length > 0);
  const named = describeExclusions(counts);
  if (leavesGap && named !== '') explanation += ` ${named}.`;

  if (ctx.priced) {
    const withoutRate = excluded.filter((e) => e.reason === 'no-exchange-rate').map((e) => e.courseId);
    explanation += ` Prices in ${ctx.currency}, converted at the ${ctx.rates.source} rates of ${ctx.rates.date}.`;
    if (withoutRate.length > 0)
      explanation += ` ${withoutRate.length} course(s) priced in a currency without an exchange rate were left out: ${withoutRate.slice(0, 10).join(', ')}${withoutRate.length > 10 ? ', …' : ''}.`;
  }
  return { status, explanation, excluded, exclusionCounts: counts };
}
