/**
 * Runs one autocannon load in a worker thread, so generating load does not compete with the
 * in-process server for its event loop. Every request takes the next body of the pool (connections
 * interleave, so concurrent requests differ); every response time is kept, for exact percentiles
 * (autocannon's own summary has no p95). Each body may carry its own Authorization header.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { PLAN_CUT_OFF_REASON } from '../../src/domain/planning/planning-job';

/** What the parent sends. */
export interface LoadJob {
  readonly url: string;
  readonly bodies: readonly string[];
  /** Authorization header per body (empty: none). */
  readonly authorizations: readonly string[];
  readonly connections: number;
  readonly durationSeconds: number;
  readonly timeoutSeconds: number;
  /** Stop after this many requests instead of after `durationSeconds`. */
  readonly amount?: number;
  /** Requests per second over all connections (a paced probe); unpaced when absent. */
  readonly overallRate?: number;
}

/** What the worker sends back. */
export interface LoadOutcome {
  /** Response times in ms of the answers served (2xx), in arrival order. */
  readonly latencies: number[];
  /** Response times in ms of the requests refused as busy (503: SERVER_BUSY), in arrival order. */
  readonly refusedLatencies: number[];
  /** Of the refusals, single plans refused at their cutoff (no answer by the deadline + 40 ms). */
  readonly cutOff: number;
  readonly elapsedSeconds: number;
  /** Non-2xx answers, the refused ones included. */
  readonly non2xx: number;
  /** 2xx responses whose body carries GraphQL errors. */
  readonly graphqlErrors: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  /** Largest `solveMillis` in the 2xx response bodies (NaN when none carries one). */
  readonly maxSolveMillis: number;
  /**
   * Plans in the 2xx response bodies proven optimal (`"optimal":true`) and not (`"optimal":false`);
   * answers carrying a PARTIAL_RESULT warning, and of those the ones with no candidate planned.
   */
  readonly plans: PlanCounts;
}

/** What the plan answers of one load run held; see {@link LoadOutcome.plans}. */
export interface PlanCounts {
  readonly optimal: number;
  readonly unproven: number;
  readonly partial: number;
  readonly nonePlanned: number;
}

const CUT_OFF_MARK = `"reason":"${PLAN_CUT_OFF_REASON}"`;

const SOLVE_MILLIS = /"solveMillis":([0-9.eE+-]+)/g;

function run(job: LoadJob): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const refusedLatencies: number[] = [];
    let next = 0;
    let graphqlErrors = 0;
    let cutOff = 0;
    let maxSolveMillis = Number.NaN;
    const plans = { optimal: 0, unproven: 0, partial: 0, nonePlanned: 0 };
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        ...(job.amount === undefined ? { duration: job.durationSeconds } : { amount: job.amount }),
        ...(job.overallRate === undefined ? {} : { overallRate: job.overallRate }),
        timeout: job.timeoutSeconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const i = next % job.bodies.length;
              next += 1;
              const authorization = job.authorizations[i];
              const headers = authorization
                ? { 'content-type': 'application/json', authorization }
                : { 'content-type': 'application/json' };
              return { ...request, body: job.bodies[i]!, headers };
            },
            onResponse: (status, body) => {
              if (status === 503 && body.includes(CUT_OFF_MARK)) cutOff += 1;
              if (status < 200 || status >= 300) return;
              if (body.includes('"errors"')) graphqlErrors += 1;
              // Plans carry the solver's own time: the deadline check compares it with the request's.
              for (const match of body.matchAll(SOLVE_MILLIS)) {
                const millis = Number(match[1]);
                if (!(millis <= maxSolveMillis)) maxSolveMillis = millis;
              }
              plans.optimal += body.split('"optimal":true').length - 1;
              plans.unproven += body.split('"optimal":false').length - 1;
              if (body.includes('"PARTIAL_RESULT"')) {
                plans.partial += 1;
                if (body.includes('"candidatesPlanned":0')) plans.nonePlanned += 1;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          latencies,
          refusedLatencies,
          cutOff,
          elapsedSeconds: result.duration,
          non2xx: result.non2xx,
          graphqlErrors,
          errors: result.errors,
          timeouts: result.timeouts,
          maxSolveMillis,
          plans,
        });
      },
    );
    // A refusal takes a moment and serves nothing: counted apart, or refusing would pass for speed.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 503) refusedLatencies.push(responseTime);
      else latencies.push(responseTime);
    });
  });
}

run(workerData as LoadJob).then(
  (outcome) => parentPort!.postMessage({ ok: true, outcome }),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
