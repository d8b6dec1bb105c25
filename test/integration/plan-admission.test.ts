/**
 * Admission of plan requests through the API: with every place taken, a plan request waits in
 * line and is answered once a place frees up; one more than the line holds is refused at once
 * (503, SERVER_BUSY, `retry-after`); one no place comes for within a quarter of its time limit is
 * refused then, not answered late. The places are held here through the app's compute tier, as a
 * plan request in flight holds one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { epochNow } from '../../src/domain/planning';
import { MAX_WAIT_SHARE } from '../../src/compute/plan-admission';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const PLAN_TIME_LIMIT_MS = 4_000;

let server: TestServer;

beforeAll(async () => {
  // One compute thread and one place: the floor of the learnt limit is the threads.
  server = await startTestServer({
    COMPUTE_THREADS: '1',
    COMPUTE_QUEUE_MAX: '1',
    PLAN_ADMISSION_MAX: '1',
    PLAN_TIME_LIMIT_MS: String(PLAN_TIME_LIMIT_MS),
  });
});
afterAll(async () => {
  await server?.close();
});

function recommend() {
  return server.gql<{ recommendCourses: { status: string } | null }>(
    `query($s: SubjectInput!, $t: TargetInput!) { recommendCourses(subject: $s, target: $t) { status } }`,
    { s: { skillUris: [] }, t: { occupationUri: SOFTWARE_DEVELOPER } },
  );
}

/** Resolves once `check` holds, polling every 10 ms for at most 5 s. */
async function until(check: () => boolean): Promise<void> {
  const started = performance.now();
  while (!check() && performance.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Holds the one place as a plan request in flight would, for a plan due far ahead. */
function holdPlace() {
  return server.app.compute.admitPlan(epochNow() + 60_000, 60_000);
}

describe('plan admission', () => {
  it('answers a plan that waited for a place, and refuses at once the one the line has no room for', async () => {
    const held = await holdPlace();
    let waiting: ReturnType<typeof recommend>;
    try {
      waiting = recommend();
      await until(() => server.app.compute.stats().planAdmission.waiting === 1);
      expect(server.app.compute.stats().planAdmission).toMatchObject({ inFlight: 1, waiting: 1 });
      const started = performance.now();
      const refused = await recommend();
      expect(performance.now() - started).toBeLessThan(500);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe(String(PLAN_TIME_LIMIT_MS / 1000));
      expect(refused.errors?.[0]?.extensions?.code).toBe('SERVER_BUSY');
      expect(refused.errors?.[0]?.message).toContain('waiting line is full');
    } finally {
      held.release();
    }
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(answered.errors).toBeUndefined();
    expect(answered.data.recommendCourses?.status).toEqual(expect.any(String));
    expect(server.app.compute.stats().planAdmission).toMatchObject({ inFlight: 0, waiting: 0, refused: 1 });
  });

  it('refuses a plan no place came for within a quarter of its time limit, instead of answering it late', async () => {
    const held = await holdPlace();
    try {
      const started = performance.now();
      const refused = await recommend();
      const waited = performance.now() - started;
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions?.code).toBe('SERVER_BUSY');
      expect(refused.errors?.[0]?.message).toContain('no place came in time');
      expect(waited).toBeGreaterThanOrEqual(PLAN_TIME_LIMIT_MS * MAX_WAIT_SHARE - 5);
      expect(waited).toBeLessThan(PLAN_TIME_LIMIT_MS);
    } finally {
      held.release();
    }
    // The place is free again: the next plan is answered.
    const answered = await recommend();
    expect(answered.status).toBe(200);
    expect(answered.errors).toBeUndefined();
  });
});
