/**
 * The pure planning pieces split out of the planning service: one plan request (one validation
 * path, one time-limit default), gap building, course eligibility and exclusion counting, the
 * verdict on a plan and the orders of reskilling options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { DEFAULT_MATCH_POLICY } from '../coverage/match-policy';
import { BadInputError } from '../errors';
import { buildGap } from './build-gap';
import {
  catalogueExclusion,
  confidentTeaches,
  countCatalogueExclusions,
  type CandidateCourse,
} from './course-eligibility';
import { describePlan } from './describe-plan';
import { orderReskillingOptions, type ReskillingFacts } from './order-reskilling';
import { buildPlanRequest, type CourseFilterSpec } from './plan-request';
import type { PlanResult } from './plan-types';
import { parsePriceRates } from './price-rates';
import { validatePlanInput } from './validate-plan-input';

const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: { USD: 1.1 } }, 'test.json');

describe('one plan time limit default', () => {
  it('the planner default equals the PLAN_TIME_LIMIT_MS default (it was 2,000 ms against 1,000 ms)', () => {
    const configured = loadConfig({}).limits.planTimeLimitMs;
    expect(validatePlanInput({ gap: [], courses: [], objective: 'HOURS' }).timeLimitMs).toBe(configured);
    expect(configured).toBe(1000);
  });
  it('a plan request takes the configured limit, capped at 600,000 ms', () => {
    expect(buildPlanRequest({}, rates, 250).timeLimitMs).toBe(250);
    expect(buildPlanRequest({}, rates, 10_000_000).timeLimitMs).toBe(600_000);
    expect(validatePlanInput({ gap: [], courses: [], objective: 'HOURS', timeLimitMs: 10_000_000 }).timeLimitMs).toBe(
      600_000,
    );
  });
});

describe('buildPlanRequest', () => {
  it('fills defaults: HOURS, ESSENTIAL, EUR, minConfidence 0', () => {
    const request = buildPlanRequest({}, rates, 1000);
    expect(request).toMatchObject({
      objective: 'HOURS',
      scope: 'ESSENTIAL',
      currency: 'EUR',
      budgets: { maxTotalHours: null, maxTotalPrice: null, maxCourses: null },
    });
    expect(request.filter.minConfidence).toBe(0);
  });
  it.each([-0.1, 1.5, Number.NaN])('refuses minConfidence %s naming the field', (minConfidence) => {
    expect(() => buildPlanRequest({ constraints: { minConfidence } }, rates, 1000)).toThrow(BadInputError);
    expect(() => buildPlanRequest({ constraints: { minConfidence } }, rates, 1000)).toThrow(
      /constraints\.minConfidence/,
    );
  });
  it('refuses a negative budget and an unknown currency', () => {
    expect(() => buildPlanRequest({ constraints: { maxTotalHours: -1 } }, rates, 1000)).toThrow(/maxTotalHours/);
    expect(() => buildPlanRequest({ currency: 'JPY' }, rates, 1000)).toThrow(/JPY/);
  });
});

describe('buildGap (property)', () => {
  it('a requirement is in the gap iff it is in scope and below the threshold; weights 1 or λ', () => {
    const req = fc.record({
      skillUri: fc.string({ minLength: 1, maxLength: 4 }),
      relation: fc.constantFrom('ESSENTIAL' as const, 'OPTIONAL' as const),
      credit: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(req, { selector: (r) => r.skillUri, maxLength: 20 }),
        fc.constantFrom('ESSENTIAL' as const, 'ESSENTIAL_AND_OPTIONAL' as const),
        (reqs, scope) => {
          const gap = buildGap(reqs, scope, DEFAULT_MATCH_POLICY);
          const inGap = new Map(gap.map((g) => [g.skillUri, g.weight]));
          for (const r of reqs) {
            const expected = (scope === 'ESSENTIAL_AND_OPTIONAL' || r.relation === 'ESSENTIAL') && r.credit < 0.8;
            expect(inGap.has(r.skillUri)).toBe(expected);
            if (expected) expect(inGap.get(r.skillUri)).toBe(r.relation === 'ESSENTIAL' ? 1 : 0.25);
          }
        },
      ),
    );
  });
});

const noFilter: CourseFilterSpec = {
  languages: null,
  participationForms: null,
  maxEqfLevel: null,
  excludeProviderIds: [],
  onlyProviderIds: null,
  minConfidence: 0,
};
const course = (over: Partial<CandidateCourse>): CandidateCourse => ({
  id: 'c',
  hours: 10,
  price: null,
  currency: null,
  ects: null,
  languages: ['en'],
  participationForm: 'ONLINE',
  eqfLevel: 4,
  providerIds: ['p'],
  teaches: [],
  prerequisites: [],
  ...over,
});

describe('course eligibility', () => {
  it('each filter names its own reason', () => {
    expect(catalogueExclusion(course({}), noFilter)).toBeNull();
    expect(catalogueExclusion(course({ languages: ['de'] }), { ...noFilter, languages: ['en'] })).toBe('language');
    expect(
      catalogueExclusion(course({ participationForm: 'ONSITE' }), { ...noFilter, participationForms: ['ONLINE'] }),
    ).toBe('participation-form');
    expect(catalogueExclusion(course({ eqfLevel: 6 }), { ...noFilter, maxEqfLevel: 5 })).toBe('eqf-level');
    expect(catalogueExclusion(course({ eqfLevel: null }), { ...noFilter, maxEqfLevel: 5 })).toBeNull();
    expect(catalogueExclusion(course({}), { ...noFilter, excludeProviderIds: ['p'] })).toBe('excluded-provider');
    expect(catalogueExclusion(course({}), { ...noFilter, onlyProviderIds: ['q'] })).toBe('other-provider');
  });
  it('minConfidence drops MAPPED links below it, never DECLARED ones', () => {
    const c = course({
      teaches: [
        { uri: 'a', source: 'MAPPED', confidence: 0.5 },
        { uri: 'b', source: 'MAPPED', confidence: 0.7 },
        { uri: 'd', source: 'DECLARED', confidence: 0.1 },
      ],
    });
    expect(confidentTeaches(c, 0)).toEqual(['a', 'b', 'd']);
    expect(confidentTeaches(c, 0.6)).toEqual(['b', 'd']);
    expect(confidentTeaches(c, 1)).toEqual(['d']);
  });
  it('exclusions counted equal the relevant candidates filtered out (property)', () => {
    const candidate = fc.record({
      exclusion: fc.constantFrom(null, 'language' as const, 'eqf-level' as const, 'other-provider' as const),
      any: fc.subarray(['s1', 's2', 's3', 's4']),
      confidentShare: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.subarray(['s1', 's2', 's3', 's4']), (raw, gap) => {
        const candidates = raw.map((r) => ({
          exclusion: r.exclusion,
          coversAny: new Set(r.any),
          coversConfident: new Set(r.confidentShare ? r.any : r.any.slice(1)),
        }));
        const counts = countCatalogueExclusions(gap, candidates);
        const relevant = candidates.filter((c) => gap.some((g) => c.coversAny.has(g)));
        const usable = relevant.filter((c) => c.exclusion === null && gap.some((g) => c.coversConfident.has(g)));
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(relevant.length - usable.length);
      }),
    );
  });
});

const plan = (over: Partial<PlanResult>): PlanResult => ({
  steps: [],
  totalHours: 0,
  totalPrice: 0,
  totalEcts: 0,
  objective: 'HOURS',
  objectiveValue: 0,
  coveredSkills: [],
  coveredWeight: 0,
  coverageUpperBound: 0,
  uncoverable: [],
  uncoveredWithinBudget: [],
  optimal: true,
  lowerBound: 0,
  solver: 'trivial',
  solveMillis: 0,
  excluded: [],
  ...over,
});
const ctx = {
  gapSize: 2,
  noRate: new Set<string>(),
  relevant: new Set(['x1', 'x2', 'x3']),
  catalogueExclusions: new Map(),
  priced: false,
  currency: 'EUR',
  rates,
};

describe('describePlan', () => {
  it('names exclusions with their counts when the plan leaves the gap open', () => {
    const verdict = describePlan(
      plan({
        uncoverable: ['s1', 's2'],
        excluded: [
          { courseId: 'x1', reason: 'duration-unknown' },
          { courseId: 'x2', reason: 'duration-unknown' },
          { courseId: 'other', reason: 'duration-unknown' },
        ],
      }),
      { ...ctx, catalogueExclusions: new Map([['language', 1]]) },
    );
    expect(verdict.status).toBe('NOTHING_COVERABLE');
    expect(verdict.explanation).toContain('2 courses excluded: duration unknown');
    expect(verdict.explanation).toContain('1 course excluded: not taught in a requested language');
  });
  it('stays silent about exclusions when the plan covers the whole gap', () => {
    const verdict = describePlan(
      plan({ coveredSkills: ['s1', 's2'], excluded: [{ courseId: 'x1', reason: 'duration-unknown' }] }),
      ctx,
    );
    expect(verdict.status).toBe('PLANNED');
    expect(verdict.explanation).not.toContain('excluded');
  });
});

describe('orderReskillingOptions', () => {
  const facts: ReskillingFacts[] = [
    { occupationUri: 'a', reachesFull: true, scoreBefore: 0.5, scoreAfter: 1, planCost: 100, totalHours: 100 },
    { occupationUri: 'b', reachesFull: false, scoreBefore: 0.6, scoreAfter: 0.9, planCost: 5, totalHours: 5 },
    { occupationUri: 'c', reachesFull: true, scoreBefore: 0.1, scoreAfter: 0.95, planCost: 40, totalHours: null },
    { occupationUri: 'd', reachesFull: true, scoreBefore: 0.9, scoreAfter: 1, planCost: 10, totalHours: 10 },
  ];
  const ids = (order: Parameters<typeof orderReskillingOptions>[1]) =>
    orderReskillingOptions(facts, order, (f) => f).map((f) => f.occupationUri);
  it('CHEAPEST_PLAN: full coverage first, then cost', () => expect(ids('CHEAPEST_PLAN')).toEqual(['d', 'c', 'a', 'b']));
  it('HIGHEST_COVERAGE: score after, then cost', () => expect(ids('HIGHEST_COVERAGE')).toEqual(['d', 'a', 'c', 'b']));
  // Gains per hour: a 0.005, b 0.06, d 0.01; c has no known duration and goes last.
  it('MOST_GAIN_PER_HOUR: gain / hours, unknown durations last', () =>
    expect(ids('MOST_GAIN_PER_HOUR')).toEqual(['b', 'd', 'a', 'c']));
});
