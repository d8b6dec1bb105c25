/**
 * Issue #17, item 3: a read after a write of the same request sees the write on a cluster too.
 * Every session of a request gets the request's bookmark manager, so the read session that
 * reloads a mutation's result waits for the write's bookmark. A single test server sees its own
 * writes anyway; what would fail on a cluster is a read session opened without that bookmark,
 * so the driver is wrapped to record each session's bookmark manager and the bookmarks it held
 * when the session opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookmarkManager, Driver, SessionConfig } from 'neo4j-driver';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';
import { currentQueryContext } from '../../src/db/query-context';
import { loadConfig } from '../../src/config/config';
import { createApp, type App } from '../../src/server/create-app';
import { createLogger } from '../../src/server/logger';
import type { RunningHttpServer } from '../../src/server/http-server';
import { TEST_JWT_SECRET, bearer } from '../support/test-server';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-database';

interface OpenedSession {
  readonly mode: string | undefined;
  readonly manager: BookmarkManager | undefined;
  /** The manager's bookmarks when the session opened. */
  readonly held: Promise<Iterable<string>>;
}

let db: TestDatabase;
let app: App;
let running: RunningHttpServer;
let admin: Record<string, string>;
const opened: OpenedSession[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const recording = new Proxy(db.driver, {
    get(target, key, receiver) {
      if (key !== 'session') return Reflect.get(target, key, receiver);
      return (config: SessionConfig = {}) => {
        // Only a request's sessions: the read model's catch-up after a write runs outside any
        // request's context by design, and may open its sessions while the next request runs.
        if (currentQueryContext() === undefined) return target.session(config);
        // getBookmarks copies the set before its first await: this is the state at opening.
        const held = config.bookmarkManager?.getBookmarks() ?? Promise.resolve([]);
        opened.push({ mode: config.defaultAccessMode, manager: config.bookmarkManager, held });
        return target.session(config);
      };
    },
  }) as Driver;
  // A long identity check interval keeps background queries out of the recorded sessions.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: db.uri,
    JWT_SECRET: TEST_JWT_SECRET,
    NEO4J_IDENTITY_CHECK_MS: '600000',
  });
  app = await createApp(config, createLogger('silent'), new Neo4jExecutor(recording, db.registry), recording);
  running = await app.listen('127.0.0.1', 0);
  admin = await bearer({ sub: 'read-after-write-admin', roles: ['ADMIN'] });
});

afterAll(async () => {
  await running?.close(1_000);
  await app?.stop();
  await db?.close();
});

async function post(query: string): Promise<{ data: any; errors?: unknown[] }> {
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

describe('a mutation and the reads of the same request', () => {
  it('reload the written learner in a session that carries the write’s bookmark', async () => {
    const id = uniquePrefix('raw');
    opened.length = 0;
    const created = await post(
      `mutation { createLearner(input: { id: "${id}", displayName: "Rita" }) { id displayName matchingConsent } }`,
    );
    const sessions = [...opened];
    expect(created.errors).toBeUndefined();
    expect(created.data.createLearner).toEqual({ id, displayName: 'Rita', matchingConsent: false });

    const write = sessions.findIndex((s) => s.mode === 'WRITE');
    const readAfter = sessions.findIndex((s, i) => i > write && s.mode === 'READ');
    expect(write).toBeGreaterThanOrEqual(0);
    expect(readAfter).toBeGreaterThan(write);
    const manager = sessions[write]!.manager;
    expect(manager).toBeDefined();
    expect(sessions.every((s) => s.manager === manager)).toBe(true);
    expect([...(await sessions[readAfter]!.held)]).not.toEqual([]);

    // The next request starts with a manager of its own.
    opened.length = 0;
    expect((await post(`mutation { deleteLearner(learnerId: "${id}") }`)).errors).toBeUndefined();
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((s) => s.manager !== undefined && s.manager !== manager)).toBe(true);
    expect([...(await opened[0]!.held)]).toEqual([]);
  });
});
