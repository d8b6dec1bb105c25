/**
 * Issue #18.6: one policy, one meaning. With `coverThreshold: 0`, `recommendCourses` answered
 * NO_GAP while `coverage` with the same policy reported every skill MISSING with score 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const COVERAGE = `query($p: MatchPolicyInput) { coverage(subject: { skillUris: [] }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, policy: $p) {
  score requirements { skill { uri } relation status } } }`;
const PLAN = `query($p: MatchPolicyInput) { recommendCourses(subject: { skillUris: [] }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, policy: $p) {
  status gap { uri } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('coverThreshold has one meaning in coverage and planning (#18.6)', () => {
  it.each([0, -0.1, 1.01])(
    'both operations refuse coverThreshold %s with BAD_USER_INPUT naming the field',
    async (coverThreshold) => {
      for (const query of [COVERAGE, PLAN]) {
        const res = await server.gql(query, { p: { coverThreshold } });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(/policy\.coverThreshold must lie in \(0, 1\]/);
      }
    },
  );

  it('with an accepted small threshold, the skills coverage calls MISSING are exactly the essential gap the plan sees', async () => {
    const p = { coverThreshold: 0.01 };
    const coverage = await server.gql<any>(COVERAGE, { p });
    const plan = await server.gql<any>(PLAN, { p });
    expect(coverage.errors).toBeUndefined();
    expect(plan.errors).toBeUndefined();
    const missing = coverage.data.coverage.requirements
      .filter((r: any) => r.relation === 'ESSENTIAL' && r.status !== 'COVERED')
      .map((r: any) => r.skill.uri)
      .sort();
    expect(missing.length).toBeGreaterThan(0);
    expect(plan.data.recommendCourses.status).not.toBe('NO_GAP');
    expect(plan.data.recommendCourses.gap.map((s: any) => s.uri).sort()).toEqual(missing);
  });
});
