/**
 * Cuts long synchronous work on the request thread into slices, so other requests are served in
 * between. Gathering a `reskillingPaths(candidates: 200)` job and packing its courses is a few
 * hundred milliseconds of plain JavaScript; done in one go it is a few hundred milliseconds during
 * which no other request on the server moves (the event-loop delay target is p99 ≤ 20 ms).
 *
 * The budget is one for the whole thread, not one per caller: four heavy requests slicing
 * independently would each take a slice in the same turn of the event loop and hold the timers
 * and sockets for four slices.
 */

/** Work per turn of the event loop, in milliseconds, before {@link pauseIfTurnSpent} yields. */
export const DEFAULT_SLICE_MS = 3;

let turnStarted = performance.now();
let turnResetQueued = false;

/**
 * True when this turn of the event loop has done `sliceMs` of sliced work, so that
 * {@link pauseIfTurnSpent} would wait. A loop over thousands of small units (courses, rows) checks
 * it before awaiting: every `await` costs a promise, the async hooks' bookkeeping of it and a
 * microtask turn, even when it resolves at once, which over the rows of one plan added up to
 * milliseconds.
 *
 * @example
 * for (const row of rows) {
 *   add(row);
 *   if (turnSpent()) await pauseIfTurnSpent();
 * }
 */
export function turnSpent(sliceMs: number = DEFAULT_SLICE_MS): boolean {
  return performance.now() - turnStarted >= sliceMs;
}

/**
 * Resolves at once while this turn of the event loop has done less than `sliceMs` of sliced work;
 * otherwise once the event loop has turned (timers and I/O served) and the new turn's budget is
 * free. Call it between small units of work.
 *
 * @example
 * for (const target of targets) {
 *   work(target);
 *   await pauseIfTurnSpent();
 * }
 */
export async function pauseIfTurnSpent(sliceMs: number = DEFAULT_SLICE_MS): Promise<void> {
  while (performance.now() - turnStarted >= sliceMs) {
    // The first to find the budget spent queues the reset: it runs in the next check phase, ahead
    // of the continuations queued after it, so one of them, not all, gets the new turn's budget.
    if (!turnResetQueued) {
      turnResetQueued = true;
      setImmediate(() => {
        turnResetQueued = false;
        turnStarted = performance.now();
      });
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs stepwise work (a generator yielding between steps, as in `finishSteps`) to its end,
 * pausing between steps whenever this turn's slice is spent; resolves to its return value.
 *
 * @example
 * const dominated = await runInSlices(dominatedCoursesInSteps(courses, context));
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs: number = DEFAULT_SLICE_MS): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (turnSpent(sliceMs)) await pauseIfTurnSpent(sliceMs);
  }
}
