/**
 * Gathering stops following prerequisites once the plan's share of time for them is spent, even
 * in the middle of judging a level's teachers, and hands the job the prerequisites it left
 * unfollowed. The collaborators are stand-ins: only the service's own gathering is under test.
 */
import { describe, expect, it } from 'vitest';
import { resolveMatchPolicy } from '../../../src/domain/coverage';
import { parsePriceRates, type PlanningJob } from '../../../src/domain/planning';
import { PlanningService } from '../../../src/services/planning-service';
import { candidateCourse } from '../../support/candidate-course';

const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: {} }, 'test');
const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));

/** `cover` teaches the gap skill g and needs p0; enough teachers of p0 that judging them takes many turns. */
const cover = candidateCourse('cover', ['g'], ['p0']);
const teachers = Array.from({ length: 40_000 }, (_, i) =>
  candidateCourse(`t${String(i).padStart(5, '0')}`, ['p0', `x${i}`]),
);

/**
 * The job the service hands to the compute tier, with `clock` as its clock and `leadMs` as the
 * compute tier's expected lead for a job of so many candidates.
 */
async function gatheredWith(clock: () => number, leadMs?: (candidates: number) => number): Promise<PlanningJob> {
  let job: PlanningJob | undefined;
  const service = new PlanningService(
    { requirementLinks: async () => [] } as never,
    {
      findCoursesTeaching: async (skills: readonly string[]) => [
        ...(skills.includes('g') ? [cover] : []),
        ...(skills.includes('p0') ? teachers : []),
      ],
    },
    1_000,
    rates,
    {
      runPlanning: async (planning: PlanningJob) => {
        job = planning;
        return { kind: 'recommend', plan: {} } as never;
      },
      planningLeadMs: leadMs,
    } as never,
    { clock },
  );
  const request = service.request({ objective: 'HOURS' });
  await service.recommend({ evidence: [], skillUris: [] }, [{ skillUri: 'g', relation: 'ESSENTIAL' }], request, policy);
  return job!;
}

describe('prerequisites followed within the plan’s share of time', () => {
  it('follows them, and keeps one of many equal teachers, while there is time', async () => {
    const job = await gatheredWith(() => 1_000_000);
    expect(job.gathered.unfollowed).toEqual([]);
    expect(job.gathered.candidates.map((c) => c.id)).toEqual(['cover', 't00000']);
  });

  it('stops in the middle of judging a level once the time is spent, and says which prerequisites it left', async () => {
    // The first two readings (building the request, the check before the level) are in time;
    // every later one, taken between the judge's slices, is 10 s on, past the share.
    let readings = 0;
    const job = await gatheredWith(() => (++readings <= 2 ? 1_000_000 : 1_010_000));
    expect(readings).toBeGreaterThan(2);
    expect(job.gathered.unfollowed).toEqual(['p0']);
    expect(job.gathered.unmet).toEqual(['p0']);
    expect(job.gathered.candidates.map((c) => c.id)).toEqual(['cover']);
  });

  it('stops before a level when the job would not reach the workers’ first answer by its deadline', async () => {
    // A fixed clock: the share of time is never spent, only the lead decides.
    const slow = await gatheredWith(
      () => 1_000_000,
      (candidates) => candidates * 2_000,
    );
    expect(slow.gathered.unfollowed).toEqual(['p0']);
    expect(slow.gathered.candidates.map((c) => c.id)).toEqual(['cover']);
    // A lead that fits the time left follows them as before.
    const fast = await gatheredWith(
      () => 1_000_000,
      (candidates) => candidates * 10,
    );
    expect(fast.gathered.unfollowed).toEqual([]);
    expect(fast.gathered.candidates.map((c) => c.id)).toEqual(['cover', 't00000']);
  });

  it('stops before a level when the time is already spent', async () => {
    let readings = 0;
    const job = await gatheredWith(() => (++readings <= 1 ? 1_000_000 : 1_010_000));
    expect(readings).toBe(2);
    expect(job.gathered.unfollowed).toEqual(['p0']);
    expect(job.gathered.candidates.map((c) => c.id)).toEqual(['cover']);
  });
});
