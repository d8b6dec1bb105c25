import { beforeAll, describe, expect, it } from 'vitest';
import { epochNow, runLatePlanningJob, runPlanningJob, type PlanningJobResult } from './planning-job';
import { greedyPlan } from './greedy-plan';
import { warmUpPlanner } from './warm-up-planner';
import { hardGatheredPlanning, largeGatheredPlanning, steinerTriples } from '../../../test/support/hard-planning-job';
import { QUICK_PLAN_MIN_CANDIDATES } from './quick-plan';
import { PreparationCosts } from './preparation-costs';

/**
 * A recommend job due in `limitMs` whose clock jumps 10 s ahead at its first report, as on a worker
 * starved of CPU: the job's answer and its reports.
 */
async function recommendWithClockJump(
  gathered: ReturnType<typeof hardGatheredPlanning>,
  limitMs: number,
): Promise<{ result: PlanningJobResult; reported: PlanningJobResult[] }> {
  let skew = 0;
  const reported: PlanningJobResult[] = [];
  const result = await runPlanningJob(
    { kind: 'recommend', gathered, deadline: epochNow() + limitMs },
    () => epochNow() + skew,
    (fallback) => {
      reported.push(fallback);
      skew = 10_000;
    },
  );
  return { result, reported };
}

describe('runPlanningJob deadlines', () => {
  // As in a compute worker, the solver is compiled and warm before the first job.
  beforeAll(warmUpPlanner);

  it('builds the STS(81) instance: 1,080 lines, every pair of points on exactly one', () => {
    const triples = steinerTriples();
    expect(triples).toHaveLength(1080);
    const pairs = new Set<string>();
    for (const [a, b, c] of triples) for (const pair of [`${a},${b}`, `${a},${c}`, `${b},${c}`]) pairs.add(pair);
    expect(pairs.size).toBe((81 * 80) / 2);
  });

  it('reports a first-pass answer when the plan is not proven quickly, then returns the better plan with a valid bound', async () => {
    const limitMs = 300;
    const gathered = hardGatheredPlanning(limitMs);
    const fallbacks: PlanningJobResult[] = [];
    const result = await runPlanningJob(
      { kind: 'recommend', gathered, deadline: epochNow() + limitMs },
      undefined,
      (fallback) => fallbacks.push(fallback),
    );
    expect(fallbacks).toHaveLength(1);
    const firstPass = fallbacks[0]!.kind === 'recommend' ? fallbacks[0]!.plan : undefined;
    expect(firstPass?.optimal).toBe(false);
    expect(firstPass?.uncoveredWithinBudget).toEqual([]);
    expect(result.kind).toBe('recommend');
    if (result.kind !== 'recommend') return;
    const { plan } = result;
    expect(plan.optimal).toBe(false);
    // Every line is covered by the plan: a full cover, one hour per point, never worse than greedy.
    expect(plan.uncoverable).toEqual([]);
    expect(plan.uncoveredWithinBudget).toEqual([]);
    expect(plan.objectiveValue).toBe(plan.steps.length);
    expect(plan.objectiveValue).toBeLessThanOrEqual(firstPass!.objectiveValue);
    expect(plan.lowerBound).not.toBeNull();
    expect(plan.lowerBound!).toBeLessThanOrEqual(plan.objectiveValue);
  });

  it('skips the second pass when the first one ended past the deadline, answering with the first', async () => {
    const { result, reported } = await recommendWithClockJump(hardGatheredPlanning(300), 300);
    expect(reported).toHaveLength(1);
    if (result.kind !== 'recommend' || reported[0]!.kind !== 'recommend') throw new Error('wrong kind');
    // The very plan the first pass reported: no second solve replaced it.
    expect(result.plan).toBe(reported[0]!.plan);
    expect(result.plan.optimal).toBe(false);
  });

  it('answers with the quick plan when preparing the large problem used up the time', async () => {
    const { result, reported } = await recommendWithClockJump(largeGatheredPlanning(1_000), 1_000);
    if (result.kind !== 'recommend' || reported[0]?.kind !== 'recommend') throw new Error('wrong kind');
    expect(reported[0]!.plan.solver).toBe('greedy');
    // No plan over the prepared problem was made after the time ran out: the quick plan stands.
    expect(result.plan).toBe(reported[0]!.plan);
  });

  it('a job already past its deadline still answers at once with the greedy plan', async () => {
    const gathered = hardGatheredPlanning(50);
    const started = epochNow();
    const result = await runPlanningJob({ kind: 'recommend', gathered, deadline: started - 1 });
    // No search at all: well under the 50 ms plan it was given plus the fixed work of 1,080 skills.
    expect(epochNow() - started).toBeLessThan(1_000);
    expect(result.kind === 'recommend' && result.plan.solver).toBe('greedy');
    expect(result.kind === 'recommend' && result.plan.optimal).toBe(false);
    expect(result.kind === 'recommend' && result.plan.steps.length).toBeGreaterThan(27);
  });

  it('a reskilling job out of time answers at once with the candidates planned so far', async () => {
    const one = hardGatheredPlanning(50);
    const gathered = { ...one, targets: [one.targets[0]!, one.targets[0]!, one.targets[0]!] };
    const ranked = ['o1', 'o2', 'o3'].map((occupationUri) => ({
      occupationUri,
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0,
    }));
    const job = { kind: 'reskilling', gathered, ranked, first: 3, order: 'CHEAPEST_PLAN' } as const;
    const reports: number[] = [];
    const late = await runPlanningJob({ ...job, deadline: epochNow() - 1 }, undefined, (fallback) =>
      reports.push(fallback.kind === 'reskilling' ? fallback.options.length : -1),
    );
    // The first target is always planned; the job then ends itself instead of planning the others
    // past its deadline (where its caller would stop the worker).
    expect(late.kind === 'reskilling' && late.options.map((o) => o.occupationUri)).toEqual(['o1']);
    // ... and says how many of the candidates it planned.
    expect(late.kind === 'reskilling' && [late.planned, late.considered]).toEqual([1, 3]);
    expect(reports).toEqual([]);
    // With time left every target is planned.
    const inTime = await runPlanningJob({ ...job, deadline: epochNow() + 30_000 }, undefined, () => undefined);
    expect(inTime.kind === 'reskilling' && inTime.options.map((o) => o.occupationUri).sort()).toEqual([
      'o1',
      'o2',
      'o3',
    ]);
    expect(inTime.kind === 'reskilling' && [inTime.planned, inTime.considered]).toEqual([3, 3]);
    // Fewer options asked for than planned: the count is still of the candidates planned.
    const firstOne = await runPlanningJob({ ...job, first: 1, deadline: epochNow() + 30_000 });
    expect(firstOne.kind === 'reskilling' && [firstOne.options.length, firstOne.planned]).toEqual([1, 3]);
  });

  it('a problem too large to prepare in time answers first with the quick plan of courses without prerequisites', async () => {
    const gathered = largeGatheredPlanning(1_000);
    expect(gathered.candidates.length).toBeGreaterThanOrEqual(QUICK_PLAN_MIN_CANDIDATES);
    const withPrerequisites = new Set(gathered.candidates.filter((c) => c.prerequisites.length > 0).map((c) => c.id));
    const started = epochNow();
    const deadline = started + 3_000;
    const reports: { at: number; result: PlanningJobResult }[] = [];
    const result = await runPlanningJob({ kind: 'recommend', gathered, deadline }, undefined, (fallback) =>
      reports.push({ at: epochNow(), result: fallback }),
    );
    expect(reports.length).toBeGreaterThan(0);
    const first = reports[0]!;
    expect(first.at).toBeLessThan(deadline);
    if (first.result.kind !== 'recommend' || result.kind !== 'recommend') throw new Error('wrong kind');
    const quick = first.result.plan;
    expect(quick).toMatchObject({ optimal: false, solver: 'greedy', uncoverable: [], uncoveredWithinBudget: [] });
    expect(quick.steps.some((step) => withPrerequisites.has(step.credentialId))).toBe(false);
    // Its bound is the quick plan's: 1,080 lines, each with a cheapest share of 1/40 hour (a 1-hour
    // course covering 40 lines), so every full cover takes 27 hours at least.
    expect(quick.lowerBound).toBe(27);
    // Its bound holds for the whole problem: no plan found later is cheaper than it.
    expect(quick.lowerBound).toBeLessThanOrEqual(result.plan.objectiveValue);
    expect(result.plan.objectiveValue).toBeLessThanOrEqual(quick.objectiveValue);
  });

  it('keeps the quick plan rather than start a preparation that would end past the deadline', async () => {
    const gathered = largeGatheredPlanning(2_000);
    // A thread that measured slow preparations: 7,000 courses would take minutes.
    const slow = new PreparationCosts();
    for (let i = 0; i < 20; i += 1) slow.observe('catalogue', 1_000, 60_000);
    const started = epochNow();
    const reports: PlanningJobResult[] = [];
    const result = await runPlanningJob(
      { kind: 'recommend', gathered, deadline: started + 2_000 },
      undefined,
      (fallback) => reports.push(fallback),
      { costs: slow },
    );
    if (result.kind !== 'recommend' || reports[0]?.kind !== 'recommend') throw new Error('wrong kind');
    // The quick plan is the answer, and nothing was prepared after it.
    expect(result.plan).toBe(reports[0].plan);
    expect(result.plan.solver).toBe('greedy');
    expect(epochNow() - started).toBeLessThan(1_000);
    // A thread that measured fast preparations prepares the same job and searches it.
    const fast = new PreparationCosts();
    for (let i = 0; i < 20; i += 1) fast.observe('catalogue', 1_000, 0);
    const searched = await runPlanningJob(
      { kind: 'recommend', gathered, deadline: epochNow() + 2_000 },
      undefined,
      () => undefined,
      { costs: fast },
    );
    if (searched.kind !== 'recommend') throw new Error('wrong kind');
    expect(searched.plan.solver).not.toBe('greedy');
    expect(searched.plan.lowerBound).toBeGreaterThan(result.plan.lowerBound);
  });

  it('makes a quick plan first for a small catalogue too when this thread prepares slowly', async () => {
    const gathered = hardGatheredPlanning(2_000);
    expect(gathered.candidates.length).toBeLessThan(QUICK_PLAN_MIN_CANDIDATES);
    const slow = new PreparationCosts();
    for (let i = 0; i < 20; i += 1) slow.observe('target', 1_000, 100_000);
    const reports: PlanningJobResult[] = [];
    const result = await runPlanningJob(
      { kind: 'recommend', gathered, deadline: epochNow() + 2_000 },
      undefined,
      (fallback) => reports.push(fallback),
      { costs: slow },
    );
    if (result.kind !== 'recommend' || reports[0]?.kind !== 'recommend') throw new Error('wrong kind');
    expect(reports[0].plan).toMatchObject({ solver: 'greedy', optimal: false, uncoveredWithinBudget: [] });
    expect(result.plan).toBe(reports[0].plan);
  });

  it('plans each reskilling target as recommending it alone does', async () => {
    const whole = hardGatheredPlanning(5_000);
    const target = (from: number) => {
      const gap = whole.targets[0]!.gap.slice(from, from + 5);
      return {
        ...whole.targets[0]!,
        gap,
        requirements: gap.map((g) => ({ skillUri: g.skillUri, relation: 'ESSENTIAL' as const })),
      };
    };
    const [a, b] = [target(0), target(500)];
    const ranked = ['oa', 'ob'].map((occupationUri) => ({
      occupationUri,
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0,
    }));
    const reskilling = await runPlanningJob({
      kind: 'reskilling',
      gathered: { ...whole, targets: [a, b] },
      ranked,
      first: 2,
      order: 'CHEAPEST_PLAN',
      deadline: epochNow() + 5_000,
    });
    expect(reskilling.kind).toBe('reskilling');
    if (reskilling.kind !== 'reskilling') return;
    for (const [occupationUri, alone] of [
      ['oa', a],
      ['ob', b],
    ] as const) {
      const recommended = await runPlanningJob({
        kind: 'recommend',
        gathered: { ...whole, targets: [alone] },
        deadline: epochNow() + 5_000,
      });
      if (recommended.kind !== 'recommend') throw new Error('a recommend job answered otherwise');
      const option = reskilling.options.find((o) => o.occupationUri === occupationUri)!;
      expect(option.plan.optimal && recommended.plan.optimal).toBe(true);
      expect(option.plan.objectiveValue).toBe(recommended.plan.objectiveValue);
      expect(option.plan.steps.map((step) => step.credentialId)).toEqual(
        recommended.plan.steps.map((step) => step.credentialId),
      );
    }
  });
});

