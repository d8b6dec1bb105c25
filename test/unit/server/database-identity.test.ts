import { describe, expect, it } from 'vitest';
import { identityMismatch, schemaVersionOf, type DatabaseIdentity } from '../../../src/domain/database-identity';
import { DatabaseIdentityGuard } from '../../../src/services/database-identity-guard';
import type { DatabaseIdentityRepository } from '../../../src/db/repositories/database-identity-repository';

const A: DatabaseIdentity = { instanceId: 'a', schemaVersion: 16 };

describe('identityMismatch', () => {
  it('accepts the adopted identity and newer schema versions, refuses anything else with a reason', () => {
    expect(identityMismatch(A, { instanceId: 'a', schemaVersion: 16 })).toBeNull();
    expect(identityMismatch(A, { instanceId: 'a', schemaVersion: 31 })).toBeNull();
    expect(identityMismatch(A, { instanceId: 'b', schemaVersion: 16 })).toMatch(/instance b, not instance a/);
    expect(identityMismatch(A, { instanceId: 'a', schemaVersion: 12 })).toMatch(
      /schema version 12 is older than version 16/,
    );
    expect(identityMismatch(A, null)).toMatch(/no credgraph identity/);
  });

  it('reads the schema version from migration names', () => {
    expect(schemaVersionOf(['migrations/001-a', 'migrations/016-b', 'migrations/009-c'])).toBe(16);
    expect(schemaVersionOf([])).toBe(0);
  });
});

/** A repository stand-in whose stored identity the test swaps, as another database would. */
function fakeRepository(initial: DatabaseIdentity | null) {
  const state = { stored: initial, reads: 0, failing: false };
  const repository = {
    async adopt(instanceId: string, schemaVersion: number) {
      state.stored ??= { instanceId, schemaVersion };
      return state.stored;
    },
    async read() {
      state.reads += 1;
      if (state.failing) throw new Error('connection refused');
      return state.stored;
    },
  } as unknown as DatabaseIdentityRepository;
  return { repository, state };
}

describe('DatabaseIdentityGuard', () => {
  it('creates an identity in an empty database and keeps one that exists', async () => {
    const empty = fakeRepository(null);
    const guard = await DatabaseIdentityGuard.adopt(empty.repository, 16, { checkIntervalMs: 1000 });
    expect(guard.expected.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    const existing = fakeRepository(A);
    expect((await DatabaseIdentityGuard.adopt(existing.repository, 16, { checkIntervalMs: 1000 })).expected).toEqual(A);
  });

  it('re-checks after the interval or a failed query, and refuses while the identity differs', async () => {
    let now = 0;
    const { repository, state } = fakeRepository(A);
    const guard = await DatabaseIdentityGuard.adopt(repository, 16, { checkIntervalMs: 1000, now: () => now });
    await guard.assertServing();
    expect(state.reads).toBe(0);
    state.stored = { instanceId: 'b', schemaVersion: 16 };
    guard.suspect();
    await expect(guard.assertServing()).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(await guard.check()).toMatchObject({
      ok: false,
      mismatch: true,
      reason: expect.stringMatching(/instance b/),
    });
    state.stored = A;
    now = 5_000;
    await guard.assertServing();
    now = 7_000;
    state.stored = { instanceId: 'c', schemaVersion: 16 };
    await expect(guard.assertServing()).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('reports an unreachable database as not ready without calling it a mismatch', async () => {
    const { repository, state } = fakeRepository(A);
    const guard = await DatabaseIdentityGuard.adopt(repository, 16, { checkIntervalMs: 1000 });
    state.failing = true;
    expect(await guard.check()).toMatchObject({ ok: false, mismatch: false });
  });
});
