/**
 * Runs write batches one at a time while the caller keeps parsing: submitting batch n+1 waits
 * until batch n has committed, so at most one transaction is open (no lock contention between
 * our own batches) yet CSV parsing in Node overlaps the database work in Neo4j.
 */

/** Thrown (as the rejection) when the import's signal aborts it between batches. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error(typeof reason === 'string' ? reason : 'The ESCO import was aborted');
  error.name = 'AbortError';
  return error;
}

/** A single-slot queue of write batches. */
export class WriteQueue {
  private inFlight: Promise<void> = Promise.resolve();
  private committed = 0;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onCommitted: (rows: number, batches: number) => void = () => undefined,
  ) {
    // Parameter properties only.
  }

  /** Batches committed so far. */
  get batches(): number {
    return this.committed;
  }

  /**
   * Waits for the batch in flight (rethrowing its failure), checks the abort signal, then starts
   * `work` (a batch of `rows` rows) and returns without waiting for it.
   */
  async submit(rows: number, work: () => Promise<void>): Promise<void> {
    await this.inFlight;
    if (this.signal?.aborted) throw abortError(this.signal);
    const running = work().then(() => {
      this.committed += 1;
      this.onCommitted(rows, this.committed);
    });
    // The failure is rethrown by the next submit() or drain(); until then it must not count as
    // an unhandled rejection (Node would end the process).
    running.catch(() => undefined);
    this.inFlight = running;
  }

  /** Waits until the batch in flight has committed; rethrows its failure. */
  async drain(): Promise<void> {
    await this.inFlight;
  }

  /** Waits until nothing is in flight, ignoring failures (used while already failing). */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }
}
