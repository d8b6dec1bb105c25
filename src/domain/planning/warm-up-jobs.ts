/**
 * Planning jobs invented to warm a thread's compiled code before real plans arrive. V8 compiles a
 * function's optimised code only after it has run hot for a while, so a thread's first plans run
 * slower: on the express lane, which plans only the rare late job, a captured 3,802-course job took
 * 157 ms as a fresh thread's first job and 47-82 ms after warming (docs/benchmarks.md,
 * twenty-second pass), and a late job's answer is due within about 100 ms. These jobs have the
 * shapes and sizes of real ones, and nothing else of them: their skills, courses and providers are
 * made up and never leave the thread that plans them.
 */
import type { CandidateCourse, TaughtLink } from './course-eligibility';
import type { GatheredPlanning, PlanningJob } from './planning-job';
import { buildPlanRequest } from './plan-request';
import { parsePriceRates } from './price-rates';
import type { Requirement } from '../coverage/requirement';
import type { HierarchyLink } from '../coverage/hierarchy-link';
import { resolveMatchPolicy } from '../coverage/match-policy';

/** Skills the invented courses teach; the first {@link GAP_SKILLS} of them are the gap. */
const SKILLS = 160;
/** Required skills of the invented target (an ESCO occupation has 10-60 essential skills). */
const GAP_SKILLS = 40;
/** Gap skills that a narrower skill also covers, as the skill hierarchy gives a real target. */
const NARROWER_LINKS = 10;

/** A made-up identifier under a scheme no real URI uses. */
function uri(kind: string, n: number): string {
  return `warm-up:${kind}-${n}`;
}

/**
 * One invented course. The arithmetic spreads skills, hours, prices and the optional fields the
 * way a generated catalogue does (every field both set and unset somewhere), so the compiled code
 * sees the same variety of values as on real courses.
 */
function course(i: number, prerequisiteShare: number): CandidateCourse {
  const taught = 2 + (i % 5);
  const teaches: TaughtLink[] = [];
  for (let j = 0; j < taught; j += 1) {
    const mapped = (i + j) % 7 === 0;
    teaches.push({
      uri: uri('skill', (i * 7 + j * 31) % SKILLS),
      source: mapped ? 'MAPPED' : 'DECLARED',
      confidence: mapped ? 0.6 + (i % 4) * 0.1 : 1,
    });
  }
  const hours = 10 + ((i * 37) % 190);
  const everyNth = prerequisiteShare > 0 ? Math.round(1 / prerequisiteShare) : 0;
  return {
    id: uri('course', i),
    hours: i % 11 === 0 ? null : hours,
    price: i % 5 === 0 ? null : 40 + ((i * 13) % 900),
    currency: i % 5 === 0 ? null : 'EUR',
    ects: i % 3 === 0 ? null : Math.round(hours / 25),
    languages: i % 4 === 0 ? ['en', 'de'] : ['en'],
    participationForm: i % 3 === 0 ? null : i % 3 === 1 ? 'ONLINE' : 'BLENDED',
    eqfLevel: i % 6 === 0 ? null : 3 + (i % 5),
    providerIds: [uri('provider', i % 40)],
    teaches,
    prerequisites:
      everyNth > 0 && i % everyNth === 0 ? [uri('skill', GAP_SKILLS + ((i * 11) % (SKILLS - GAP_SKILLS)))] : [],
  };
}

/** An invented subject with no evidence, one target (40 essential skills) and `courses` candidates. */
function gathered(courses: number, prerequisiteShare: number, timeLimitMs: number): GatheredPlanning {
  const rates = parsePriceRates({ date: '2026-01-01', source: 'warm-up', base: 'EUR', rates: {} }, 'warm-up rates');
  const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));
  const gap = Array.from({ length: GAP_SKILLS }, (_, i) => ({ skillUri: uri('skill', i), weight: 1 }));
  const requirements: Requirement[] = gap.map((g) => ({ skillUri: g.skillUri, relation: 'ESSENTIAL' }));
  const links: HierarchyLink[] = Array.from({ length: NARROWER_LINKS }, (_, i) => ({
    requiredUri: uri('skill', i),
    evidenceUri: uri('skill', GAP_SKILLS + i),
    kind: 'NARROWER',
    distance: 1,
  }));
  const candidates = Array.from({ length: courses }, (_, i) => course(i, prerequisiteShare));
  const unmet = [...new Set(candidates.flatMap((c) => c.prerequisites))];
  return {
    evidence: { evidence: [], skillUris: [] },
    targets: [{ requirements, links, before: { score: 0, essentialCoverage: 0 }, gap }],
    candidates,
    unmet,
    unfollowed: [],
    request: buildPlanRequest({ objective: 'HOURS', scope: 'ESSENTIAL' }, rates, timeLimitMs),
    policy,
    rates,
  };
}

/**
 * Two invented plan jobs due at `deadline`, one for each way a late plan is made: 1,500 courses
 * without prerequisites (prepared and searched exactly) and 6,000 of which a fifth name a
 * prerequisite (the quick plan a catalogue like that calls for).
 *
 * @example
 * warmUpPlanningJobs(Date.now() + 1_000).map((job) => job.gathered.candidates.length) // [1500, 6000]
 */
export function warmUpPlanningJobs(deadline: number, timeLimitMs = 1_000): PlanningJob[] {
  return [
    { kind: 'recommend', gathered: gathered(1_500, 0, timeLimitMs), deadline },
    { kind: 'recommend', gathered: gathered(6_000, 0.2, timeLimitMs), deadline },
  ];
}
