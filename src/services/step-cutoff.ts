/** What {@link StepCutoff.race} answers when the cutoff came first. */
export const CUT_OFF: unique symbol = Symbol('cut off');

/**
 * A moment after which a request stops waiting for the steps of its work and answers with what it
 * has (a reskilling request past its plan deadline).
 *
 * @example
 * const cutoff = new StepCutoff(deadline - Date.now());
 * try {
 *   const ranked = await cutoff.race(rankOccupations());
 *   if (ranked === CUT_OFF) return partialAnswer();
 * } finally {
 *   cutoff.clear();
 * }
 */
export class StepCutoff {
  private timer: NodeJS.Timeout | undefined;
  private readonly reached: Promise<typeof CUT_OFF>;

  /** @param inMs from now until the cutoff */
  constructor(inMs: number) {
    this.reached = new Promise((resolve) => {
      this.timer = setTimeout(() => resolve(CUT_OFF), inMs);
    });
  }

  /**
   * `step`'s answer, or {@link CUT_OFF} if the cutoff comes first; the step then runs on (a worker
   * task is not stopped: stopping a running one terminates its thread) and what it answers or
   * throws is dropped.
   */
  race<T>(step: Promise<T>): Promise<T | typeof CUT_OFF> {
    step.catch(() => undefined);
    return Promise.race([step, this.reached]);
  }

  /** Drops the timer (the work ended before the cutoff). */
  clear(): void {
    clearTimeout(this.timer);
  }
}
