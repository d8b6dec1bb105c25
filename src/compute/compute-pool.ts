/**
 * The compute tier: a pool of worker threads (piscina) that runs heavy pure work — planning
 * today — off the request's event loop, so one large plan never stalls every other request.
 *
 * Admission is bounded: at most `threads` tasks run and `maxQueue` wait; beyond that a task is
 * refused at once with SERVER_BUSY (503 and `retry-after`), never queued without limit. A task
 * follows its request's abort signal: when the request runs out of time the waiting task is
 * dropped, and a running one has its worker thread stopped (piscina terminates it and starts a
 * fresh one), so abandoned work stops consuming a core. Plan requests are admitted earlier still,
 * before they gather their problem on the request thread, by whether they can be answered in time
 * ({@link PlanAdmission}).
 *
 * A plan still waiting for a thread shortly before its deadline would answer late by however long
 * the plans ahead of it take (seconds, with every worker busy under load): it leaves the queue and
 * an express lane answers it instead, from its own thread, without HiGHS (the exact set-cover
 * search, proven optimal when its cover is a valid plan, else the better of it and the greedy plan
 * with a solver-free bound), by its deadline. A plan with no answer {@link PLAN_CUTOFF_GRACE_MS}
 * past its deadline (the lane itself behind others, or the machine saturated) is cut off: a
 * reskilling job answers with the targets planned by then, a single plan is refused as busy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { currentQueryContext } from '../db/query-context';
import { RequestTimeoutError, ServerBusyError } from '../domain/errors';
import {
  epochNow,
  PLAN_CUTOFF_GRACE_MS,
  PLAN_CUT_OFF_REASON,
  type PlanningJob,
  type PlanningJobResult,
  unplannedReskillingResult,
} from '../domain/planning';
import { repoPath } from '../config/repo-root';
import {
  PLANNING_PREPARED,
  PLANNING_STARTED,
  type ComputeAnswer,
  type ComputeTask,
  type ComputeWorkerSettings,
  type PlanningProgress,
} from './compute-task';
import type { PlanningCompute, RankingCompute } from './compute-contracts';
import { PlanningLeadTime } from './planning-lead-time';
import { PlanAdmission, type PlanAdmissionStats, type PlanPermit } from './plan-admission';
import {
  latePlanningTask,
  shippedBuffers,
  shipPlanningJob,
  wasTransferred,
  type ShippedPlanningJob,
} from './shipped-planning-job';
import { sumWorkerMemory, type WorkerMemory } from './worker-memory';
import {
  evidenceBuffers,
  occupationRowBuffers,
  type RankedOccupations,
  type RankCandidatesInput,
  type RankedCandidates,
  type RankOccupationsInput,
} from '../domain/coverage';

/** Settings of a {@link ComputePool}. */
export interface ComputePoolOptions {
  /** Worker threads (`COMPUTE_THREADS`, default: the cores available). */
  readonly threads: number;
  /** Tasks that may wait for a thread (`COMPUTE_QUEUE_MAX`); more are refused with SERVER_BUSY. */
  readonly maxQueue: number;
  /** The `retry-after` advice of a SERVER_BUSY answer, in seconds. */
  readonly retryAfterSeconds?: number;
  /** Heap ceiling of each worker (MB): a runaway task kills its worker, not the server. */
  readonly workerHeapMb?: number;
  /**
   * HiGHS memory (MB) past which a worker recycles its solver after a task
   * (`COMPUTE_SOLVER_MEMORY_MB`; default: never).
   */
  readonly solverMemoryLimitMb?: number;
  /**
   * Reserved V8 heap (MB) past which a worker collects its garbage once idle after a task
   * (`COMPUTE_WORKER_HEAP_COLLECT_MB`; default: never).
   */
  readonly heapCollectMb?: number;
  /**
   * Young generation of each solver worker (MB; `COMPUTE_WORKER_YOUNG_GENERATION_MB`; default:
   * V8's own, 48). An express lane's thread keeps its own small one.
   */
  readonly workerYoungGenerationMb?: number;
  /**
   * How long (ms) a worker past {@link heapCollectMb} must stay idle before it collects; default
   * 250. Tasks arriving sooner put the collection off.
   */
  readonly heapCollectIdleMs?: number;
  /**
   * Threads of the express lane (`COMPUTE_EXPRESS_THREADS`; default 0: none, a plan waits for
   * a worker however late). They answer plans whose deadline came while they waited, without the
   * solver, and rankings while every solver worker is busy, some with a plan; each holds a small
   * heap and no HiGHS runtime.
   */
  readonly expressThreads?: number;
  /**
   * The most plan requests in flight at once, gathering included (`PLAN_ADMISSION_MAX`; default
   * threads + `maxQueue`); under overload the pool learns a lower limit ({@link PlanAdmission}).
   */
  readonly planAdmissionMax?: number;
  /**
   * Plan requests always admitted while fewer are in flight (`PLAN_ADMISSION_MIN`; default 1):
   * the least the learnt limit falls to.
   */
  readonly planAdmissionMin?: number;
  /** The `retry-after` advice (seconds) of a plan request refused by admission or at its cutoff; default 1. */
  readonly planRetryAfterSeconds?: number;
  /** The worker script (compiled JavaScript); defaults to {@link defaultWorkerScript}. */
  readonly filename?: string;
}

