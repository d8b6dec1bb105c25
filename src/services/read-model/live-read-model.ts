/**
 * The read model of one API process, kept fresh. Loaded in full at start (pages of each entity),
 * then changed by the change log the executor writes with every write transaction:
 * - a change names the learners, credentials and job postings it touched, which are reloaded and
 *   swapped in synchronously (a reader never sees half of a change);
 * - a change that cannot be scoped (an ESCO import, a generated population, an unknown write) or a
 *   gap in the log (pruned past us) rebuilds the whole model off to the side and swaps it in;
 * - this process's own writes are waited for before answering ({@link LiveReadModel.fresh}), other
 *   processes' are seen by polling every `pollMs`.
 */
import { ReadModel } from '../../domain/read-model/read-model';
import type { ChangeFeed } from '../../db/change-feed';
import type { ChangeRow, ReadModelRepository } from '../../db/repositories/read-model-repository';
import { outsideQueryContext } from '../../db/query-context';

/** Changes read per round trip while catching up. */
const CHANGES_PER_READ = 500;
/** How long the change log keeps changes; a reader further behind reloads in full. */
export const CHANGE_RETENTION_MS = 10 * 60_000;
/** How often a process prunes the change log. */
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 10_000;
/** Every this many polls the change counter is compared with the model's (a reset database). */
const COUNTER_CHECK_EVERY = 20;

/** Where the model reports reloads and failures (a pino logger fits). */
export interface ReadModelLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Options of a live read model. */
export interface LiveReadModelOptions {
  /** Interval of polling the change log for other processes' writes (0: no polling). */
  readonly pollMs: number;
  readonly logger?: ReadModelLogger;
  /**
   * A full garbage collection of this thread, run before and after the initial load so that
   * {@link ReadModelLoadStats.bytes} counts what the model keeps, not the load's garbage. Without
   * it the figure is rough: a collection during the load can even make it negative.
   */
  readonly collectGarbage?: () => void;
}

/** Figures of the last full load. */
export interface ReadModelLoadStats {
  readonly millis: number;
  /** Growth of the heap and of array buffers (typed arrays' data) across the load: about the model's size. */
  readonly bytes: number;
}

/**
 * What this thread holds on its heap and in array buffers (typed arrays keep their data outside
 * the heap), in bytes, after `collectGarbage` when given: the measure of the read model's size.
 *
 * @example
 * const before = heldBytes(collect);
 * const model = await loadReadModel(repo);
 * heldBytes(collect) - before; // what the model keeps
 */
