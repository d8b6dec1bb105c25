/**
 * A single plan's reply reads the records of its courses; the service starts that read with the
 * plan's heuristic answers, which come long before the final one. The collaborators are
 * stand-ins: the compute tier hands over heuristic answers as the worker pool does.
 */
import { describe, expect, it } from 'vitest';
import { resolveMatchPolicy } from '../../../src/domain/coverage';
import { parsePriceRates, type PlanningJobResult } from '../../../src/domain/planning';
import { MAX_PREFETCH_READS, MAX_PREFETCHED_COURSES, PlanningService } from '../../../src/services/planning-service';
import { candidateCourse } from '../../support/candidate-course';

const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: {} }, 'test');
const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));

const planNaming = (...ids: string[]): PlanningJobResult =>
  ({ kind: 'recommend', plan: { steps: ids.map((credentialId, order) => ({ order, credentialId })) } }) as never;

/** Runs recommendCourses with a compute tier that hands over `provisional` answers before `final`. */
async function prefetchedBy(
  provisional: PlanningJobResult[],
  final: PlanningJobResult,
  prefetch?: (ids: readonly string[]) => void,
): Promise<{ prefetched: string[][]; answered: unknown }> {
  const prefetched: string[][] = [];
  const service = new PlanningService(
    { requirementLinks: async () => [] } as never,
    { findCoursesTeaching: async () => [candidateCourse('c1', ['g'])] },
    1_000,
    rates,
    {
      runPlanning: async (_job: unknown, _signal: unknown, onProvisional?: (answer: PlanningJobResult) => void) => {
        for (const answer of provisional) onProvisional?.(answer);
        return final;
      },
    } as never,
    { prefetchCourses: prefetch ?? ((ids) => prefetched.push([...ids])) },
  );
  const answered = await service.recommend(
    { evidence: [], skillUris: [] },
    [{ skillUri: 'g', relation: 'ESSENTIAL' }],
    service.request({ objective: 'HOURS' }),
    policy,
  );
  return { prefetched, answered };
}

describe('a plan prefetches the courses of its heuristic answers', () => {
  it('hands each answer’s new courses, at most MAX_PREFETCH_READS reads, and answers with the final plan', async () => {
    const final = planNaming('c1', 'c3');
    const { prefetched, answered } = await prefetchedBy(
      [planNaming('c1', 'c2', 'c1'), planNaming('c2', 'c1'), planNaming('c2', 'c3'), planNaming('c9')],
      final,
    );
    // The second answer names nothing new: no read. The fourth comes after the reads allowed.
    expect(MAX_PREFETCH_READS).toBe(2);
    expect(prefetched).toEqual([['c1', 'c2'], ['c3']]);
    expect(answered).toBe((final as Extract<PlanningJobResult, { kind: 'recommend' }>).plan);
  });

  it('prefetches nothing when no heuristic answer came (a plan answered at once)', async () => {
    const { prefetched } = await prefetchedBy([], planNaming('c1'));
    expect(prefetched).toEqual([]);
  });

  it('bounds the courses one plan prefetches in all', async () => {
    const many = Array.from({ length: MAX_PREFETCHED_COURSES + 20 }, (_, i) => `c${i}`);
    const { prefetched } = await prefetchedBy(
      [planNaming(...many.slice(0, 60)), planNaming(...many.slice(40))],
      planNaming('c0'),
    );
    expect(prefetched).toEqual([many.slice(0, 60), many.slice(60, MAX_PREFETCHED_COURSES)]);
  });

  it('hands a reskilling request’s best options’ courses as they come', async () => {
    const prefetched: string[][] = [];
    const options = (...plans: string[][]) =>
      ({
        kind: 'reskilling',
        options: plans.map((ids) => planNaming(...ids)).map((p) => ({ plan: (p as { plan: unknown }).plan })),
        planned: plans.length,
        considered: 3,
      }) as never as PlanningJobResult;
    const service = new PlanningService(
      {
        rankOccupationsFor: async () => ({
          best: [{ occupationUri: 'o1', score: 0.5, essentialCoverage: 0.5, optionalCoverage: 0 }],
          totalCount: 1,
        }),
        requirementsOfOccupations: async (uris: readonly string[]) =>
          new Map(uris.map((uri) => [uri, [{ skillUri: 'g', relation: 'ESSENTIAL' as const }]])),
        requirementLinks: async () => [],
      } as never,
      { findCoursesTeaching: async () => [candidateCourse('c1', ['g'])] },
      1_000,
      rates,
      {
        runPlanning: async (_job: unknown, _signal: unknown, onProvisional?: (answer: PlanningJobResult) => void) => {
          onProvisional?.(options(['a', 'b'], ['c']));
          onProvisional?.(options(['a', 'd']));
          return options(['a', 'd']);
        },
      } as never,
      { prefetchCourses: (ids) => prefetched.push([...ids]) },
    );
    const answer = await service.reskilling(
      { evidence: [], skillUris: [] },
      5,
      3,
      'CHEAPEST_PLAN',
      service.request({ objective: 'HOURS' }),
      policy,
    );
    expect(answer.options).toHaveLength(1);
    expect(prefetched).toEqual([['a', 'b', 'c'], ['d']]);
  });
});