/**
 * Outcome of one task, as counted for `/metrics`: `aborted` when its request gave up (timeout),
 * `stopped` when a plan overran its deadline and its heuristic answer was used (its worker left to
 * end its own search), `runaway` when such a worker had not ended it {@link RUNAWAY_PLAN_STOP_MS}
 * later and was stopped, `late` when a plan
 * still waiting for a thread shortly before its deadline was answered by the express lane (which
 * counts its own task as `late-planning`), `cutoff` when a plan had no answer
 * {@link PLAN_CUTOFF_GRACE_MS} after its deadline (a reskilling job answered without one, a single
 * plan refused as busy), `abandoned` when the express lane reached a late-planning task only
 * after that cutoff and dropped it unplanned.
 */
export type ComputeOutcome =
  | 'ok'
  | 'error'
  | 'busy'
  | 'aborted'
  | 'stopped'
  | 'runaway'
  | 'late'
  | 'cutoff'
  | 'abandoned';

/**
 * How long before its deadline a plan no worker has taken yet goes to the express lane (at most
 * a quarter of its time limit): the lane's greedy answer then comes about when the deadline does,
 * not up to 100 ms after it, and a worker taking the plan that late could only have given it the
 * first pass's few milliseconds. The lane plans a reskilling job's targets until
 * `PLAN_REPLY_MARGIN_MS` before the deadline.
 */
export const LATE_PLAN_LEAD_MS = 150;

/**
 * How long past a plan's deadline the exact search may still answer before its worker is
 * stopped. None: the job ends its own search `PLAN_REPLY_MARGIN_MS` (30 ms) before the deadline,
 * which is HiGHS's allowance for overrunning its clock, and the 100 ms past PLAN_TIME_LIMIT_MS a
 * plan request may take belong to the reply (the credentials' titles, serialising the plan) and to
 * the machine starting a fresh worker in place of the stopped one. Measured with 40 ms here, plans
 * of a 20 %-prerequisite catalogue ended 1,120-1,470 ms after they started.
 */
export const PLAN_STOP_GRACE_MS = 0;

/**
 * How long past its deadline a worker still running a plan whose heuristic answer was already
 * given may take to end its own search before it is stopped. The job's search stops itself at the
 * deadline, so this only catches a runaway. Stopping a worker on time instead costs more than it
 * saves: piscina terminates the thread, and its replacement loads modules and HiGHS and warms up,
 * 0.2-1.5 s of CPU. Measured at concurrency 16 (recommendCourses, 15 s): about 45 worker threads were
 * started when stopped at the deadline, while under load the workers, at a lower priority, wind
 * down in a few hundred milliseconds.
 */
export const RUNAWAY_PLAN_STOP_MS = 1_000;

/**
 * The abort reason of a plan stopped at its deadline (its heuristic answer is used), or taken out
 * of the queue shortly before its deadline (the express lane answers).
 */
