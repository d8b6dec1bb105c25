/**
 * Admission of plan requests (recommendCourses, nextCourses, reskillingPaths) by whether they can
 * still be answered by their deadline.
 *
 * A plan request is mostly request-thread work before its plan reaches a worker: gathering its
 * gap and candidate courses, packing them. That work is sliced fairly between the requests in
 * flight (`turn-slicer`), so on an overloaded server every one of them slows down together and
 * all of them end late: at concurrency 16, three in four reskillingPaths answered after their
 * deadline. Admitting fewer at a time keeps the admitted ones on time; the others wait, briefly,
 * in order, and are refused (SERVER_BUSY, 503 with `retry-after`) when no place frees up within a
 * quarter of their time, or at once when the waiting line is full.
 *
 * How many may be in flight is learnt, not configured: the right number depends on the machine,
 * the catalogue and the mix of requests. The limit grows by one place per limit's worth of
 * requests answered with a quarter of their time to spare while it was the bottleneck, holds while
 * answers come on time with less to spare, and halves when a request admitted under the current
 * limit is answered late with others in flight (additive increase, multiplicative decrease, as TCP
 * does for a congestion window, with its slow start: until the first decrease it grows by a place
 * per such answer, so a first burst of load finds its level within a few answers; the middle
 * band, as in TCP Vegas, keeps a limit that is about right from growing into lateness). A plan
 * late with no other plan in flight was slow on its own (its solver used its whole time), which
 * fewer plans would not have changed. The limit never falls below `floor`.
 */
import { ServerBusyError } from '../domain/errors';
import { epochNow } from '../domain/planning';

/** Settings of a {@link PlanAdmission}. */
export interface PlanAdmissionOptions {
  /** Plans always admitted at once while fewer are in flight (`PLAN_ADMISSION_MIN`). */
  readonly floor: number;
  /** The most plans ever in flight (`PLAN_ADMISSION_MAX`). */
  readonly ceiling: number;
  /** The limit at start (default four times the floor, within the ceiling). */
  readonly initial?: number;
  /** Plans that may wait for a place; more are refused at once. */
  readonly maxWaiting: number;
  /** The `retry-after` advice of a refusal, in seconds. */
  readonly retryAfterSeconds: number;
  /** Epoch milliseconds (tests pass a fake clock). */
  readonly clock?: () => number;
}

/**
 * The share of a plan's time limit it may wait for a place. A plan admitted later has too little
 * left to gather its problem and solve it; refused then, its client can retry elsewhere or later
 * instead of receiving a late answer.
 */
export const MAX_WAIT_SHARE = 0.25;

/**
 * How far past its deadline an answer counts as late for the limit. The deadline's own allowance
 * is 100 ms (the reply); a plan whose solver used its whole time answers a few milliseconds after
 * its deadline, which is not a sign of overload.
 */
export const LATE_MARGIN_MS = 25;

/**
 * The share of its time limit a plan must have left when answered for the limit to grow: answers
 * closer to their deadline say the plans in flight already use what the server has.
 */
export const GROW_SLACK_SHARE = 0.25;

/** What a {@link PlanAdmission} is doing, for `/metrics` and the benchmark. */
export interface PlanAdmissionStats {
  /** Plans that may be in flight now (the learnt limit, whole places). */
  readonly limit: number;
  /** Plans admitted and not yet answered. */
  readonly inFlight: number;
  /** Plans waiting for a place. */
  readonly waiting: number;
  /** Plans refused with SERVER_BUSY since start: the line was full, or no place came in time. */
  readonly refused: number;
  /** Admitted plans answered later than their deadline (+ {@link LATE_MARGIN_MS}) since start. */
  readonly late: number;
}

/** A place taken by an admitted plan; {@link PlanPermit.release} gives it back once the plan is answered. */
export interface PlanPermit {
  release(): void;
}

interface Waiter {
  readonly deadline: number;
  readonly timeLimitMs: number;
  readonly admit: (permit: PlanPermit) => void;
  readonly refuse: (error: Error) => void;
}

/**
 * Admits plan requests while they can be answered in time (see the module comment).
 *
 * @example
 * const permit = await admission.admit(request.deadline, request.timeLimitMs, signal);
 * try {
 *   return await plan();
 * } finally {
 *   permit.release();
 * }
 */
