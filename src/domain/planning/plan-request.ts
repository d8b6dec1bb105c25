/**
 * The one shape a plan request takes inside credgraph: built once from the API's arguments by
 * {@link buildPlanRequest}, which is the only place plan constraints are validated and defaulted.
 * Every planning operation (recommendCourses, nextCourses, reskillingPaths) reads this object.
 */
import { BadInputError } from '../errors';
import { PLAN_OBJECTIVES, type PlanBudgets, type PlanObjective } from './plan-types';
import { checkPlanCurrency, type PriceRates } from './price-rates';

/**
 * Default wall-clock budget of the exact solver per plan, in milliseconds: the default of the
 * `PLAN_TIME_LIMIT_MS` setting, which is what every request uses.
 */
export const DEFAULT_PLAN_TIME_LIMIT_MS = 1000;

/** Largest time limit a plan may get, in milliseconds (also the ceiling of `PLAN_TIME_LIMIT_MS`). */
export const MAX_PLAN_TIME_LIMIT_MS = 600_000;

/** Which requirements of the target a plan must cover. */
export type PlanScope = 'ESSENTIAL' | 'ESSENTIAL_AND_OPTIONAL';

/** Filters and budgets of a plan request, as the API states them (every field optional). */
export interface PlanConstraints {
  readonly maxTotalHours?: number | null;
  readonly maxTotalPrice?: number | null;
  readonly maxCourses?: number | null;
  readonly languages?: readonly string[] | null;
  readonly participationForms?: readonly string[] | null;
  readonly maxEqfLevel?: number | null;
  readonly excludeProviderIds?: readonly string[] | null;
  readonly providerIds?: readonly string[] | null;
  /**
   * Smallest confidence a MAPPED taught-skill link needs to count (DECLARED links always count);
   * in [0, 1], default {@link DEFAULT_MIN_CONFIDENCE}.
   */
  readonly minConfidence?: number | null;
}

/** Default `minConfidence`: every mapped link counts, as before the constraint existed. */
export const DEFAULT_MIN_CONFIDENCE = 0;

/** The catalogue filters of a request, normalised (absent lists are null, codes lower case). */
export interface CourseFilterSpec {
  readonly languages: readonly string[] | null;
  readonly participationForms: readonly string[] | null;
  readonly maxEqfLevel: number | null;
  readonly excludeProviderIds: readonly string[];
  readonly onlyProviderIds: readonly string[] | null;
  readonly minConfidence: number;
}

/** A validated plan request with every default filled in. */
export interface PlanRequest {
  readonly objective: PlanObjective;
  readonly scope: PlanScope;
  /** ISO 4217 currency of budgets and answers; every course price is converted into it. */
  readonly currency: string;
  readonly budgets: Required<{ [K in keyof PlanBudgets]: number | null }>;
  readonly filter: CourseFilterSpec;
  /** Wall-clock budget of the exact solver per plan. */
  readonly timeLimitMs: number;
}

/** What the API hands in. */
export interface PlanRequestInput {
  readonly objective?: PlanObjective | null;
  readonly scope?: PlanScope | null;
  readonly constraints?: PlanConstraints | null;
  readonly currency?: string | null;
}

/**
 * Validates a request and fills its defaults: objective HOURS, scope ESSENTIAL, currency EUR,
 * minConfidence 0 and the configured time limit. Throws {@link BadInputError} naming the field
 * on a negative or non-finite budget, a fractional `maxCourses`, an EQF level outside 1-8, a
 * `minConfidence` outside [0, 1] or a currency the rate table lacks.
 *
 * @example
 * buildPlanRequest({ constraints: { maxCourses: 3, minConfidence: 0.7 } }, rates, 1000)
 * // { objective: 'HOURS', scope: 'ESSENTIAL', currency: 'EUR', budgets: { maxCourses: 3, ... }, filter: { minConfidence: 0.7, ... }, timeLimitMs: 1000 }
 */
export function buildPlanRequest(input: PlanRequestInput, rates: PriceRates, timeLimitMs: number): PlanRequest {
  const c = input.constraints ?? {};
  const objective = input.objective ?? 'HOURS';
  if (!(PLAN_OBJECTIVES as readonly string[]).includes(objective))
    throw new BadInputError(`objective must be one of ${PLAN_OBJECTIVES.join(', ')}`, { field: 'objective' });
  for (const [field, value] of [
    ['maxTotalHours', c.maxTotalHours],
    ['maxTotalPrice', c.maxTotalPrice],
    ['maxCourses', c.maxCourses],
  ] as const) {
    if (value != null && !(Number.isFinite(value) && value >= 0))
      throw new BadInputError(`constraints.${field} must be a non-negative number, got ${value}`, {
        field: `constraints.${field}`,
      });
  }
  if (c.maxCourses != null && !Number.isInteger(c.maxCourses))
    throw new BadInputError(`constraints.maxCourses must be a whole number, got ${c.maxCourses}`, {
      field: 'constraints.maxCourses',
    });
  if (c.maxEqfLevel != null && !(Number.isInteger(c.maxEqfLevel) && c.maxEqfLevel >= 1 && c.maxEqfLevel <= 8)) {
    throw new BadInputError(`constraints.maxEqfLevel must be 1-8, got ${c.maxEqfLevel}`, {
      field: 'constraints.maxEqfLevel',
    });
  }
  if (c.minConfidence != null && !(Number.isFinite(c.minConfidence) && c.minConfidence >= 0 && c.minConfidence <= 1)) {
    throw new BadInputError(`constraints.minConfidence must lie in [0, 1], got ${c.minConfidence}`, {
      field: 'constraints.minConfidence',
    });
  }
  const currency = checkPlanCurrency(input.currency, rates);
  return {
    objective,
    scope: input.scope ?? 'ESSENTIAL',
    currency,
    budgets: {
      maxTotalHours: c.maxTotalHours ?? null,
      maxTotalPrice: c.maxTotalPrice ?? null,
      maxCourses: c.maxCourses ?? null,
    },
    filter: {
      languages: c.languages?.length ? c.languages.map((l) => l.toLowerCase()) : null,
      participationForms: c.participationForms?.length ? [...c.participationForms] : null,
      maxEqfLevel: c.maxEqfLevel ?? null,
      excludeProviderIds: [...(c.excludeProviderIds ?? [])],
      onlyProviderIds: c.providerIds?.length ? [...c.providerIds] : null,
      minConfidence: c.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    },
    timeLimitMs: Math.min(timeLimitMs, MAX_PLAN_TIME_LIMIT_MS),
  };
}
