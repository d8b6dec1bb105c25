/**
 * How many of a many-target job's targets to gather courses for. A reskilling job plans its
 * targets (the closest occupations first) in order until its deadline, so courses that only its
 * later targets need are worth gathering and shipping only if the job can reach those targets. At
 * 100,000 credentials a `reskillingPaths(candidates: 200)` gathered and packed 30,000 courses and
 * more on the request thread, which under load took its whole time: it answered with no plan at
 * all. Keeping the leading targets whose courses the compute tier can still prepare in time lets it
 * plan those.
 */
import { finishSteps } from '../finish-steps';
import type { CandidateCourse } from './course-eligibility';

/** The part of a gathered target this needs: its gap's skills. */
export interface TargetGap {
  readonly gap: readonly { readonly skillUri: string }[];
}

/**
 * For each course, the first target (index into `targets`) whose gap it can help cover: it
 * teaches a skill in `covering` of one of the target's gap skills. -1 for a course that serves
 * none (a prerequisite teacher, say).
 *
 * @example
 * // targets [gap {a}], [gap {b}]; covering a → {a}, b → {b, b2}
 * firstTargetServed(targets, covering, [teaching b2, teaching a]) // Int32Array [1, 0]
 */
export function firstTargetServed(
  targets: readonly TargetGap[],
  covering: ReadonlyMap<string, ReadonlySet<string>>,
  courses: readonly CandidateCourse[],
): Int32Array {
  return finishSteps(firstTargetServedInSteps(targets, covering, courses));
}

/** Courses looked at between two yields of {@link firstTargetServedInSteps}. */
const COURSES_PER_STEP = 512;

/**
 * {@link firstTargetServed} in steps, for the request thread: 30,000 courses of a large catalogue
 * are tens of milliseconds.
 */
export function* firstTargetServedInSteps(
  targets: readonly TargetGap[],
  covering: ReadonlyMap<string, ReadonlySet<string>>,
  courses: readonly CandidateCourse[],
): Generator<void, Int32Array, void> {
  const firstBySkill = new Map<string, number>();
  for (let t = 0; t < targets.length; t += 1)
    for (const { skillUri } of targets[t]!.gap)
      for (const taught of covering.get(skillUri) ?? []) if (!firstBySkill.has(taught)) firstBySkill.set(taught, t);
  const first = new Int32Array(courses.length);
  for (let c = 0; c < courses.length; c += 1) {
    let best = -1;
    for (const link of courses[c]!.teaches) {
      const t = firstBySkill.get(link.uri);
      if (t !== undefined && (best < 0 || t < best)) best = t;
    }
    first[c] = best;
    if ((c + 1) % COURSES_PER_STEP === 0) yield;
  }
  return first;
}

/**
 * Whether a many-target job's `courses` candidate courses, all of them, fit `budgetMs`: then
 * {@link targetsThatFit} keeps every target whatever course serves which (a lead that grows with the
 * courses fits every prefix of a total that fits), so the job need not work out
 * {@link firstTargetServed}. Most 200-target reskilling jobs of the benchmark keep every target,
 * and that look-up was a tenth of the request thread's time in its event-loop phase.
 *
 * @example
 * allTargetsFit(6, (n) => 10 * n, 60) // true: targetsThatFit keeps all, whatever the assignment
 * allTargetsFit(6, (n) => 10 * n, 45) // false: which courses serve which target decides
 */
export function allTargetsFit(courses: number, leadMs: (courses: number) => number, budgetMs: number): boolean {
  return leadMs(courses) <= budgetMs;
}

/**
 * How many leading targets to keep: the most whose courses (those `firstTarget` assigns to a kept
 * target, plus those serving none) the compute tier expects to prepare within `budgetMs` (`leadMs`
 * of their number), and always the first. A kept target's courses are all kept, so each kept
 * target is planned over the same courses as without the limit.
 *
 * @example
 * // courses serving targets 0, 0, 1, 2, 2, 2; 10 ms per course, 45 ms of budget
 * targetsThatFit(Int32Array.of(0, 0, 1, 2, 2, 2), 3, (n) => 10 * n, 45) // 2 (3 courses; 6 would not fit)
 */
export function targetsThatFit(
  firstTarget: Int32Array,
  targets: number,
  leadMs: (courses: number) => number,
  budgetMs: number,
): number {
  if (targets <= 1) return targets;
  const perTarget = new Int32Array(targets);
  let unassigned = 0;
  for (const t of firstTarget) {
    if (t < 0) unassigned += 1;
    else perTarget[t]! += 1;
  }
  let courses = unassigned + perTarget[0]!;
  let kept = 1;
  while (kept < targets && leadMs(courses + perTarget[kept]!) <= budgetMs) {
    courses += perTarget[kept]!;
    kept += 1;
  }
  return kept;
}
