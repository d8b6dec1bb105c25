/**
 * Runs stepwise work to its end at once. Long pure computations are written as generators that
 * yield between steps, so a caller on a request's thread can pause between them (see the compute
 * tier's turn slicer); other callers, such as a worker thread, want the answer in one go.
 *
 * @example
 * finishSteps(dominatedCoursesInSteps(courses, context)) // the same Set as dominatedCourses
 */
export function finishSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
