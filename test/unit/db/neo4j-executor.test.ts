/**
 * The executor's single path, without a database: a recording stand-in for the driver shows which
 * sessions it opens, with which settings, and which statements run in them. (Integration tests
 * run the same path against Neo4j; see test/security/read-after-write.test.ts.)
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { CypherRegistry, CypherRegistryError } from '../../../src/db/cypher-registry';
import { Neo4jExecutor } from '../../../src/db/neo4j-executor';
import { runWithQueryContext } from '../../../src/db/query-context';

interface SessionLog {
  readonly config: { defaultAccessMode?: string; bookmarkManager?: unknown };
  readonly statements: string[];
  transactions: number;
}

/** A driver whose sessions record their configuration and statements and answer no rows. */
function recordingDriver(): { driver: Driver; sessions: SessionLog[] } {
  const sessions: SessionLog[] = [];
  const driver = {
    session(config: SessionLog['config']) {
      const log: SessionLog = { config, statements: [], transactions: 0 };
      sessions.push(log);
      const run = async (text: string) => {
        log.statements.push(text);
        return { records: [] };
      };
      return {
        run,
        async beginTransaction() {
          log.transactions += 1;
          let open = true;
          return {
            run,
            isOpen: () => open,
            commit: async () => {
              open = false;
            },
            rollback: async () => {
              open = false;
            },
          };
        },
        async close() {
          // Nothing to release in the fake.
        },
      };
    },
  };
  return { driver: driver as unknown as Driver, sessions };
}

const registry = CypherRegistry.load();
const SKILLS = 'esco/get-skills-by-uris';
const skillsText = registry.get(SKILLS).text;

describe('parameters are checked against the query header', () => {
  it('refuses a missing parameter before opening a session', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await expect(executor.read(SKILLS, {})).rejects.toThrow(/esco\/get-skills-by-uris\.cypher.*missing \$uris/);
    expect(sessions).toHaveLength(0);
  });

  it('refuses a parameter the header does not declare', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await expect(executor.write(SKILLS, { uris: [], limit: 3 })).rejects.toThrow(/not declared \$limit/);
    expect(sessions).toHaveLength(0);
  });

  it('refuses mismatches inside a transaction too, and runs nothing of it', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    const work = executor.transaction('READ', async (tx) => {
      await tx.read(SKILLS, { uris: [] });
      return tx.read(SKILLS, { uri: 'x' });
    });
    await expect(work).rejects.toBeInstanceOf(CypherRegistryError);
    expect(sessions.flatMap((s) => s.statements)).toEqual([skillsText]);
  });

  it('passes a call with exactly the declared parameters', async () => {
    const { driver, sessions } = recordingDriver();
    await expect(new Neo4jExecutor(driver, registry).read(SKILLS, { uris: ['u'] })).resolves.toEqual([]);
    expect(sessions.map((s) => s.statements)).toEqual([[skillsText]]);
  });
});

describe('bookmarks', () => {
  it('gives every session of one request the same bookmark manager, and another request another', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    const request = () =>
      runWithQueryContext('op', async () => {
        await executor.transaction('WRITE', (tx) => tx.read(SKILLS, { uris: [] }));
        await Promise.all([executor.read(SKILLS, { uris: [] }), executor.read(SKILLS, { uris: [] })]);
      });
    await request();
    await request();
    const managers = sessions.map((s) => s.config.bookmarkManager);
    expect(managers).toHaveLength(6);
    expect(managers.every((m) => m !== undefined)).toBe(true);
    expect(new Set(managers.slice(0, 3)).size).toBe(1);
    expect(new Set(managers.slice(3)).size).toBe(1);
    expect(managers[0]).not.toBe(managers[3]);
  });

  it('gives work outside requests (tools, start-up, the identity check) no bookmarks', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await executor.write(SKILLS, { uris: [] });
    await executor.withOptions({ transactionTimeoutMs: 5_000 }).read(SKILLS, { uris: [] });
    expect(sessions.map((s) => s.config.bookmarkManager)).toEqual([undefined, undefined]);
  });
});

describe('one runner inside and outside transactions', () => {
  it('runs a nested transaction in the outer one (one session, one transaction)', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await executor.transaction('WRITE', async (tx) => {
      await tx.read(SKILLS, { uris: [] });
      await tx.transaction('WRITE', (inner) => inner.write(SKILLS, { uris: [] }));
    });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.transactions).toBe(1);
    // The read, the write, and (last, in the same transaction) the change-log entry of the write.
    expect(sessions[0]!.statements).toEqual([skillsText, skillsText, registry.get('read-model/append-change').text]);
  });

  it('opens a read session for a read and a write session for a write', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await executor.read(SKILLS, { uris: [] });
    await executor.write(SKILLS, { uris: [] });
    await executor.transaction('READ', (tx) => tx.read(SKILLS, { uris: [] }));
    expect(sessions.map((s) => s.config.defaultAccessMode)).toEqual(['READ', 'WRITE', 'READ']);
  });

  it('refuses a write inside a READ transaction', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await expect(executor.transaction('READ', (tx) => tx.write(SKILLS, { uris: [] }))).rejects.toThrow(
      /READ transaction/,
    );
    await expect(executor.transaction('READ', (tx) => tx.transaction('WRITE', async () => 1))).rejects.toThrow(
      /READ transaction/,
    );
    expect(sessions.flatMap((s) => s.statements)).toEqual([]);
  });
});

describe('the change log of writes', () => {
  const appendText = registry.get('read-model/append-change').text;

  it('records a scoped write in its own transaction, after the write', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await executor.write('learners/set-matching-consent', { learnerId: 'l1', consent: true, now: 'x' });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.transactions).toBe(1);
    expect(sessions[0]!.statements).toEqual([registry.get('learners/set-matching-consent').text, appendText]);
  });

  it('records nothing for a transaction of locks only, nor for schema writes', async () => {
    const { driver, sessions } = recordingDriver();
    const executor = new Neo4jExecutor(driver, registry);
    await executor.transaction('WRITE', (tx) => tx.write('locks/lock-learner', { learnerId: 'l1' }));
    await executor.write('migrations/001-create-skill-uri');
    expect(sessions.flatMap((s) => s.statements)).not.toContain(appendText);
    // The schema write stays an auto-commit statement (schema commands cannot join a transaction with data writes).
    expect(sessions[1]!.transactions).toBe(0);
  });
});
