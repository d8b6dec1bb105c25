/** Solves one tiny plan so the WebAssembly solver is compiled and warm before real requests. */
import { planCourses } from './plan-courses';

/** Resolves once a trivial two-course plan has been solved by the exact solver. */
export async function warmUpPlanner(): Promise<void> {
  await planCourses({
    gap: [
      { skillUri: 'warm-up:a', weight: 1 },
      { skillUri: 'warm-up:b', weight: 1 },
    ],
    courses: [
      {
        id: 'x',
        hours: 2,
        price: null,
        ects: null,
        covers: ['warm-up:a', 'warm-up:b'],
        teaches: [],
        prerequisites: [],
      },
      { id: 'y', hours: 1, price: null, ects: null, covers: ['warm-up:a'], teaches: [], prerequisites: [] },
    ],
    objective: 'HOURS',
    timeLimitMs: 5_000,
  });
}
