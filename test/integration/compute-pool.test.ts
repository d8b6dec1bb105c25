/**
 * The compute tier on real worker threads (the compiled worker, as the server runs it): a plan
 * made to be slow (STS(81) set cover) ends by its deadline with the best plan so far, a request
 * that gives up stops its worker, a worker whose plan runs away past its deadline is stopped
 * (and one whose search ends by itself is not), a plan that waited for a worker until its deadline is answered
 * by the express lane in time (without a lane it is cut off: refused as busy, or a reskilling job answered with
 * no plan), and a full queue refuses at once with SERVER_BUSY. A plan's heuristic answers reach its caller as
 * they come.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ComputePool, PLAN_STOP_GRACE_MS, RUNAWAY_PLAN_STOP_MS } from '../../src/compute/compute-pool';
import { epochNow, PLAN_CUT_OFF_REASON, PLAN_CUTOFF_GRACE_MS, type GatheredPlanning } from '../../src/domain/planning';
import { shippedBuffers, shipPlanningJob } from '../../src/compute/shipped-planning-job';
import { RequestTimeoutError } from '../../src/domain/errors';
import { packOccupationRows, resolveMatchPolicy } from '../../src/domain/coverage';
import { packStrings } from '../../src/domain/packed-strings';
import { hardGatheredPlanning } from '../support/hard-planning-job';

let pool: ComputePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function startPool(
  threads: number,
  maxQueue: number,
  solverMemoryLimitMb?: number,
  expressThreads = 0,
  filename?: string,
  heapCollectMb?: number,
  heapCollectIdleMs?: number,
): Promise<ComputePool> {
  pool = new ComputePool({
    threads,
    maxQueue,
    retryAfterSeconds: 3,
    planRetryAfterSeconds: 4,
    expressThreads,
    ...(solverMemoryLimitMb !== undefined ? { solverMemoryLimitMb } : {}),
    ...(heapCollectMb !== undefined ? { heapCollectMb } : {}),
    ...(heapCollectIdleMs !== undefined ? { heapCollectIdleMs } : {}),
    ...(filename !== undefined ? { filename } : {}),
  });
  await pool.warmUp();
  return pool;
}

/** The first twelve lines of the hard job's gap: a cover HiGHS proves optimal at once. */
function smallGatheredPlanning(): GatheredPlanning {
  const base = hardGatheredPlanning(5_000);
  const target = base.targets[0]!;
  const gap = target.gap.slice(0, 12);
  const requirements = target.requirements.slice(0, 12);
  return {
    ...base,
    targets: [{ ...target, gap, requirements }],
  };
}

/**
 * Starts a one-second plan on the pool's only solver worker and waits until the worker has it;
 * `ahead` settles when that plan ends.
 */
