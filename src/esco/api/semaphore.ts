/**
 * A counting semaphore with a FIFO wait queue: at most `permits` holders at once, and waiters are
 * served in arrival order so no caller starves under steady load.
 *
 * @example
 * const gate = new Semaphore(4);
 * const result = await gate.run(() => fetchSomething());
 */
export class Semaphore {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly permits: number) {
    if (!Number.isSafeInteger(permits) || permits < 1) {
      throw new RangeError(`Semaphore permits must be a positive integer, got ${permits}`);
    }
    this.available = permits;
  }

  /** Number of holders right now. */
  get inUse(): number {
    return this.permits - this.available;
  }

  /** Waits for a permit and returns the function that gives it back (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.available > 0) {
      this.available -= 1;
    } else {
      // The releasing holder hands its permit straight to us, so `available` stays unchanged.
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.available += 1;
    };
  }

  /** Runs `task` while holding a permit; the permit is returned however the task ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}
