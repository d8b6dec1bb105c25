import { BadInputError } from '../errors';
import { PLAN_OBJECTIVES, type GapSkill, type PlanCourse, type PlanInput, type PlanObjective } from './plan-types';
import { DEFAULT_PLAN_TIME_LIMIT_MS, MAX_PLAN_TIME_LIMIT_MS } from './plan-request';

export { DEFAULT_PLAN_TIME_LIMIT_MS };

/** Budgets after validation; an absent budget is `undefined`. */
export interface NormalizedBudgets {
  readonly hours: number | undefined;
  readonly price: number | undefined;
  readonly count: number | undefined;
}

/** A {@link PlanInput} that passed {@link validatePlanInput}, with defaults filled in. */
export interface ValidatedPlanInput {
  readonly gap: readonly GapSkill[];
  readonly courses: readonly PlanCourse[];
  readonly objective: PlanObjective;
  readonly budgets: NormalizedBudgets;
  readonly timeLimitMs: number;
  /** {@link PlanInput.unfollowedPrerequisites}, empty when none. */
  readonly unfollowedPrerequisites: ReadonlySet<string>;
}

/**
 * Checks a planning request and fills defaults. Throws {@link BadInputError} on: unknown
 * objective; empty, duplicate or non-string skill URIs and course ids; weights that are not
 * finite and ≥ 0; hours, price or ECTS that are NaN, infinite or negative; negative or
 * non-finite budgets (and a non-integer `maxCourses`); a time limit that is not finite and > 0.
 * An absent time limit is {@link DEFAULT_PLAN_TIME_LIMIT_MS} (the `PLAN_TIME_LIMIT_MS` default);
 * a longer one than {@link MAX_PLAN_TIME_LIMIT_MS} is capped to it.
 *
 * @example
 * validatePlanInput({ gap, courses, objective: 'HOURS', budgets: { maxCourses: -1 } })
 * // throws BadInputError('budgets.maxCourses must be a finite number ≥ 0', ...)
 */
export function validatePlanInput(input: PlanInput): ValidatedPlanInput {
  if (!(PLAN_OBJECTIVES as readonly string[]).includes(input.objective)) {
    throw new BadInputError(`objective must be one of ${PLAN_OBJECTIVES.join(', ')}`, {
      field: 'objective',
      value: input.objective,
    });
  }
  validateGap(input.gap);
  validateCourses(input.courses);
  return {
    gap: input.gap,
    courses: input.courses,
    objective: input.objective,
    budgets: {
      hours: budget(input.budgets?.maxTotalHours, 'maxTotalHours', false),
      price: budget(input.budgets?.maxTotalPrice, 'maxTotalPrice', false),
      count: budget(input.budgets?.maxCourses, 'maxCourses', true),
    },
    timeLimitMs: timeLimit(input.timeLimitMs),
    unfollowedPrerequisites: unfollowed(input.unfollowedPrerequisites),
  };
}

function unfollowed(skills: readonly string[] | null | undefined): ReadonlySet<string> {
  if (skills == null) return NO_SKILLS;
  if (!Array.isArray(skills) || skills.some((uri) => typeof uri !== 'string' || uri === ''))
    throw new BadInputError('unfollowedPrerequisites must be a list of skill URIs', {
      field: 'unfollowedPrerequisites',
    });
  return skills.length === 0 ? NO_SKILLS : new Set(skills);
}

const NO_SKILLS: ReadonlySet<string> = new Set();

function validateGap(gap: readonly GapSkill[]): void {
  if (!Array.isArray(gap)) throw new BadInputError('gap must be a list', { field: 'gap' });
  const seen = new Set<string>();
  // Loops, not `forEach` callbacks: see validateCourses.
  for (let index = 0; index < gap.length; index += 1) {
    const skill = gap[index];
    if (typeof skill?.skillUri !== 'string' || skill.skillUri === '') {
      throw new BadInputError('gap skill URIs must be non-empty strings', { field: `gap[${index}].skillUri` });
    }
    if (seen.has(skill.skillUri)) {
      throw new BadInputError('gap skill URIs must be unique', {
        field: `gap[${index}].skillUri`,
        value: skill.skillUri,
      });
    }
    seen.add(skill.skillUri);
    if (typeof skill.weight !== 'number' || !Number.isFinite(skill.weight) || skill.weight < 0) {
      throw new BadInputError('gap skill weights must be finite numbers ≥ 0', {
        field: `gap[${index}].weight`,
        value: skill.weight,
      });
    }
  }
}

function validateCourses(courses: readonly PlanCourse[]): void {
  if (!Array.isArray(courses)) throw new BadInputError('courses must be a list', { field: 'courses' });
  const seen = new Set<string>();
  // Loops, not per-call callbacks: a compute worker validates every job's courses, and V8 drops a
  // closure's optimised code when the closure is collected, so callbacks were recompiled per job.
  for (let index = 0; index < courses.length; index += 1) {
    const course = courses[index];
    if (typeof course?.id !== 'string' || course.id === '') {
      throw new BadInputError('course ids must be non-empty strings', { field: `courses[${index}].id` });
    }
    if (seen.has(course.id)) {
      throw new BadInputError('course ids must be unique', { field: `courses[${index}].id`, value: course.id });
    }
    seen.add(course.id);
    for (const field of ['hours', 'price', 'ects'] as const) {
      const value: unknown = course[field];
      if (value == null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new BadInputError(`course ${field} must be a finite number ≥ 0 or null`, {
          field: `courses[${index}].${field}`,
          items: [String(course.id)],
          value,
        });
      }
    }
    for (const field of ['covers', 'teaches', 'prerequisites'] as const) {
      const list: unknown = course[field];
      if (!isSkillUriList(list)) {
        throw new BadInputError(`course ${field} must be a list of non-empty skill URIs`, {
          field: `courses[${index}].${field}`,
          items: [String(course.id)],
        });
      }
    }
  }
}

/** Whether `list` is an array of non-empty strings. */
function isSkillUriList(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  for (const uri of list) if (typeof uri !== 'string' || uri === '') return false;
  return true;
}

function budget(value: number | null | undefined, field: string, integer: boolean): number | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new BadInputError(`budgets.${field} must be a finite ${integer ? 'integer' : 'number'} ≥ 0`, {
      field: `budgets.${field}`,
      value,
    });
  }
  return value;
}

function timeLimit(value: number | null | undefined): number {
  if (value == null) return DEFAULT_PLAN_TIME_LIMIT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new BadInputError('timeLimitMs must be a finite number > 0', { field: 'timeLimitMs', value });
  }
  return Math.min(value, MAX_PLAN_TIME_LIMIT_MS);
}
