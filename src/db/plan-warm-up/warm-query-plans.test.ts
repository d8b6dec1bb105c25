import { describe, expect, it } from 'vitest';
import { CypherRegistry, CypherRegistryError } from '../cypher-registry';
import { checkQueryParams } from '../neo4j-executor';
import { hotReadQueryWarmUps, type QueryPlanWarmUp } from './hot-read-queries';
import { planCacheSizeBucket } from './plan-cache-size-bucket';
import { warmQueryPlans } from './warm-query-plans';

const warmUp = (name: string): QueryPlanWarmUp => ({ name, params: {} });

describe('warmQueryPlans', () => {
  it('plans every query in order and goes on past a failure', async () => {
    const seen: string[] = [];
    const failures: string[] = [];
    const summary = await warmQueryPlans(
      {
        read: async (name) => {
          seen.push(name);
          if (name === 'b') throw new Error('refused');
          return [];
        },
      },
      [warmUp('a'), warmUp('b'), warmUp('c')],
      { onFailure: (w) => failures.push(w.name) },
    );
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(failures).toEqual(['b']);
    expect(summary).toMatchObject({ planned: 2, failed: 1, skipped: 0 });
  });

  it('starts no plan once its budget is spent', async () => {
    const seen: string[] = [];
    const summary = await warmQueryPlans(
      {
        read: async (name) => {
          seen.push(name);
          await new Promise((resolve) => setTimeout(resolve, 60));
          return [];
        },
      },
      [warmUp('a'), warmUp('b'), warmUp('c'), warmUp('d')],
      { budgetMs: 45 },
    );
    expect(seen).toEqual(['a']);
    expect(summary).toMatchObject({ planned: 1, failed: 0, skipped: 3 });
  });

  it('runs one plan at a time', async () => {
    let running = 0;
    let most = 0;
    await warmQueryPlans(
      {
        read: async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          return [];
        },
      },
      [warmUp('a'), warmUp('b'), warmUp('c')],
    );
    expect(most).toBe(1);
  });
});

describe('hotReadQueryWarmUps', () => {
  const registry = CypherRegistry.load();
  const warmUps = hotReadQueryWarmUps();

  it('passes each query exactly the parameters its header declares (as the executor checks)', () => {
    for (const w of warmUps) {
      expect(() => checkQueryParams(registry.get(w.name), w.params), w.name).not.toThrow(CypherRegistryError);
    }
  });

  it('plans only read queries', () => {
    for (const w of warmUps) {
      expect(registry.get(w.name).text, w.name).not.toMatch(/\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/);
    }
  });

  it('warms each query for distinct parameter sizes only: no plan is warmed twice', () => {
    const signatures = warmUps.map((w) =>
      JSON.stringify([
        w.name,
        Object.entries(w.params).map(([key, value]) => [
          key,
          Array.isArray(value) || typeof value === 'string' ? planCacheSizeBucket(value.length) : typeof value,
        ]),
      ]),
    );
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it("warms a plan reply's course read for one course, a few, and up to a hundred", () => {
    const sizes = warmUps
      .filter((w) => w.name === 'catalog/get-credentials-by-ids')
      .map((w) => planCacheSizeBucket((w.params.ids as string[]).length));
    expect(sizes).toEqual([1, 10, 100]);
  });
});