export class PlanAdmission {
  private limit: number;
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  /** Admissions so far: a permit's number tells whether it was admitted after the last decrease. */
  private admitted = 0;
  private lastDecrease = 0;
  private refused = 0;
  private late = 0;
  /** Until the first decrease the limit grows by a place per answer with time to spare (TCP's slow start). */
  private slowStart = true;
  private readonly clock: () => number;

  constructor(private readonly options: PlanAdmissionOptions) {
    if (!(options.floor >= 1)) throw new RangeError(`floor must be at least 1, got ${options.floor}`);
    if (!(options.ceiling >= options.floor))
      throw new RangeError(`ceiling (${options.ceiling}) must be at least floor (${options.floor})`);
    this.clock = options.clock ?? epochNow;
    this.limit = Math.max(options.floor, Math.min(options.ceiling, options.initial ?? 4 * options.floor));
  }

  /**
   * A place for a plan due at `deadline` (epoch ms) whose whole time is `timeLimitMs`: at once
   * while the limit allows, else after waiting in line for at most {@link MAX_WAIT_SHARE} of that
   * time.
   *
   * @throws ServerBusyError when the line is full or no place came in time
   * @throws the signal's reason when the request is abandoned while waiting
   */
  admit(deadline: number, timeLimitMs: number, signal?: AbortSignal): Promise<PlanPermit> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.inFlight < this.places()) return Promise.resolve(this.take(deadline, timeLimitMs));
    if (this.waiting.length >= this.options.maxWaiting) return Promise.reject(this.refuse('the waiting line is full'));
    return new Promise<PlanPermit>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abandoned);
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      const abandoned = () => {
        leave();
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        deadline,
        timeLimitMs,
        admit: (permit) => {
          leave();
          resolve(permit);
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      const waitUntil = deadline - timeLimitMs * (1 - MAX_WAIT_SHARE);
      const timer = setTimeout(
        () => waiter.refuse(this.refuse('no place came in time')),
        Math.max(0, waitUntil - this.clock()),
      );
      signal?.addEventListener('abort', abandoned, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Current limit, load and totals. */
  stats(): PlanAdmissionStats {
    return {
      limit: this.places(),
      inFlight: this.inFlight,
      waiting: this.waiting.length,
      refused: this.refused,
      late: this.late,
    };
  }

  private places(): number {
    return Math.floor(this.limit);
  }

  private take(deadline: number, timeLimitMs: number): PlanPermit {
    const others = this.inFlight;
    this.inFlight += 1;
    this.admitted += 1;
    const number = this.admitted;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.learn(deadline, timeLimitMs, number, others);
        this.admitWaiting();
      },
    };
  }

  /** Adjusts the limit by how the plan admitted as `number`, with `others` in flight, ended. */
  private learn(deadline: number, timeLimitMs: number, number: number, others: number): void {
    const now = this.clock();
    if (now > deadline + LATE_MARGIN_MS) {
      this.late += 1;
      // Late alone: slow on its own. Admitted before the last decrease: its lateness is already
      // answered.
      if (others === 0 || number <= this.lastDecrease) return;
      this.limit = Math.max(this.options.floor, this.limit / 2);
      this.lastDecrease = this.admitted;
      this.slowStart = false;
      return;
    }
    // Time to spare while the limit was what held plans back: one more place per limit's worth
    // (per answer in slow start).
    const spare = now <= deadline - timeLimitMs * GROW_SLACK_SHARE;
    if (spare && others + 1 >= this.places())
      this.limit = Math.min(this.options.ceiling, this.limit + (this.slowStart ? 1 : 1 / this.limit));
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.inFlight < this.places()) {
      const next = this.waiting[0]!;
      next.admit(this.take(next.deadline, next.timeLimitMs));
    }
  }

  private refuse(why: string): ServerBusyError {
    this.refused += 1;
    const { retryAfterSeconds } = this.options;
    return new ServerBusyError(
      `The server is busy: ${this.inFlight} plans are being computed and ${this.waiting.length} are waiting (${why}); retry in ${retryAfterSeconds} s`,
      { limit: this.places(), retryAfterSeconds },
    );
  }
}
