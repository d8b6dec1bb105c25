/**
 * A planning job as it travels to a compute worker: its candidate courses packed into typed
 * columns and its targets serialized one by one, both handed over (transferred) rather than
 * copied when the job is posted.
 */
import { deserialize, serialize } from 'node:v8';
import {
  CoursePacker,
  PLAN_CUTOFF_GRACE_MS,
  PLAN_REPLY_MARGIN_MS,
  packCourses,
  packedCourseBuffers,
  unpackCourses,
  type GatheredTarget,
  type PackedCourses,
  type PlanningJob,
} from '../domain/planning';
import type { ComputeTask } from './compute-task';
import { pauseIfTurnSpent, turnSpent } from './turn-slicer';

/** A planning job ready for a worker: see {@link shipPlanningJob}. */
export interface ShippedPlanningJob {
  readonly courses: PackedCourses;
  readonly targets: readonly Uint8Array[];
  readonly shipped: PlanningJob;
}

/**
 * A planning job as it travels to a worker: its candidate courses packed (copying them as objects
 * cost the request thread more than gathering them, see `packed-courses`; ten thousand are packed
 * in slices) and its targets serialized one at a time (two hundred of them are megabytes: they
 * reach the worker as bytes, instead of one structured clone of the whole job on this thread).
 * Once `signal` is aborted (the job's request has answered without it) it stops at its next pause
 * and rejects with the signal's reason: at 100,000 credentials packing a 200-target job is about a
 * second of this thread's time in slices.
 */
export async function shipPlanningJob(job: PlanningJob, signal?: AbortSignal): Promise<ShippedPlanningJob> {
  const pause = async () => {
    await pauseIfTurnSpent();
    signal?.throwIfAborted();
  };
  const packer = new CoursePacker(job.gathered.candidates.length);
  for (const course of job.gathered.candidates) {
    packer.add(course);
    if (turnSpent()) await pause();
  }
  const targets: Uint8Array[] = [];
  for (const target of job.gathered.targets) {
    targets.push(ownBuffer(serialize(target)));
    await pause();
  }
  return {
    courses: packer.finish(),
    targets,
    shipped: withoutPayload(job),
  };
}

/** The job without its courses and targets, which travel packed beside it. */
function withoutPayload(job: PlanningJob): PlanningJob {
  return { ...job, gathered: { ...job.gathered, candidates: [], targets: [] } };
}

/**
 * {@link shipPlanningJob} in one go, for a thread with nothing else to do (a compute worker
 * warming up).
 */
export function shipPlanningJobNow(job: PlanningJob): ShippedPlanningJob {
  return {
    courses: packCourses(job.gathered.candidates),
    targets: job.gathered.targets.map((target) => ownBuffer(serialize(target))),
    shipped: withoutPayload(job),
  };
}

/** The job of a planning task as the worker plans it: its courses unpacked, its targets deserialized. */
export function unshipPlanningJob(task: Extract<ComputeTask, { kind: 'planning' | 'late-planning' }>): PlanningJob {
  const { gathered } = task.job;
  return {
    ...task.job,
    gathered: {
      ...gathered,
      candidates: task.courses ? unpackCourses(task.courses) : gathered.candidates,
      targets: task.targets ? task.targets.map((bytes) => deserialize(bytes) as GatheredTarget) : gathered.targets,
    },
  };
}

/**
 * The express lane's task for `job`, shipped as `packed`: its targets planned until
 * `PLAN_REPLY_MARGIN_MS` before the deadline, and the task dropped unplanned if the lane reaches it
 * only after the request's cutoff (`PLAN_CUTOFF_GRACE_MS` past the deadline).
 */
export function latePlanningTask(
  job: PlanningJob,
  { courses, targets, shipped }: ShippedPlanningJob,
): Extract<ComputeTask, { kind: 'late-planning' }> {
  return {
    kind: 'late-planning',
    job: shipped,
    courses,
    targets,
    stopAt: job.deadline - PLAN_REPLY_MARGIN_MS,
    abandonAt: job.deadline + PLAN_CUTOFF_GRACE_MS,
  };
}

/**
 * The buffers a shipped job hands over to a worker instead of copying them: its packed courses'
 * columns and its targets' bytes. Copied, the four megabytes of a 200-target job's targets made
 * posting it take 25-32 ms at the p90 and up to 71 ms on the request thread in the benchmark's heavy
 * phase; transferred, 9-14 ms at the p90. Transferred, they are unusable here afterwards (see
 * {@link wasTransferred}).
 */
export function shippedBuffers({ courses, targets }: Pick<ShippedPlanningJob, 'courses' | 'targets'>): ArrayBuffer[] {
  return [...packedCourseBuffers(courses), ...targets.map((bytes) => bytes.buffer as ArrayBuffer)];
}

/**
 * Whether a shipped job's buffers went to a worker already (a job handed to a worker that had not
 * started it when its deadline neared), so the express lane needs the job shipped again. A
 * transferred buffer reads as empty, and neither a packed catalogue of courses nor a serialized
 * target is ever empty.
 */
export function wasTransferred(job: PlanningJob, packed: ShippedPlanningJob): boolean {
  return (
    (job.gathered.candidates.length > 0 && packed.courses.numbers.length === 0) ||
    packed.targets.some((bytes) => bytes.byteLength === 0)
  );
}

/**
 * `bytes` in an ArrayBuffer of its own, so that transferring it hands over nothing else (Node's
 * `v8.serialize` returns such a buffer; a view into a shared one is copied).
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