class PlanDeadlineReached extends Error {
  constructor() {
    super('the plan reached its deadline');
  }
}

/**
 * Young generation of an express lane's thread (MB). Its greedy answers are short and rare, so
 * V8's default young generation (which kept the solver workers' heaps 70 MiB larger, and which
 * they keep for speed) would mostly hold garbage between them.
 */
const EXPRESS_YOUNG_GENERATION_MB = 8;

/** What the pool is doing, for `/metrics` and the benchmark. */
export interface ComputePoolStats {
  readonly threads: number;
  readonly maxQueue: number;
  /** Tasks waiting for a thread. */
  readonly queued: number;
  /** Tasks running on a thread. */
  readonly running: number;
  /** Finished tasks by kind and outcome. */
  readonly finished: ReadonlyMap<string, number>;
  /** The live workers' memory as each reported it after its latest task (summed). */
  readonly workerMemory: WorkerMemory;
  /** Times a worker dropped its HiGHS runtime, its memory past the limit. */
  readonly solverRecycles: number;
  /** Full garbage collections workers ran while idle, their reserved heaps past the limit (as reported so far). */
  readonly heapCollections: number;
  /** Worker threads started since the pool began, the first ones and every replacement of a stopped one. */
  readonly threadsStarted: number;
  /** Admission of plan requests: the learnt limit, plans in flight and waiting, refusals, late answers. */
  readonly planAdmission: PlanAdmissionStats;
}

/** piscina's messages for a task refused because its queue is full or, with no queue, every thread is busy. */
const PISCINA_QUEUE_FULL: ReadonlySet<string> = new Set([
  'Task queue is at limit',
  'No task queue available and all Workers are busy',
]);

/** Retry advice when the queue is full: a heavy task usually frees a thread within a second or two. */
const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** The `retry-after` advice of a plan refused (admission, cutoff) when none is configured. */
const DEFAULT_PLAN_RETRY_AFTER_SECONDS = 1;
/**
 * A worker's idle time before it collects a heap past its limit: long enough that tasks back to
 * back under load are not slowed, short enough that memory comes back soon after the load passes.
 */
const DEFAULT_HEAP_COLLECT_IDLE_MS = 250;

/**
 * The compiled worker script: next to this module when running from `dist/`, else the project's
 * `dist/` build (tests run the TypeScript sources, workers need JavaScript).
 *
 * @throws Error when no compiled worker exists (run `npm run build`)
 */
