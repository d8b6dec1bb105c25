/**
 * A reskilling request answers by its cutoff (its plan deadline + PLAN_CUTOFF_GRACE_MS) even
 * when ranking or gathering overruns it: no options, every candidate unplanned, and the work it no
 * longer waits for is not handed to the compute tier. The collaborators are stand-ins: only the
 * service's own sequencing is under test (the compute tier's cutoff is tested on real workers).
 */
import { describe, expect, it } from 'vitest';
import { resolveMatchPolicy } from '../../../src/domain/coverage';
import { parsePriceRates, PLAN_CUTOFF_GRACE_MS } from '../../../src/domain/planning';
import { PlanningService } from '../../../src/services/planning-service';
import { candidateCourse } from '../../support/candidate-course';

const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: {} }, 'test');
const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));
const TIME_LIMIT_MS = 100;

const ranked = ['o1', 'o2', 'o3'].map((occupationUri) => ({
  occupationUri,
  score: 0.5,
  essentialCoverage: 0.5,
  optionalCoverage: 0,
}));

const sleep = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

interface Stages {
  readonly rankMs?: number;
  readonly linksMs?: number;
  /** Courses teaching the gap skill g; enough of them make gathering take many turns. */
  readonly courses?: number;
}

/** Runs one reskilling request through a service whose stages take the given times. */
async function reskill(stages: Stages) {
  let handedOver = 0;
  let courseReads = 0;
  const service = new PlanningService(
    {
      rankOccupationsFor: (_evidence: unknown, _policy: unknown, _prefix: unknown, first: number) =>
        sleep(stages.rankMs ?? 0, { best: ranked.slice(0, first), totalCount: ranked.length }),
      requirementsOfOccupations: async (uris: readonly string[]) =>
        new Map(uris.map((uri) => [uri, [{ skillUri: 'g', relation: 'ESSENTIAL' as const }]])),
      requirementLinks: () => sleep(stages.linksMs ?? 0, []),
    } as never,
    {
      findCoursesTeaching: async () => {
        courseReads += 1;
        return Array.from({ length: stages.courses ?? 1 }, (_, i) => candidateCourse(`c${i}`, ['g']));
      },
    },
    TIME_LIMIT_MS,
    rates,
    {
      runPlanning: async () => {
        handedOver += 1;
        return { kind: 'reskilling', options: [], planned: 3, considered: 3 };
      },
    } as never,
  );
  const request = service.request({ objective: 'HOURS' });
  const started = Date.now();
  const answer = await service.reskilling({ evidence: [], skillUris: ['s'] }, 5, 10, 'CHEAPEST_PLAN', request, policy);
  return { answer, elapsed: Date.now() - started, handedOver: () => handedOver, courseReads: () => courseReads };
}

describe('reskillingPaths past its cutoff', () => {
  it('hands a job in time to the compute tier and returns its answer', async () => {
    const { answer, handedOver, courseReads } = await reskill({});
    expect(handedOver()).toBe(1);
    expect(courseReads()).toBe(1);
    expect(answer).toEqual({ options: [], planned: 3, considered: 3 });
  });

  it('answers at the cutoff when ranking overruns it, with the candidates asked for unplanned', async () => {
    const { answer, elapsed, handedOver } = await reskill({ rankMs: 600 });
    expect(answer).toEqual({ options: [], planned: 0, considered: 10 });
    expect(elapsed).toBeGreaterThanOrEqual(TIME_LIMIT_MS + PLAN_CUTOFF_GRACE_MS - 5);
    expect(elapsed).toBeLessThan(400);
    await sleep(700, undefined);
    expect(handedOver()).toBe(0);
  });

  it('answers at the cutoff when gathering overruns it, and hands nothing over afterwards', async () => {
    const { answer, elapsed, handedOver, courseReads } = await reskill({ linksMs: 600 });
    expect(answer).toEqual({ options: [], planned: 0, considered: 3 });
    expect(elapsed).toBeLessThan(400);
    // The gathering stops at its first pause after the cutoff: it never reads the courses, and
    // nothing reaches the compute tier.
    await sleep(700, undefined);
    expect(courseReads()).toBe(0);
    expect(handedOver()).toBe(0);
  });
});
