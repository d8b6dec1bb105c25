import { describe, expect, it } from 'vitest';
import { deserialize } from 'node:v8';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { warmUpLatePlanning } from '../../../src/compute/late-planning-warm-up';
import {
  latePlanningTask,
  shippedBuffers,
  shipPlanningJob,
  shipPlanningJobNow,
  unshipPlanningJob,
  wasTransferred,
} from '../../../src/compute/shipped-planning-job';
import {
  epochNow,
  PLAN_CUTOFF_GRACE_MS,
  PLAN_REPLY_MARGIN_MS,
  unpackCourses,
  type GatheredTarget,
  type PlanningJob,
} from '../../../src/domain/planning';
import { hardGatheredPlanning } from '../../support/hard-planning-job';

/** A 200-target planning job over the hard instance's 81 courses (each target a slice of its gap). */
function manyTargetJob(candidates = true): PlanningJob {
  const base = hardGatheredPlanning(1_000);
  const target = base.targets[0]!;
  const targets: GatheredTarget[] = Array.from({ length: 200 }, (_, i) => ({
    ...target,
    gap: target.gap.slice(i % 50, (i % 50) + 12),
    requirements: target.requirements.slice(i % 50, (i % 50) + 12),
  }));
  return {
    kind: 'recommend',
    gathered: { ...base, targets, candidates: candidates ? base.candidates : [] },
    deadline: epochNow() + 1_000,
  };
}

/** Posts `message` over a real message channel with `transfer`, as piscina posts a task. */
async function post<T>(message: T, transfer: ArrayBuffer[]): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  const received = new Promise<T>((resolve) => (port2 as MessagePort).once('message', resolve));
  port1.postMessage(message, transfer);
  const value = await received;
  port1.close();
  return value;
}

describe('shipPlanningJob', () => {
  it('hands the targets and course columns over when posted: the receiver reads them, the sender keeps none', async () => {
    const job = manyTargetJob();
    const shipped = await shipPlanningJob(job);
    expect(wasTransferred(job, shipped)).toBe(false);
    const bytesBefore = shipped.targets.reduce((sum, bytes) => sum + bytes.byteLength, 0);

    const received = await post({ courses: shipped.courses, targets: shipped.targets }, shippedBuffers(shipped));

    // Moved, not copied: every buffer here is detached.
    expect(shipped.targets.every((bytes) => bytes.byteLength === 0)).toBe(true);
    expect(shipped.courses.numbers.length).toBe(0);
    expect(wasTransferred(job, shipped)).toBe(true);
    // What arrived is the job's targets and courses.
    expect(received.targets.reduce((sum, bytes) => sum + bytes.byteLength, 0)).toBe(bytesBefore);
    expect(received.targets.map((bytes) => deserialize(bytes))).toEqual(job.gathered.targets);
    expect(unpackCourses(received.courses).map((course) => course.id)).toEqual(
      job.gathered.candidates.map((course) => course.id),
    );
  });

  it('knows a job without candidate courses was handed over from its targets alone', async () => {
    const job = manyTargetJob(false);
    const shipped = await shipPlanningJob(job);
    expect(wasTransferred(job, shipped)).toBe(false);
    await post({ targets: shipped.targets }, shippedBuffers(shipped));
    expect(wasTransferred(job, shipped)).toBe(true);
    // Shipped again (the express lane's case), it is whole.
    const again = await shipPlanningJob(job);
    expect(again.targets.map((bytes) => deserialize(bytes))).toEqual(job.gathered.targets);
  });

  it('gives every target a buffer of its own, so one transfer list holds each once', async () => {
    const shipped = await shipPlanningJob(manyTargetJob());
    const buffers = shippedBuffers(shipped);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const bytes of shipped.targets) expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
  });
});

describe('shipPlanningJob, stopped', () => {
  it('rejects with the reason of its aborted signal instead of packing the rest', async () => {
    const controller = new AbortController();
    const shipping = shipPlanningJob(manyTargetJob(), controller.signal);
    controller.abort(new Error('answered without it'));
    await expect(shipping).rejects.toThrow('answered without it');
  });

  it('ships the job as usual while its signal is not aborted', async () => {
    const job = manyTargetJob();
    const shipped = await shipPlanningJob(job, new AbortController().signal);
    expect(shipped.targets).toHaveLength(200);
  });
});

describe('shipPlanningJobNow and unshipPlanningJob', () => {
  it('a job shipped at once, posted and unshipped is the job again', async () => {
    const job = manyTargetJob();
    const shipped = shipPlanningJobNow(job);
    const task = latePlanningTask(job, shipped);
    const received = await post(task, [...shippedBuffers(shipped)]);
    const unshipped = unshipPlanningJob(received);
    expect(unshipped.gathered.targets).toEqual(job.gathered.targets);
    expect(unshipped.gathered.candidates).toEqual(job.gathered.candidates);
    expect(unshipped.deadline).toBe(job.deadline);
  });

  it("an express-lane task plans until the reply margin before the deadline and is dropped past the request's cutoff", () => {
    const job = manyTargetJob();
    const task = latePlanningTask(job, shipPlanningJobNow(job));
    expect(task.stopAt).toBe(job.deadline - PLAN_REPLY_MARGIN_MS);
    expect(task.abandonAt).toBe(job.deadline + PLAN_CUTOFF_GRACE_MS);
    expect(task.job.gathered.candidates).toEqual([]);
  });

  it('a task that did not pack its courses or targets keeps the job as it came', () => {
    const job = manyTargetJob();
    const unshipped = unshipPlanningJob({ kind: 'planning', job });
    expect(unshipped.gathered.candidates).toBe(job.gathered.candidates);
    expect(unshipped.gathered.targets).toBe(job.gathered.targets);
  });
});

describe('warmUpLatePlanning', () => {
  it('plans both invented jobs once per round', () => {
    expect(warmUpLatePlanning(1)).toBe(2);
  });
});