export function heldBytes(collectGarbage: (() => void) | undefined): number {
  collectGarbage?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Builds a whole model from the database, noting the change sequence first. */
export async function loadReadModel(repo: ReadModelRepository): Promise<ReadModel> {
  const seq = await repo.getChangeSeq();
  const [skills, occupations] = await Promise.all([repo.loadSkills(), repo.loadOccupations()]);
  const model = new ReadModel(skills.uris, skills.broader, occupations);
  // The three entity kinds load side by side: ids are interned in whichever order they arrive
  // (a holding may name a credential not loaded yet), and the database works while pages are built.
  await Promise.all([
    repo.loadCredentials((rows) => {
      for (const row of rows) model.putCredential(row);
    }),
    repo.loadLearners((rows) => {
      for (const row of rows) model.putLearner(row);
    }),
    repo.loadPostings((rows) => {
      for (const row of rows) model.putPosting(row);
    }),
  ]);
  model.trim();
  model.seq = seq;
  return model;
}

/** A read model that follows the database's change log. */
export class LiveReadModel {
  private syncing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = Date.now();
  private fullReloads = 0;
  private polls = 0;

  private constructor(
    private model: ReadModel,
    private readonly repo: ReadModelRepository,
    private readonly feed: ChangeFeed,
    private readonly options: LiveReadModelOptions,
    readonly loadStats: ReadModelLoadStats,
  ) {}

  /** Loads the model in full and starts polling. */
  static async start(
    repo: ReadModelRepository,
    feed: ChangeFeed,
    options: LiveReadModelOptions,
  ): Promise<LiveReadModel> {
    const before = heldBytes(options.collectGarbage);
    const started = performance.now();
    const model = await outsideQueryContext(() => loadReadModel(repo));
    const millis = performance.now() - started;
    const stats = { millis, bytes: heldBytes(options.collectGarbage) - before };
    const live = new LiveReadModel(model, repo, feed, options, stats);
    await live.sync();
    if (options.pollMs > 0) {
      live.timer = setInterval(() => live.poll(), options.pollMs);
      live.timer.unref();
    }
    return live;
  }

  /** The model as it is now (possibly behind this process's latest writes: see {@link fresh}). */
  get current(): ReadModel {
    return this.model;
  }

  /** Full reloads since start (the initial load not counted). */
  get reloads(): number {
    return this.fullReloads;
  }

  /**
   * The count of full loads once the model reflects every write this process has committed. It
   * changes with every full reload, which every ESCO import causes: caches of ESCO records
   * (`CachedConceptReads`) key on it.
   */
  async freshGeneration(): Promise<number> {
    await this.fresh();
    return this.fullReloads;
  }

  /**
   * Like {@link freshGeneration}, but also changing with every credential put or removed and
   * every provider changed: caches of catalog answers (`CachedTeachingPages`) key on it.
   */
  async freshCatalogGeneration(): Promise<string> {
    const model = await this.fresh();
    return `${this.fullReloads}:${model.catalogVersion}`;
  }

  /**
   * The model once it reflects every write this process has committed. A sync already under way
   * (the poll's) may have read the log before this process's latest commit: joined, it can end
   * with the model still behind, so this syncs until the model has caught up or a sync of its own
   * finds nothing to apply.
   */
  async fresh(): Promise<ReadModel> {
    let idleSyncs = 0;
    while (this.model.seq < this.feed.highestCommitted) {
      const before = this.model.seq;
      await this.sync();
      if (this.model.seq > before) idleSyncs = 0;
      // The first sync without progress may be one that read the log before our commit; a second
      // one started after it. Still behind with nothing to apply: the log lost our changes (a wiped
      // or swapped database restarted the count). Only a full load is safe then.
      else if (++idleSyncs === 2) {
        await this.reloadOnce();
        break;
      }
    }
    return this.model;
  }

  /** A full reload in the single-flight slot of {@link sync}. */
  private async reloadOnce(): Promise<void> {
    await this.syncing;
    this.syncing = outsideQueryContext(() => this.reloadFully()).finally(() => {
      this.syncing = null;
    });
    await this.syncing;
  }

  /** Applies the changes committed since the model's sequence (one run at a time). */
  sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = outsideQueryContext(() => this.catchUp()).finally(() => {
        this.syncing = null;
      });
    }
    return this.syncing;
  }

  /** Stops polling. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private poll(): void {
    this.polls += 1;
    if (this.polls % COUNTER_CHECK_EVERY === 0) {
      // A change counter below ours means the database was wiped or replaced: reload in full.
      outsideQueryContext(() => this.repo.getChangeSeq())
        .then((seq) => (seq < this.model.seq ? this.reloadOnce() : undefined))
        .catch((error: unknown) => this.options.logger?.warn({ err: error }, 'read model: checking the log failed'));
    }
    this.sync().catch((error: unknown) => this.options.logger?.warn({ err: error }, 'read model: polling failed'));
    if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      outsideQueryContext(() => this.repo.pruneChanges(new Date(Date.now() - CHANGE_RETENTION_MS), PRUNE_BATCH)).catch(
        (error: unknown) => this.options.logger?.warn({ err: error }, 'read model: pruning the change log failed'),
      );
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const changes = await this.repo.getChangesSince(this.model.seq, CHANGES_PER_READ);
      if (changes.length === 0) return;
      if (changes[0]!.seq !== this.model.seq + 1 || changes.some((c) => c.full)) {
        await this.reloadFully();
        continue;
      }
      await this.apply(changes);
      if (changes.length < CHANGES_PER_READ) return;
    }
  }

  private async reloadFully(): Promise<void> {
    const started = performance.now();
    const model = await loadReadModel(this.repo);
    this.fullReloads += 1;
    // Changes committed during the load are applied to the new model before it is swapped in.
    const previous = this.model;
    this.model = model;
    this.options.logger?.info(
      { millis: Math.round(performance.now() - started), seq: model.seq, previousSeq: previous.seq },
      'read model reloaded in full',
    );
  }

  /** Reloads the entities the changes name and swaps them in together. */
  private async apply(changes: readonly ChangeRow[]): Promise<void> {
    const learnerIds = [...new Set(changes.flatMap((c) => c.learnerIds))];
    const credentialIds = [...new Set(changes.flatMap((c) => c.credentialIds))];
    const postingIds = [...new Set(changes.flatMap((c) => c.postingIds))];
    const [credentials, learners, postings] = await Promise.all([
      this.repo.getCredentials(credentialIds),
      this.repo.getLearners(learnerIds),
      this.repo.getPostings(postingIds),
    ]);
    // From here to the end, synchronous: no request sees part of it.
    const model = this.model;
    const foundCredentials = new Set(credentials.map((row) => row.id));
    for (const id of credentialIds) if (!foundCredentials.has(id)) model.removeCredential(id);
    for (const row of credentials) model.putCredential(row);
    const foundLearners = new Set(learners.map((row) => row.id));
    for (const id of learnerIds) if (!foundLearners.has(id)) model.removeLearner(id);
    for (const row of learners) model.putLearner(row);
    const foundPostings = new Set(postings.map((row) => row.id));
    for (const id of postingIds) if (!foundPostings.has(id)) model.removePosting(id);
    for (const row of postings) model.putPosting(row);
    if (changes.some((c) => c.providerIds.length > 0)) model.providersChanged();
    model.seq = changes[changes.length - 1]!.seq;
  }
}
