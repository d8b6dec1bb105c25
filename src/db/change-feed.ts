/**
 * The change sequence numbers this process has committed, per driver (one database): every
 * executor over a driver (the app's, a test's, a tool's) reports to the same feed, so a read model
 * can wait until it reflects the writes this process made before it answers (read-your-writes on
 * the replica that wrote; other replicas poll the database).
 */
import type { Driver } from 'neo4j-driver';

/** Committed change sequence numbers of one database, as seen by this process. */
export class ChangeFeed {
  private highest = 0;
  private readonly listeners = new Set<(seq: number) => void>();

  /** The highest sequence number this process has committed. */
  get highestCommitted(): number {
    return this.highest;
  }

  /** Called by the executor after a transaction carrying change `seq` committed. */
  committed(seq: number): void {
    if (seq <= this.highest) return;
    this.highest = seq;
    for (const listener of this.listeners) listener(seq);
  }

  /** Calls `listener` after each commit; returns the unsubscribe function. */
  subscribe(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const feeds = new WeakMap<Driver, ChangeFeed>();

/** The feed of a driver's database (created on first use). */
export function changeFeedOf(driver: Driver): ChangeFeed {
  let feed = feeds.get(driver);
  if (!feed) {
    feed = new ChangeFeed();
    feeds.set(driver, feed);
  }
  return feed;
}