describe('runLatePlanningJob (the express lane: no solver)', () => {
  const ranked = ['o1', 'o2', 'o3'].map((occupationUri) => ({
    occupationUri,
    score: 0,
    essentialCoverage: 0,
    optionalCoverage: 0,
  }));

  it('answers a recommend job with the greedy plan of the whole problem and a bound that holds', async () => {
    const gathered = hardGatheredPlanning(1_000);
    const result = runLatePlanningJob({ kind: 'recommend', gathered, deadline: epochNow() - 1 }, epochNow() - 1);
    if (result.kind !== 'recommend') throw new Error('wrong kind');
    const { plan } = result;
    expect(plan).toMatchObject({ optimal: false, solver: 'greedy', uncoverable: [], uncoveredWithinBudget: [] });
    // The same plan as the greedy planner given the problem directly.
    const greedy = greedyPlan({
      gap: gathered.targets[0]!.gap,
      courses: gathered.candidates.map((course) => {
        const taught = course.teaches.map((link) => link.uri);
        return {
          id: course.id,
          hours: course.hours,
          price: null,
          ects: null,
          covers: taught,
          teaches: taught,
          prerequisites: [],
        };
      }),
      objective: 'HOURS',
      budgets: gathered.request.budgets,
      timeLimitMs: 1_000,
    });
    expect(plan.objectiveValue).toBe(greedy.objectiveValue);
    expect(new Set(plan.steps.map((step) => step.credentialId))).toEqual(
      new Set(greedy.steps.map((step) => step.courseId)),
    );
    // STS(81): the optimum is at least 27 points (each covers 40 of the 1,080 lines), so a valid
    // bound lies between the combinatorial floor and the plan.
    expect(plan.lowerBound!).toBeGreaterThanOrEqual(27);
    expect(plan.lowerBound!).toBeLessThanOrEqual(plan.objectiveValue);
    // Coverage along the steps reaches every line.
    expect(plan.coverageAfter.essentialCoverage).toBe(1);
  });

  it('plans reskilling targets until its stop time, the first always, and all of them with time left', () => {
    const one = hardGatheredPlanning(50);
    const gathered = { ...one, targets: [one.targets[0]!, one.targets[0]!, one.targets[0]!] };
    const job = { kind: 'reskilling', gathered, ranked, first: 3, order: 'CHEAPEST_PLAN', deadline: 0 } as const;
    const out = runLatePlanningJob(job, epochNow() - 1);
    expect(out.kind === 'reskilling' && out.options.map((o) => o.occupationUri)).toEqual(['o1']);
    expect(out.kind === 'reskilling' && [out.planned, out.considered]).toEqual([1, 3]);
    // STS(81) is beyond the set-cover search: each target's search spends its share of the time
    // (a third, then half of what is left, then the rest) and the greedy plan or the search's
    // best cover answers.
    const started = epochNow();
    const all = runLatePlanningJob(job, started + 1_500);
    if (all.kind !== 'reskilling') throw new Error('wrong kind');
    expect(all.options.map((o) => o.occupationUri).sort()).toEqual(['o1', 'o2', 'o3']);
    expect([all.planned, all.considered]).toEqual([3, 3]);
    for (const option of all.options) {
      expect(['greedy', 'cover-search-incumbent']).toContain(option.plan.solver);
      expect(option.plan.optimal).toBe(false);
      expect(option.reachesFull).toBe(true);
      expect(option.plan.lowerBound!).toBeGreaterThanOrEqual(27);
    }
  });

  it('proves plans optimal without a solver when the set-cover search settles them', async () => {
    const whole = hardGatheredPlanning(5_000);
    const gap = whole.targets[0]!.gap.slice(0, 12);
    const target = {
      ...whole.targets[0]!,
      gap,
      requirements: gap.map((g) => ({ skillUri: g.skillUri, relation: 'ESSENTIAL' as const })),
    };
    const gathered = { ...whole, targets: [target] };
    const late = runLatePlanningJob({ kind: 'recommend', gathered, deadline: 0 }, epochNow() + 5_000);
    const exact = await runPlanningJob({ kind: 'recommend', gathered, deadline: epochNow() + 5_000 });
    if (late.kind !== 'recommend' || exact.kind !== 'recommend') throw new Error('wrong kind');
    expect(late.plan).toMatchObject({ optimal: true, solver: 'cover-search', uncoveredWithinBudget: [] });
    expect(exact.plan.optimal).toBe(true);
    expect(late.plan.objectiveValue).toBe(exact.plan.objectiveValue);
    expect(late.plan.lowerBound).toBe(late.plan.objectiveValue);
  });

  it('answers a problem too large to prepare in time with the quick plan of courses without prerequisites', () => {
    const gathered = largeGatheredPlanning(1_000);
    const withPrerequisites = new Set(gathered.candidates.filter((c) => c.prerequisites.length > 0).map((c) => c.id));
    const result = runLatePlanningJob({ kind: 'recommend', gathered, deadline: 0 }, 0);
    if (result.kind !== 'recommend') throw new Error('wrong kind');
    expect(result.plan).toMatchObject({ optimal: false, solver: 'greedy', uncoveredWithinBudget: [] });
    expect(result.plan.steps.some((step) => withPrerequisites.has(step.credentialId))).toBe(false);
    // The quick plan's bound: 1,080 lines × a cheapest share of 1/40 hour.
    expect(result.plan.lowerBound).toBe(27);
  });
});