async function occupyTheWorker(compute: ComputePool): Promise<{ ahead: Promise<unknown> }> {
  const ahead = compute.runPlanning({
    kind: 'recommend',
    gathered: hardGatheredPlanning(1_000),
    deadline: epochNow() + 1_000,
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { ahead };
}

describe('compute pool', () => {
  it('ends a plan made to be slow by its deadline + 100 ms, with the best plan so far and its bound', async () => {
    const compute = await startPool(1, 4);
    // The default PLAN_TIME_LIMIT_MS.
    const limitMs = 1_000;
    const gathered = hardGatheredPlanning(limitMs);
    const started = epochNow();
    // The heuristic answers reach the caller as they come (a reply prefetches their courses).
    const provisional: { at: number; steps: number }[] = [];
    const result = await compute.runPlanning(
      { kind: 'recommend', gathered, deadline: started + limitMs },
      undefined,
      (answer) =>
        provisional.push({ at: epochNow(), steps: answer.kind === 'recommend' ? answer.plan.steps.length : 0 }),
    );
    const elapsed = epochNow() - started;
    expect(elapsed).toBeLessThanOrEqual(limitMs + 100);
    expect(provisional.length).toBeGreaterThan(0);
    expect(provisional[0]!.at).toBeLessThan(started + limitMs);
    expect(provisional.every((p) => p.steps > 0)).toBe(true);
    expect(result.kind).toBe('recommend');
    if (result.kind !== 'recommend') return;
    expect(result.plan.optimal).toBe(false);
    expect(result.plan.uncoveredWithinBudget).toEqual([]);
    expect(result.plan.lowerBound!).toBeLessThanOrEqual(result.plan.objectiveValue);
    expect(PLAN_STOP_GRACE_MS).toBeLessThan(100);
    // Whether the search answered just before the deadline or its heuristic answer at it, the
    // worker was not stopped: it ends its own search, and the next task runs on it.
    const next = await compute.runPlanning({ kind: 'input', gathered, deadline: epochNow() + 5_000 });
    expect(next.kind).toBe('input');
    expect(compute.stats().threadsStarted).toBe(1);
    expect(compute.stats().finished.get('planning:runaway')).toBeUndefined();
  });

  it('stops a worker whose search runs away past its deadline, after answering with its heuristic answer', async () => {
    const compute = await startPool(1, 4, undefined, 0, path.join(__dirname, '../support/runaway-compute-worker.cjs'));
    const started = epochNow();
    const result = await compute.runPlanning({
      kind: 'recommend',
      gathered: smallGatheredPlanning(),
      deadline: started + 200,
    });
    expect(epochNow() - started).toBeLessThan(200 + 100);
    expect(result).toEqual({ kind: 'input', input: { from: 'the heuristic answer' } });
    expect(compute.stats().finished.get('planning:runaway')).toBeUndefined();
    // A second after the deadline the worker, still busy, is stopped and replaced.
    await new Promise((resolve) => setTimeout(resolve, 200 + RUNAWAY_PLAN_STOP_MS + 300 - (epochNow() - started)));
    expect(compute.stats().finished.get('planning:runaway')).toBe(1);
    await expect.poll(() => compute.stats().threadsStarted, { timeout: 5_000 }).toBe(2);
  });

  it('stops the worker of a request that gives up, and keeps serving', async () => {
    const compute = await startPool(1, 4);
    const gathered = hardGatheredPlanning(60_000);
    const controller = new AbortController();
    const timeout = new RequestTimeoutError('The request did not complete within 200 ms');
    setTimeout(() => controller.abort(timeout), 200);
    const started = epochNow();
    await expect(
      compute.runPlanning({ kind: 'recommend', gathered, deadline: started + 60_000 }, controller.signal),
    ).rejects.toBe(timeout);
    expect(epochNow() - started).toBeLessThan(1_000);
    expect(compute.stats().finished.get('planning:aborted')).toBe(1);
    // A fresh worker replaced the stopped one.
    const next = await compute.runPlanning({ kind: 'input', gathered, deadline: epochNow() + 5_000 });
    expect(next.kind).toBe('input');
    expect(compute.stats().threadsStarted).toBe(2);
  });

  it("reports its workers' memory, and recycles a solver whose memory passed the limit", async () => {
    // HiGHS starts with about 20 MB of WebAssembly memory: a 1 MB limit recycles after every task.
    const recycling = await startPool(1, 4, 1);
    const afterWarmUp = recycling.stats();
    expect(afterWarmUp.solverRecycles).toBe(1);
    expect(afterWarmUp.workerMemory.solverBytes).toBeGreaterThan(2 ** 20);
    expect(afterWarmUp.workerMemory.heapTotalBytes).toBeGreaterThanOrEqual(afterWarmUp.workerMemory.heapUsedBytes);
    const gathered = smallGatheredPlanning();
    for (let round = 0; round < 2; round += 1) {
      // Each plan is solved by a runtime loaded after the previous task dropped its own.
      const result = await recycling.runPlanning({ kind: 'recommend', gathered, deadline: epochNow() + 5_000 });
      expect(result.kind).toBe('recommend');
      if (result.kind !== 'recommend') return;
      expect(result.plan.optimal).toBe(true);
      expect(result.plan.uncoveredWithinBudget).toEqual([]);
    }
    expect(recycling.stats().solverRecycles).toBe(3);
    await recycling.close();

    // With no limit (the pool's default), the warmed-up runtime stays.
    const keeping = await startPool(1, 4);
    await keeping.runPlanning({ kind: 'recommend', gathered, deadline: epochNow() + 5_000 });
    expect(keeping.stats().solverRecycles).toBe(0);
    expect(keeping.stats().workerMemory.solverBytes).toBeGreaterThan(2 ** 20);
  });

  it('gives solver workers the configured young generation and the express lane its own small one', async () => {
    pool = new ComputePool({ threads: 2, maxQueue: 4, expressThreads: 1, workerYoungGenerationMb: 16 });
    await pool.warmUp();
    expect(pool.youngGenerationsMb()).toEqual([16, 16, 8]);
    await pool.close();
    // Without the setting, solver workers run with V8's own (48 MB on 64-bit machines).
    pool = new ComputePool({ threads: 1, maxQueue: 4 });
    await pool.warmUp();
    const [own] = pool.youngGenerationsMb();
    expect(own).toBeGreaterThan(16);
  });

  it('collects a worker heap grown past its limit once the worker is idle, so the next reading is smaller', async () => {
    // A ranking of 300,000 candidates: their ids and scores grow the worker's heap well past 16 MB.
    const learners = 300_000;
    const ranking = () => ({
      requirements: [{ skillUri: 's', relation: 'ESSENTIAL' as const }],
      links: [],
      evidence: {
        skillUris: ['s'],
        learnerIds: packStrings(Array.from({ length: learners }, (_, i) => `learner-${i}`)),
        offsets: Int32Array.from({ length: learners + 1 }, (_, i) => i),
        skills: new Int32Array(learners),
        kinds: new Uint8Array(learners),
      },
      policy: resolveMatchPolicy({}, new Date()),
      minScore: 0,
      offset: 0,
      limit: 10,
    });
    // A long idle time, so that a loaded machine's pause between two tasks is not mistaken for idleness.
    const idleMs = 1_500;
    const collecting = await startPool(1, 4, undefined, 0, undefined, 16, idleMs);
    // Built first, as the pool transfers their buffers to the worker.
    const tasks = [ranking(), ranking()];
    // Tasks back to back (both queued at once): no collection takes the thread from them.
    const backToBack = await Promise.all(tasks.map((task) => collecting.rankCandidates(task)));
    expect(backToBack.map((answer) => answer.totalCount)).toEqual([learners, learners]);
    expect(collecting.stats().heapCollections).toBe(0);
    const grown = collecting.stats();
    expect(grown.workerMemory.heapTotalBytes).toBeGreaterThan(16 * 2 ** 20);
    // Idle past that time, the worker collects; its next answer reports it.
    await new Promise((resolve) => setTimeout(resolve, idleMs + 400));
    await collecting.runPlanning({
      kind: 'recommend',
      gathered: smallGatheredPlanning(),
      deadline: epochNow() + 5_000,
    });
    expect(collecting.stats().heapCollections).toBeGreaterThanOrEqual(1);
    // The next task found the garbage gone and the heap given back.
    const after = collecting.stats().workerMemory;
    expect(after.heapUsedBytes).toBeLessThan(grown.workerMemory.heapUsedBytes / 2);
    expect(after.heapTotalBytes).toBeLessThan(grown.workerMemory.heapTotalBytes);
    await collecting.close();

    // Without a limit (the pool's default) nothing is collected on purpose.
    const keeping = await startPool(1, 4);
    await keeping.rankCandidates(ranking());
    await new Promise((resolve) => setTimeout(resolve, 600));
    await keeping.rankCandidates(ranking());
    expect(keeping.stats().workerMemory.heapTotalBytes).toBeGreaterThan(16 * 2 ** 20);
    expect(keeping.stats().heapCollections).toBe(0);
  });

  it('answers a plan still waiting for a worker at its deadline from the express lane, in time', async () => {
    const compute = await startPool(1, 4, undefined, 1);
    const gathered = hardGatheredPlanning(1_500);
    // The only worker is busy for 1.5 s.
    const ahead = compute.runPlanning({ kind: 'recommend', gathered, deadline: epochNow() + 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = epochNow();
    // A plan of the usual size (12 gap skills) behind it, due in 300 ms.
    const small = smallGatheredPlanning();
    const late = await compute.runPlanning({ kind: 'recommend', gathered: small, deadline: started + 300 });
    expect(epochNow() - started).toBeLessThanOrEqual(300 + 100);
    if (late.kind !== 'recommend') throw new Error('wrong kind');
    // No solver ran: the set-cover search proved the plan on the lane's thread.
    expect(late.plan).toMatchObject({
      optimal: true,
      solver: 'cover-search',
      uncoverable: [],
      uncoveredWithinBudget: [],
    });
    expect(late.plan.coveredSkills).toHaveLength(12);
    expect(late.plan.lowerBound).toBe(late.plan.objectiveValue);
    expect(compute.stats().finished.get('planning:late')).toBe(1);
    expect(compute.stats().finished.get('late-planning:ok')).toBe(1);
    // The plan ahead kept its worker and ends by its own deadline.
    const first = await ahead;
    expect(first.kind === 'recommend' && first.plan.uncoveredWithinBudget).toEqual([]);
    expect(compute.stats().finished.get('planning:aborted')).toBeUndefined();
    // A solver worker, now free, finds a plan of the same cost.
    const onWorker = await compute.runPlanning({ kind: 'recommend', gathered: small, deadline: epochNow() + 5_000 });
    expect(onWorker.kind === 'recommend' && onWorker.plan.optimal).toBe(true);
    expect(onWorker.kind === 'recommend' && onWorker.plan.objectiveValue).toBe(late.plan.objectiveValue);
  });

  it('ranks on the express lane while every solver worker is busy, and on a solver worker when one is free', async () => {
    const compute = await startPool(1, 4, undefined, 1);
    const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));
    // A fresh input per call: the candidates' buffer is transferred to the worker.
    const input = () => ({
      evidence: [{ skillUri: 'test:a', source: { kind: 'STATED' as const } }],
      reachable: ['test:a'],
      links: [],
      candidates: packOccupationRows(
        [
          {
            uri: 'test:occupation',
            essentialCount: 2,
            optionalCount: 0,
            matched: [{ skillUri: 'test:a', relation: 'ESSENTIAL' as const }],
          },
        ],
        ['test:a'],
      ),
      policy,
      first: 10,
    });
    const free = await compute.rankOccupations(input());
    expect(free.best.map((o) => o.occupationUri)).toEqual(['test:occupation']);
    expect(free.totalCount).toBe(1);
    const { ahead } = await occupyTheWorker(compute);
    const started = epochNow();
    const busy = await compute.rankOccupations(input());
    // Not behind the plan (which holds the only solver worker for a second).
    expect(epochNow() - started).toBeLessThan(300);
    expect(busy).toEqual(free);
    expect(compute.stats().finished.get('rank-occupations:ok')).toBe(2);
    await ahead;
  });

  it('without an express lane, refuses a single plan no worker took by its cutoff as busy, and takes it out of the queue', async () => {
    const compute = await startPool(1, 4);
    const { ahead } = await occupyTheWorker(compute);
    const started = epochNow();
    const refusal = await compute
      .runPlanning({ kind: 'recommend', gathered: smallGatheredPlanning(), deadline: started + 300 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const elapsed = epochNow() - started;
    // `limit`: the request's time limit (5 s in the small job, which is given an earlier deadline) and the grace.
    expect(refusal).toMatchObject({
      code: 'SERVER_BUSY',
      // A plan refused: plan admission's retry advice, not the compute queue's.
      details: { reason: PLAN_CUT_OFF_REASON, limit: 5_000 + PLAN_CUTOFF_GRACE_MS, retryAfterSeconds: 4 },
    });
    // Not behind the plan that holds the only worker for a second: refused at its cutoff.
    expect(elapsed).toBeGreaterThanOrEqual(300 + PLAN_CUTOFF_GRACE_MS - 5);
    expect(elapsed).toBeLessThanOrEqual(300 + 100);
    expect(compute.stats().finished.get('planning:cutoff')).toBe(1);
    expect(compute.stats().queued).toBe(0);
    // The same for nextCourses' single-course ranking.
    await expect(
      compute.runPlanning({ kind: 'next', gathered: smallGatheredPlanning(), first: 5, deadline: epochNow() + 200 }),
    ).rejects.toMatchObject({ code: 'SERVER_BUSY', details: { reason: PLAN_CUT_OFF_REASON } });
    expect(compute.stats().finished.get('planning:cutoff')).toBe(2);
    await ahead;
  });

  it('answers an express-lane task reached after its cutoff at once, without planning it', async () => {
    const compute = await startPool(1, 4);
    const job = { kind: 'recommend' as const, gathered: hardGatheredPlanning(1_000), deadline: epochNow() - 100 };
    const { courses, targets, shipped } = await shipPlanningJob(job);
    const started = epochNow();
    const answer = await compute.run(
      { kind: 'late-planning', job: shipped, courses, targets, stopAt: job.deadline, abandonAt: job.deadline + 40 },
      undefined,
      shippedBuffers({ courses, targets }),
    );
    expect(answer.kind).toBe('abandoned');
    // Answered without unpacking or preparing the job.
    expect(epochNow() - started).toBeLessThan(50);
    expect(compute.stats().finished.get('late-planning:abandoned')).toBe(1);
    // Still due, the same job is planned.
    const due = await shipPlanningJob(job);
    const planned = await compute.run(
      {
        kind: 'late-planning',
        job: due.shipped,
        courses: due.courses,
        targets: due.targets,
        stopAt: job.deadline,
        abandonAt: epochNow() + 60_000,
      },
      undefined,
      shippedBuffers(due),
    );
    expect(planned.kind === 'planning' && planned.result.kind).toBe('recommend');
  });

  it('answers a reskilling job no worker took by its deadline at its cutoff, with no plan, and takes it out of the queue', async () => {
    const compute = await startPool(1, 4);
    const { ahead } = await occupyTheWorker(compute);
    const started = epochNow();
    const small = smallGatheredPlanning();
    const ranked = ['o1', 'o2'].map((occupationUri) => ({
      occupationUri,
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0,
    }));
    const answer = await compute.runPlanning({
      kind: 'reskilling',
      gathered: { ...small, targets: [small.targets[0]!, small.targets[0]!] },
      ranked,
      first: 2,
      order: 'CHEAPEST_PLAN',
      deadline: started + 300,
    });
    const elapsed = epochNow() - started;
    // Unlike a single plan (the test above), it does not wait for the worker.
    expect(elapsed).toBeGreaterThanOrEqual(300 + PLAN_CUTOFF_GRACE_MS - 5);
    expect(elapsed).toBeLessThanOrEqual(300 + 100);
    expect(answer).toEqual({ kind: 'reskilling', options: [], planned: 0, considered: 2 });
    expect(compute.stats().finished.get('planning:cutoff')).toBe(1);
    // It left the queue, where it waited behind the plan that still holds the only worker.
    expect(compute.stats().queued).toBe(0);
    await ahead;
  });

  it('refuses at once with SERVER_BUSY and retry advice when the queue is full', async () => {
    const compute = await startPool(1, 1);
    const gathered = hardGatheredPlanning(1_000);
    const slow = (ms: number) => compute.runPlanning({ kind: 'recommend', gathered, deadline: epochNow() + ms });
    const running = slow(1_000);
    // Its deadline leaves it time to run after the first one.
    const waiting = slow(5_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = epochNow();
    await expect(slow(1_000)).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      details: { limit: 1, retryAfterSeconds: 3 },
    });
    expect(epochNow() - started).toBeLessThan(50);
    expect(compute.stats().finished.get('planning:busy')).toBe(1);
    expect(compute.stats().queued).toBe(1);
    // The admitted ones still get their plans.
    expect((await running).kind).toBe('recommend');
    expect((await waiting).kind).toBe('recommend');
  });

  it('with no queue, runs a task while a thread is free and refuses one when none is', async () => {
    const compute = await startPool(1, 0);
    const plan = () =>
      compute.runPlanning({ kind: 'recommend', gathered: smallGatheredPlanning(), deadline: epochNow() + 1_000 });
    // Sent together: the first takes the only thread, the second finds none free and no queue.
    const first = plan();
    const second = plan();
    await expect(second).rejects.toMatchObject({ code: 'SERVER_BUSY' });
    expect((await first).kind).toBe('recommend');
    // The thread is free again.
    expect((await plan()).kind).toBe('recommend');
    expect(compute.stats().finished.get('planning:busy')).toBe(1);
  });
});
