/**
 * How the live read model follows the change log: scoped changes reload just their entities, a
 * gap or a `full` change rebuilds the model, and `fresh()` waits for this process's commits.
 */
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../src/db/change-feed';
import type { ChangeRow, ReadModelRepository } from '../../../src/db/repositories/read-model-repository';
import type { LearnerRow } from '../../../src/domain/read-model/read-model-rows';
import { LiveReadModel } from '../../../src/services/read-model/live-read-model';

/** A database of learners with a change log, as the repository would read it. */
class FakeRepository {
  learners = new Map<string, LearnerRow>();
  changes: ChangeRow[] = [];
  seq = 0;
  fullLoads = 0;
  byIdReads: string[][] = [];

  write(learner: LearnerRow | { id: string; deleted: true }, full = false): number {
    if ('deleted' in learner) this.learners.delete(learner.id);
    else this.learners.set(learner.id, learner);
    this.seq += 1;
    this.changes.push({
      seq: this.seq,
      full,
      learnerIds: [learner.id],
      credentialIds: [],
      postingIds: [],
      providerIds: [],
    });
    return this.seq;
  }

  async getChangeSeq() {
    return this.seq;
  }
  async loadSkills() {
    this.fullLoads += 1;
    return { uris: ['s1', 's2'], broader: [{ narrowerUri: 's2', broaderUri: 's1' }] };
  }
  async loadOccupations() {
    return [];
  }
  async loadCredentials() {
    // No credentials in this fake.
  }
  async loadLearners(onPage: (rows: LearnerRow[]) => void) {
    onPage([...this.learners.values()]);
  }
  async loadPostings() {
    // No postings in this fake.
  }
  async getLearners(ids: readonly string[]) {
    this.byIdReads.push([...ids]);
    return ids.flatMap((id) => this.learners.get(id) ?? []);
  }
  async getCredentials() {
    return [];
  }
  async getPostings() {
    return [];
  }
  async getChangesSince(since: number, limit: number) {
    return this.changes.filter((c) => c.seq > since).slice(0, limit);
  }
  async pruneChanges() {
    return 0;
  }
}

const learner = (id: string, declared: string[]): LearnerRow => ({
  id,
  matchingConsent: true,
  holdings: [],
  declaredSkillUris: declared,
});

async function start(repo: FakeRepository, feed = new ChangeFeed()) {
  const live = await LiveReadModel.start(repo as unknown as ReadModelRepository, feed, { pollMs: 0 });
  return { live, feed };
}

describe('LiveReadModel', () => {
  it('loads in full, then applies scoped changes by reloading just their entities', async () => {
    const repo = new FakeRepository();
    repo.write(learner('a', ['s1']));
    const { live } = await start(repo);
    expect(repo.fullLoads).toBe(1);
    expect(live.current.learnerEvidence('a', '2025-01-01').declaredSkillUris).toEqual(['s1']);
    repo.write(learner('b', ['s2']));
    repo.write({ id: 'a', deleted: true });
    await live.sync();
    expect(repo.fullLoads).toBe(1);
    expect(repo.byIdReads).toEqual([['b', 'a']]);
    expect(live.current.learnerEvidence('a', '2025-01-01').found).toBe(false);
    expect(live.current.learnerEvidence('b', '2025-01-01').declaredSkillUris).toEqual(['s2']);
    expect(live.current.seq).toBe(3);
  });

  it('measures its size between full collections, one before the load and one after it', async () => {
    const repo = new FakeRepository();
    repo.write(learner('a', ['s1']));
    const events: string[] = [];
    const loadSkills = repo.loadSkills.bind(repo);
    repo.loadSkills = async () => {
      events.push('load');
      return loadSkills();
    };
    const live = await LiveReadModel.start(repo as unknown as ReadModelRepository, new ChangeFeed(), {
      pollMs: 0,
      collectGarbage: () => events.push('collect'),
    });
    expect(events).toEqual(['collect', 'load', 'collect']);
    expect(Number.isFinite(live.loadStats.bytes)).toBe(true);
    expect(live.loadStats.millis).toBeGreaterThanOrEqual(0);
  });

  it("moves the catalogue generation on a provider's change, and not on a learner's", async () => {
    const repo = new FakeRepository();
    const { live } = await start(repo);
    const before = await live.freshCatalogGeneration();
    repo.write(learner('a', ['s1']));
    await live.sync();
    expect(await live.freshCatalogGeneration()).toBe(before);
    repo.seq += 1;
    repo.changes.push({
      seq: repo.seq,
      full: false,
      learnerIds: [],
      credentialIds: [],
      postingIds: [],
      providerIds: ['p1'],
    });
    await live.sync();
    expect(await live.freshCatalogGeneration()).not.toBe(before);
    expect(repo.fullLoads).toBe(1);
  });

  it('rebuilds on a full change and on a gap in the log (pruned past it)', async () => {
    const repo = new FakeRepository();
    const { live } = await start(repo);
    repo.write(learner('a', ['s1']), true);
    await live.sync();
    expect(live.reloads).toBe(1);
    expect(live.current.learnerEvidence('a', '2025-01-01').found).toBe(true);
    repo.write(learner('b', []));
    repo.write(learner('c', []));
    repo.changes = repo.changes.filter((c) => c.seq !== 2); // pruned
    await live.sync();
    expect(live.reloads).toBe(2);
    expect(live.current.seq).toBe(3);
    expect(live.current.learnerEvidence('b', '2025-01-01').found).toBe(true);
  });

  it('fresh() catches up to what this process committed, and only then', async () => {
    const repo = new FakeRepository();
    const { live, feed } = await start(repo);
    const seq = repo.write(learner('a', ['s2']));
    // Another process's write (not in the feed) waits for the poll.
    expect((await live.fresh()).learnerEvidence('a', '2025-01-01').found).toBe(false);
    feed.committed(seq);
    expect((await live.fresh()).learnerEvidence('a', '2025-01-01').found).toBe(true);
  });

  it("fresh() does not stop at a poll's sync that read the log before this process's commit", async () => {
    const repo = new FakeRepository();
    const { live, feed } = await start(repo);
    // Another process's write, then the poll reads the log: its answer comes back late.
    repo.write(learner('other', []));
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const read = repo.getChangesSince.bind(repo);
    repo.getChangesSince = async (since: number, limit: number) => {
      const snapshot = await read(since, limit);
      await held;
      return snapshot;
    };
    const polling = live.sync();
    // This process writes and commits while the poll is under way.
    feed.committed(repo.write(learner('mine', ['s1'])));
    const fresh = live.fresh();
    repo.getChangesSince = read;
    release();
    await polling;
    expect((await fresh).learnerEvidence('mine', '2025-01-01').found).toBe(true);
    expect(live.reloads).toBe(0);
  });

  it('rebuilds when the log cannot bring it up to a committed number (a reset database)', async () => {
    const repo = new FakeRepository();
    repo.write(learner('a', []));
    const { live, feed } = await start(repo);
    repo.changes = [];
    feed.committed(5);
    await live.fresh();
    expect(live.reloads).toBe(1);
  });
});
