/**
 * A reskillingPaths answer whose plan time ran out before every candidate was planned says so:
 * the list keeps the options planned, and the response carries a PARTIAL_RESULT warning naming the
 * field (by its alias) and how many of the candidates were planned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
let skills: string[];

beforeAll(async () => {
  // The shortest plan time limit allowed: the deadline passes before the job reaches its second
  // candidate (the answer comes by its cutoff with those planned by then, possibly none).
  server = await startTestServer({ PLAN_TIME_LIMIT_MS: '10' });
  const res = await server.db.driver.executeQuery(
    `MATCH (o:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill)
     RETURN s.uri AS uri ORDER BY uri LIMIT 3`,
    { uri: SOFTWARE_DEVELOPER },
  );
  skills = res.records.map((r) => r.get('uri') as string);
  expect(skills).toHaveLength(3);
});
afterAll(async () => {
  await server?.close();
});

interface Warning {
  code: string;
  message: string;
  path: (string | number)[];
  details: { candidatesConsidered: number; candidatesPlanned: number };
}

describe('reskillingPaths cut short by its plan time limit', () => {
  it('lists the options planned and warns that candidates were left out', async () => {
    const res = await server.gql<{ paths: { occupation: { uri: string }; plan: { optimal: boolean } }[] }>(
      `query($s: SubjectInput!) { paths: reskillingPaths(subject: $s, candidates: 40, first: 40) {
        occupation { uri } plan { optimal } } }`,
      { s: { skillUris: skills } },
    );
    expect(res.errors).toBeUndefined();
    const warnings = res.extensions?.warnings as Warning[] | undefined;
    expect(warnings).toHaveLength(1);
    const [warning] = warnings!;
    expect(warning!.code).toBe('PARTIAL_RESULT');
    expect(warning!.path).toEqual(['paths']);
    expect(warning!.message).toMatch(/planned (\d+|none) of the 40 closest occupations/);
    const { candidatesConsidered, candidatesPlanned } = warning!.details;
    expect(candidatesConsidered).toBe(40);
    expect(candidatesPlanned).toBeLessThan(candidatesConsidered);
    // Every option listed is one of those planned.
    expect(res.data.paths.length).toBeLessThanOrEqual(candidatesPlanned);
    expect(res.data.paths.length).toBe(Math.min(40, candidatesPlanned));
  });

  it('sends no warning for a query that plans nothing', async () => {
    const res = await server.gql<{ occupation: { uri: string } | null }>(
      `query($u: ID!) { occupation(uri: $u) { uri } }`,
      { u: SOFTWARE_DEVELOPER },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.occupation?.uri).toBe(SOFTWARE_DEVELOPER);
    expect(res.extensions).toBeUndefined();
  });
});
