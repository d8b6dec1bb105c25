/**
 * A reskilling request gathers courses only for the leading candidates (closest occupations first)
 * whose courses the compute tier expects to prepare by the plan's deadline: the job plans its
 * targets in order and would not reach the others. The collaborators are stand-ins: the compute
 * tier's expected lead is given, and the job handed over is inspected.
 */
import { describe, expect, it } from 'vitest';
import { resolveMatchPolicy } from '../../../src/domain/coverage';
import { parsePriceRates, type PlanningJob } from '../../../src/domain/planning';
import { PlanningService } from '../../../src/services/planning-service';
import { candidateCourse } from '../../support/candidate-course';

const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: {} }, 'test');
const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));
const TIME_LIMIT_MS = 1_000;

/** Occupation o1 needs skill g1, taught by 20 courses; o2 g2 by 30; o3 g3 by 60. */
const TEACHERS: Record<string, number> = { g1: 20, g2: 30, g3: 60 };
const ranked = ['o1', 'o2', 'o3'].map((occupationUri) => ({
  occupationUri,
  score: 0.5,
  essentialCoverage: 0.5,
  optionalCoverage: 0,
}));

/** The job a reskilling request hands over when the compute tier expects `leadMs` per course (none: no estimate). */
async function handedOverJob(leadMs: number | undefined): Promise<Extract<PlanningJob, { kind: 'reskilling' }>> {
  let job: PlanningJob | undefined;
  const service = new PlanningService(
    {
      rankOccupationsFor: async (_evidence: unknown, _policy: unknown, _prefix: unknown, first: number) => ({
        best: ranked.slice(0, first),
        totalCount: ranked.length,
      }),
      requirementsOfOccupations: async (uris: readonly string[]) =>
        new Map(uris.map((uri) => [uri, [{ skillUri: `g${uri.slice(1)}`, relation: 'ESSENTIAL' as const }]])),
      requirementLinks: async () => [],
    } as never,
    {
      findCoursesTeaching: async (skills: readonly string[]) =>
        skills.flatMap((skill) =>
          Array.from({ length: TEACHERS[skill] ?? 0 }, (_, i) => candidateCourse(`${skill}-course-${i}`, [skill])),
        ),
    },
    TIME_LIMIT_MS,
    rates,
    {
      runPlanning: async (handed: PlanningJob) => {
        job = handed;
        return { kind: 'reskilling', options: [], planned: 0, considered: 3 };
      },
      ...(leadMs === undefined ? {} : { planningLeadMs: (courses: number) => leadMs * courses }),
    } as never,
  );
  await service.reskilling(
    { evidence: [], skillUris: [] },
    3,
    3,
    'CHEAPEST_PLAN',
    service.request({ objective: 'HOURS' }),
    policy,
  );
  if (job?.kind !== 'reskilling') throw new Error('no reskilling job was handed over');
  return job;
}

const courseIds = (job: PlanningJob) => job.gathered.candidates.map((c) => c.id);

describe('reskillingPaths gathers the candidates it can plan in time', () => {
  it('keeps the leading occupations whose courses fit, with all of their courses and none of the others', async () => {
    // 10 ms a course, about 970 ms until the job must be ready: o1 and o2 (50 courses, 500 ms)
    // fit, o3's 60 more (1,100 ms) would not.
    const job = await handedOverJob(10);
    expect(job.gathered.targets.map((t) => t.gap.map((g) => g.skillUri))).toEqual([['g1'], ['g2']]);
    expect(courseIds(job)).toHaveLength(50);
    expect(courseIds(job).every((id) => id.startsWith('g1-') || id.startsWith('g2-'))).toBe(true);
    // Every ranked candidate is still handed over: the job reports how many it planned of them.
    expect(job.ranked).toHaveLength(3);
  });

  it('keeps the first occupation even when its courses alone do not fit', async () => {
    const job = await handedOverJob(1_000);
    expect(job.gathered.targets).toHaveLength(1);
    expect(courseIds(job)).toHaveLength(20);
  });

  it('keeps every occupation when the courses fit, or when the compute tier gives no estimate', async () => {
    for (const lead of [0.1, undefined]) {
      const job = await handedOverJob(lead);
      expect(job.gathered.targets).toHaveLength(3);
      expect(courseIds(job)).toHaveLength(110);
    }
  });
});