export function defaultWorkerScript(): string {
  const candidates = [
    path.join(__dirname, 'compute-worker.js'),
    repoPath('dist', 'src', 'compute', 'compute-worker.js'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined)
    throw new Error(`the compute worker is not compiled (looked for ${candidates.join(', ')}): run npm run build`);
  return found;
}

/** Runs compute tasks on worker threads with bounded admission and cancellation. */
export class ComputePool implements PlanningCompute, RankingCompute {
  private readonly pool: Piscina<ComputeTask, ComputeAnswer>;
  /** The express lane (see {@link ComputePoolOptions.expressThreads}). */
  private readonly expressPool: Piscina<ComputeTask, ComputeAnswer> | undefined;
  private readonly finished = new Map<string, number>();
  /** Each live worker's latest memory report, by thread id. */
  private readonly memoryByThread = new Map<number, WorkerMemory>();
  private solverRecycles = 0;
  private heapCollections = 0;
  private threadsStarted = 0;
  /** Tasks given to each pool (solver workers, express lane) and not yet settled, queued ones included. */
  private readonly inFlight = new Map<Piscina<ComputeTask, ComputeAnswer>, number>();
  /** Planning tasks given to the solver workers and not yet settled. */
  private plansInFlight = 0;
  private readonly planAdmission: PlanAdmission;
  /** How long planning jobs take until their worker has prepared them, learnt from those run. */
  private readonly leadTime = new PlanningLeadTime();

  constructor(private readonly options: ComputePoolOptions) {
    const floor = options.planAdmissionMin ?? 1;
    this.planAdmission = new PlanAdmission({
      floor,
      ceiling: Math.max(floor, options.planAdmissionMax ?? options.threads + options.maxQueue),
      // Two plans per thread: one solving, one gathering; the limit grows from there when answers
      // have time to spare.
      initial: 2 * options.threads,
      maxWaiting: options.maxQueue,
      retryAfterSeconds: options.planRetryAfterSeconds ?? DEFAULT_PLAN_RETRY_AFTER_SECONDS,
    });
    const heapCollectBytes = (options.heapCollectMb ?? Number.POSITIVE_INFINITY) * 2 ** 20;
    const heapCollectIdleMs = options.heapCollectIdleMs ?? DEFAULT_HEAP_COLLECT_IDLE_MS;
    this.pool = this.startWorkers(options.threads, {
      solverMemoryLimitBytes: (options.solverMemoryLimitMb ?? Number.POSITIVE_INFINITY) * 2 ** 20,
      heapCollectBytes,
      heapCollectIdleMs,
      loadsSolver: true,
    });
    const expressThreads = options.expressThreads ?? 0;
    this.expressPool =
      expressThreads > 0
        ? this.startWorkers(expressThreads, {
            solverMemoryLimitBytes: Number.POSITIVE_INFINITY,
            heapCollectBytes,
            heapCollectIdleMs,
            loadsSolver: false,
          })
        : undefined;
  }

  private startWorkers(threads: number, settings: ComputeWorkerSettings): Piscina<ComputeTask, ComputeAnswer> {
    // Undefined: V8's own.
    const youngGenerationMb = settings.loadsSolver ? this.options.workerYoungGenerationMb : EXPRESS_YOUNG_GENERATION_MB;
    const pool = new Piscina<ComputeTask, ComputeAnswer>({
      workerData: settings,
      filename: this.options.filename ?? defaultWorkerScript(),
      minThreads: threads,
      maxThreads: threads,
      // Piscina's own queue ceiling backs up the check in run(); both use the same number.
      maxQueue: this.options.maxQueue,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      // An idle worker waits for its next task without blocking its event loop (piscina's default
      // blocks it in Atomics.wait): what a worker does between tasks (the garbage collection after
      // a large job, a recycled solver's reload, V8's own heap shrinking) then happens while it is
      // idle, not inside the next task.
      atomics: 'async',
      // A solver worker's heap runs at its young generation's full size under load. Since planning
      // allocates 40 % less per job, 24 MB (half V8's own) plans as fast as V8's did before, and
      // the soak's median RSS fell 465 → 433 MiB (docs/benchmarks.md, thirty-second pass).
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.workerHeapMb ?? 1024,
        ...(youngGenerationMb === undefined ? {} : { maxYoungGenerationSizeMb: youngGenerationMb }),
      },
    });
    pool.on('workerCreate', () => {
      this.threadsStarted += 1;
    });
    // A stopped worker's memory is gone with it.
    pool.on('workerDestroy', (worker: { readonly id: number }) => this.memoryByThread.delete(worker.id));
    return pool;
  }

  /**
   * A place for a plan request due at `deadline` whose time limit is `timeLimitMs`, taken before
   * its problem is gathered; see {@link PlanAdmission}.
   *
   * @throws ServerBusyError when no place is free in time
   */
  admitPlan(deadline: number, timeLimitMs: number, signal?: AbortSignal): Promise<PlanPermit> {
    return this.planAdmission.admit(deadline, timeLimitMs, signal ?? currentQueryContext()?.signal);
  }

  /** Expected ms from handing over a job of `candidates` candidate courses until it is prepared (see PlanningLeadTime). */
  planningLeadMs(candidates: number): number {
    return this.leadTime.estimate(candidates);
  }

  /**
   * Plans on a worker; follows the current request's abort signal unless given one. The job's
   * deadline is enforced here too: the worker reports heuristic answers as it goes, and if the
   * exact search is still running {@link PLAN_STOP_GRACE_MS} after the deadline (HiGHS checks its
   * clock only between steps), the last heuristic answer is returned (or the first one, when none
   * was ready by then and it comes by the cutoff below) and the worker is left to end its search,
   * stopped only if it runs away. A job still waiting for a worker shortly before its deadline
   * leaves the queue and is answered by the express lane, when the pool has one. A job with no
   * answer {@link PLAN_CUTOFF_GRACE_MS} after its deadline (still packed, queued, prepared or on the
   * express lane) is cut off then: a reskilling job answers with no plan, a single plan (recommend,
   * next) is refused with SERVER_BUSY (`details.reason` {@link PLAN_CUT_OFF_REASON}), and its
   * packing, if it is still being packed, stops at its next slice. Each heuristic answer also goes
   * to `onProvisional` as it arrives (none comes from the express lane).
   *
   * @throws ServerBusyError for a single plan cut off
   */
  async runPlanning(
    job: PlanningJob,
    signal?: AbortSignal,
    onProvisional?: (answer: PlanningJobResult) => void,
  ): Promise<PlanningJobResult> {
    const requestSignal = signal ?? currentQueryContext()?.signal;
    const { port1, port2 } = new MessageChannel();
    let started = false;
    let fallback: PlanningJobResult | undefined;
    let fallbackArrived: (() => void) | undefined;
    const handedOver = epochNow();
    let timed = false;
    // The job's lead (see PlanningLeadTime) ends when its worker has prepared it, or at its first
    // answer of any kind if that comes first (the express lane's).
    const leadEnds = () => {
      if (timed) return;
      timed = true;
      this.leadTime.observe(job.gathered.candidates.length, epochNow() - handedOver);
    };
    port1.on('message', (message: PlanningProgress) => {
      if (message === PLANNING_STARTED) {
        started = true;
        return;
      }
      leadEnds();
      if (message === PLANNING_PREPARED) return;
      fallback = message;
      fallbackArrived?.();
      onProvisional?.(message);
    });
    const stop = new AbortController();
    const forward = () => stop.abort(requestSignal?.reason);
    requestSignal?.addEventListener('abort', forward, { once: true });
    if (requestSignal?.aborted) forward();
    // Packed once for both the worker and, should it go late, the express lane; a job cut off
    // while it is packed stops packing (see the finally below).
    const packing = new AbortController();
    const shipping = shipPlanningJob(job, packing.signal);
    shipping.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    let lateTimer: NodeJS.Timeout | undefined;
    let cutoffTimer: NodeJS.Timeout | undefined;
    let wentLate = false;
    // At the deadline (+ grace) the last heuristic answer wins the race. A single plan whose
    // heuristic answer is not ready yet waits for it until its cutoff, and is refused then (it has
    // no partial answer); a reskilling job answers at its cutoff with the targets planned by then,
    // none if none. A job no worker has taken shortly before its deadline goes to the express lane
    // instead.
    const deadline = new Promise<SettledPlan>((resolve, reject) => {
      timer = setTimeout(
        () => {
          if (wentLate) return;
          if (fallback !== undefined) {
            resolve({ by: 'fallback', result: fallback });
            return;
          }
          fallbackArrived = () => resolve({ by: 'fallback', result: fallback! });
        },
        Math.max(0, job.deadline + PLAN_STOP_GRACE_MS - epochNow()),
      );
      // An input job (tools) is not an API answer: it has no cutoff.
      if (job.kind !== 'input')
        cutoffTimer = setTimeout(
          () =>
            resolve({
              by: 'cutoff',
              result: fallback ?? (job.kind === 'reskilling' ? unplannedReskillingResult(job) : undefined),
            }),
          Math.max(0, job.deadline + PLAN_CUTOFF_GRACE_MS - epochNow()),
        );
      if (this.expressPool === undefined) return;
      const lead = Math.min(LATE_PLAN_LEAD_MS, job.gathered.request.timeLimitMs / 4);
      lateTimer = setTimeout(
        () => {
          if (started) return;
          wentLate = true;
          stop.abort(new PlanDeadlineReached());
          shipping
            .then((shipped) => this.runLatePlanning(job, shipped, requestSignal))
            .then((result) => resolve({ by: 'late', result }), reject);
        },
        Math.max(0, job.deadline - lead - epochNow()),
      );
    });
    deadline.catch(() => undefined);
    try {
      // A job cut off while it is still being packed answers at once (its packing stops at its next
      // slice, see the finally below).
      const cutWhilePacking = await Promise.race([
        shipping.then(() => undefined),
        deadline.then(
          (settled) => (settled.by === 'cutoff' ? settled : undefined),
          () => undefined,
        ),
      ]);
      if (cutWhilePacking !== undefined) {
        this.count({ kind: 'planning', job }, 'cutoff');
        return cutWhilePacking.result ?? this.cutOff(job);
      }
      return await this.racePlanning(job, await shipping, port2, stop, deadline, () => started, leadEnds);
    } finally {
      // Answered: whatever is still packing is for nobody (a job's own packing is done by now
      // unless it was cut off meanwhile).
      packing.abort(new PlanDeadlineReached());
      clearTimeout(timer);
      clearTimeout(lateTimer);
      clearTimeout(cutoffTimer);
      requestSignal?.removeEventListener('abort', forward);
      port1.close();
    }
  }

  /**
   * Queues a shipped planning job and races its task against its deadline (see
   * {@link runPlanning}).
   */
  private async racePlanning(
    job: PlanningJob,
    { courses, targets, shipped }: ShippedPlanningJob,
    port2: MessagePort,
    stop: AbortController,
    deadline: Promise<SettledPlan>,
    started: () => boolean,
    leadEnds: () => void,
  ): Promise<PlanningJobResult> {
    const task = this.run({ kind: 'planning', job: shipped, courses, targets, fallbacks: port2 }, stop.signal, [
      port2,
      ...shippedBuffers({ courses, targets }),
    ]).then((answer): SettledPlan => {
      if (answer.kind !== 'planning') throw new Error(`a compute worker answered ${answer.kind} to a planning task`);
      return { by: 'task', result: answer.result };
    });
    // Taken out of the queue for the express lane, the task never settles the race.
    const racing = task.catch((error: unknown) => {
      if (stop.signal.reason instanceof PlanDeadlineReached) return new Promise<SettledPlan>(() => undefined);
      throw error;
    });
    const first = await Promise.race([racing, deadline]);
    leadEnds();
    if (first.by === 'fallback' || first.by === 'cutoff') {
      // The deadline came first with a heuristic answer (or, past the cutoff, none): use it. A job
      // still queued leaves the queue; a running one ends its own search, and its worker is
      // stopped only if it runs away. An express-lane task ends at its own stop time.
      task.catch(() => undefined);
      this.count({ kind: 'planning', job }, first.by === 'cutoff' ? 'cutoff' : 'stopped');
      if (started()) this.stopIfRunaway({ kind: 'planning', job }, task, stop);
      else stop.abort(new PlanDeadlineReached());
    } else if (first.by === 'late') this.count({ kind: 'planning', job }, 'late');
    return first.result ?? this.cutOff(job);
  }

  /**
   * Stops the worker of a plan already answered by its heuristic if the plan's task has not ended
   * {@link RUNAWAY_PLAN_STOP_MS} after its deadline (counted as `runaway`).
   */
  private stopIfRunaway(
    counted: { readonly kind: 'planning'; readonly job: PlanningJob },
    task: Promise<unknown>,
    stop: AbortController,
  ): void {
    const guard = setTimeout(
      () => {
        this.count(counted, 'runaway');
        stop.abort(new PlanDeadlineReached());
      },
      Math.max(0, counted.job.deadline + RUNAWAY_PLAN_STOP_MS - epochNow()),
    );
    guard.unref();
    task.then(
      () => clearTimeout(guard),
      () => clearTimeout(guard),
    );
  }

  /**
   * Answers a job no worker took in time on the express lane, with the courses packed for the
   * worker: a task taken out of the queue never sent them. Only if a worker took it meanwhile (and
   * they went to that worker) are they packed again.
   */
  private async runLatePlanning(
    job: PlanningJob,
    packed: ShippedPlanningJob,
    signal: AbortSignal | undefined,
  ): Promise<PlanningJobResult> {
    const shipped = wasTransferred(job, packed) ? await shipPlanningJob(job) : packed;
    const answer = await this.run(latePlanningTask(job, shipped), signal, shippedBuffers(shipped), this.expressPool);
    // Reached past its cutoff: the request has answered (or is about to) without it.
    if (answer.kind === 'abandoned')
      return job.kind === 'reskilling' ? unplannedReskillingResult(job) : this.cutOff(job);
    if (answer.kind !== 'planning') throw new Error(`a compute worker answered ${answer.kind} to a planning task`);
    return answer.result;
  }

  /**
   * Ranks candidates on a worker; follows the current request's abort signal unless given one.
   * The evidence's typed arrays are transferred, not copied: they are unusable here afterwards.
   */
  async rankCandidates(input: RankCandidatesInput, signal?: AbortSignal): Promise<RankedCandidates> {
    const answer = await this.run(
      { kind: 'rank-candidates', input },
      signal ?? currentQueryContext()?.signal,
      evidenceBuffers(input.evidence),
      this.rankingPool(),
    );
    if (answer.kind !== 'rank-candidates')
      throw new Error(`a compute worker answered ${answer.kind} to a ranking task`);
    return answer.ranked;
  }

  /**
   * Ranks occupations on a worker; follows the current request's abort signal unless given one.
   * The candidates' buffer is transferred, not copied: it is unusable here afterwards.
   */
  async rankOccupations(input: RankOccupationsInput, signal?: AbortSignal): Promise<RankedOccupations> {
    const answer = await this.run(
      { kind: 'rank-occupations', input },
      signal ?? currentQueryContext()?.signal,
      occupationRowBuffers(input.candidates),
      this.rankingPool(),
    );
    if (answer.kind !== 'rank-occupations')
      throw new Error(`a compute worker answered ${answer.kind} to a ranking task`);
    return answer.ranked;
  }

  /**
   * Where a ranking runs: on the express lane while every solver worker is busy and some with a
   * plan, else on a solver worker. A ranking takes milliseconds; behind plans it would wait for one
   * to end, up to a whole plan time limit (reskillingPaths ranks occupations before planning, so
   * its plans then had no time left). Behind other rankings it waits milliseconds, and a burst of
   * rankings stays off the lane, whose thread shares the request thread's priority.
   */
  private rankingPool(): Piscina<ComputeTask, ComputeAnswer> {
    const solversBusy = (this.inFlight.get(this.pool) ?? 0) >= this.options.threads;
    return solversBusy && this.plansInFlight > 0 && this.expressPool !== undefined ? this.expressPool : this.pool;
  }

  /**
   * Resolves once every worker has solved a tiny plan (the solver compiled and warm), so the first
   * real plans get their whole time limit, and the express lane's threads have planned invented
   * late jobs (about half a second each), so its first real ones run compiled code. Called before
   * the server listens.
   */
  async warmUp(): Promise<void> {
    const warm = (count: number, pool: Piscina<ComputeTask, ComputeAnswer>) =>
      Array.from({ length: count }, () => this.run({ kind: 'warm-up' }, undefined, undefined, pool));
    await Promise.all([
      ...warm(this.options.threads, this.pool),
      ...(this.expressPool ? warm(this.options.expressThreads ?? 0, this.expressPool) : []),
    ]);
  }

  /**
   * Runs one task. Refused at once (SERVER_BUSY) when `maxQueue` tasks already wait; rejected
   * with the signal's reason (REQUEST_TIMEOUT) when it is aborted, the worker then stopped.
   */
  async run(
    task: ComputeTask,
    signal?: AbortSignal,
    transferList?: TransferListItem[],
    pool = this.pool,
  ): Promise<ComputeAnswer> {
    if (signal?.aborted) throw abortReason(signal);
    // With no queue at all (COMPUTE_QUEUE_MAX=0) piscina itself refuses a task no thread is free for.
    if (this.options.maxQueue > 0 && pool.queueSize >= this.options.maxQueue) throw this.busy(task);
    this.inFlight.set(pool, (this.inFlight.get(pool) ?? 0) + 1);
    const plan = task.kind === 'planning';
    if (plan) this.plansInFlight += 1;
    try {
      const answer = await pool.run(task, {
        ...(signal ? { signal } : {}),
        ...(transferList ? { transferList } : {}),
      });
      this.count(task, answer.kind === 'abandoned' ? 'abandoned' : 'ok');
      this.memoryByThread.set(answer.threadId, answer.memory);
      if (answer.solverRecycled) this.solverRecycles += 1;
      this.heapCollections += answer.heapCollections;
      return answer;
    } catch (error) {
      if (signal?.aborted) {
        if (!(signal.reason instanceof PlanDeadlineReached)) this.count(task, 'aborted');
        throw abortReason(signal);
      }
      if (error instanceof Error && PISCINA_QUEUE_FULL.has(error.message)) throw this.busy(task);
      this.count(task, 'error');
      throw error;
    } finally {
      this.inFlight.set(pool, this.inFlight.get(pool)! - 1);
      if (plan) this.plansInFlight -= 1;
    }
  }

  /**
   * The young generation (MB) each running thread was given, solver workers first and then the
   * express lane's, as V8 reports it.
   *
   * @example
   * pool.youngGenerationsMb() // [24, 24, 8]: two solver workers and the lane
   */
  youngGenerationsMb(): number[] {
    const threads = [...this.pool.threads, ...(this.expressPool?.threads ?? [])];
    return threads.map((thread) => thread.resourceLimits?.maxYoungGenerationSizeMb ?? 0);
  }

  /** Current load and totals. */
  stats(): ComputePoolStats {
    const queued = this.pool.queueSize;
    return {
      threads: this.options.threads,
      maxQueue: this.options.maxQueue,
      queued,
      running: Math.max(0, [...this.inFlight.values()].reduce((sum, n) => sum + n, 0) - queued),
      finished: new Map(this.finished),
      workerMemory: sumWorkerMemory(this.memoryByThread.values()),
      solverRecycles: this.solverRecycles,
      heapCollections: this.heapCollections,
      threadsStarted: this.threadsStarted,
      planAdmission: this.planAdmission.stats(),
    };
  }

  /** Stops the workers (running tasks are abandoned). */
  async close(): Promise<void> {
    await Promise.all([this.pool.destroy(), this.expressPool?.destroy()]);
  }

  /**
   * The refusal of a single plan with no answer by its cutoff (the caller counts it); `limit` is
   * the wall time it ran out of, in ms.
   */
  private cutOff(job: PlanningJob): never {
    // A plan refused, as by plan admission: the same advice.
    const retryAfterSeconds = this.options.planRetryAfterSeconds ?? DEFAULT_PLAN_RETRY_AFTER_SECONDS;
    const limit = job.gathered.request.timeLimitMs + PLAN_CUTOFF_GRACE_MS;
    throw new ServerBusyError(
      `The server is busy: no plan was ready within ${limit} ms; retry in ${retryAfterSeconds} s`,
      { reason: PLAN_CUT_OFF_REASON, limit, retryAfterSeconds },
    );
  }

  private busy(task: ComputeTask): ServerBusyError {
    this.count(task, 'busy');
    const retryAfterSeconds = this.options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
    return new ServerBusyError(
      `The server is busy: ${this.options.threads} heavy tasks are running and ${this.options.maxQueue} are waiting; retry in ${retryAfterSeconds} s`,
      { limit: this.options.maxQueue, retryAfterSeconds },
    );
  }

  private count(task: ComputeTask, outcome: ComputeOutcome): void {
    const key = `${task.kind}:${outcome}`;
    this.finished.set(key, (this.finished.get(key) ?? 0) + 1);
  }
}

/**
 * How a plan's race ended: the worker's answer, its heuristic answer at the deadline, the late
 * lane's, or its cutoff (a reskilling job's heuristic answer if one came meanwhile, else no plan;
 * nothing for a single plan, which is refused).
 */
type SettledPlan =
  | { readonly by: 'task' | 'fallback' | 'late'; readonly result: PlanningJobResult }
  /** No result: a single plan, refused. */
  | { readonly by: 'cutoff'; readonly result: PlanningJobResult | undefined };

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new RequestTimeoutError('The request was cancelled');
}
