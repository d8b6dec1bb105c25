/**
 * The access matrix: every role against every operation that touches personal data. Each cell
 * states ALLOW or the error code expected, and the test prints the matrix it verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
let server: TestServer;
const p = uniquePrefix('access');
const ids = {
  ann: `${p}-ann`,
  bob: `${p}-bob`,
  provider: `${p}-prov`,
  otherProvider: `${p}-prov2`,
  credential: `${p}-cred`,
  portal: `${p}-portal`,
  otherPortal: `${p}-portal2`,
  posting: `${p}-job`,
  otherPosting: `${p}-job2`,
};
let skillUri: string;

type Role =
  | 'ANONYMOUS'
  | 'LEARNER_SELF'
  | 'LEARNER_OTHER'
  | 'ADVISOR_GRANTED'
  | 'ADVISOR_NOT_GRANTED'
  | 'PORTAL'
  | 'PROVIDER'
  | 'ADMIN';
const ROLES: Role[] = [
  'ANONYMOUS',
  'LEARNER_SELF',
  'LEARNER_OTHER',
  'ADVISOR_GRANTED',
  'ADVISOR_NOT_GRANTED',
  'PORTAL',
  'PROVIDER',
  'ADMIN',
];
const headers: Partial<Record<Role, Record<string, string>>> = {};

type Outcome = 'ALLOW' | 'FORBIDDEN' | 'UNAUTHENTICATED';
interface Operation {
  name: string;
  query: () => string;
  variables?: () => Record<string, unknown>;
  expect: Partial<Record<Role, Outcome>>;
  check?: (data: any) => void;
}

const A = 'ALLOW',
  F = 'FORBIDDEN',
  U = 'UNAUTHENTICATED';
/** Reads of Ann's personal data: Ann, her granted advisor and ADMIN only. */
const annOnly = {
  ANONYMOUS: U,
  LEARNER_SELF: A,
  LEARNER_OTHER: F,
  ADVISOR_GRANTED: A,
  ADVISOR_NOT_GRANTED: F,
  PORTAL: F,
  PROVIDER: F,
  ADMIN: A,
} as const;
/** Writes to Ann's record: Ann and ADMIN only (advisors read and plan only). */
const annWrites = { ...annOnly, ADVISOR_GRANTED: F } as const;

const OPERATIONS: Operation[] = [
  { name: 'learner(id) displayName', query: () => `{ learner(id: "${ids.ann}") { displayName } }`, expect: annOnly },
  {
    name: 'learner holdings',
    query: () => `{ learner(id: "${ids.ann}") { holdings { credential { id } } } }`,
    expect: annOnly,
  },
  {
    name: 'learner holdings via alias',
    query: () => `{ a: learner(id: "${ids.bob}") { id } b: learner(id: "${ids.ann}") { declaredSkills { uri } } }`,
    expect: { ...annOnly, LEARNER_SELF: F, ADVISOR_GRANTED: F },
  },
  {
    name: 'coverage of learner',
    query: () =>
      `{ coverage(subject: { learnerId: "${ids.ann}" }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { score } }`,
    expect: annOnly,
  },
  {
    name: 'learner.coverage shortcut',
    query: () =>
      `{ learner(id: "${ids.ann}") { coverage(target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { score } } }`,
    expect: annOnly,
  },
  {
    name: 'rankOccupations of learner',
    query: () => `{ rankOccupations(subject: { learnerId: "${ids.ann}" }, first: 1) { totalCount } }`,
    expect: annOnly,
  },
  {
    name: 'recommendCourses for learner',
    query: () =>
      `{ recommendCourses(subject: { learnerId: "${ids.ann}" }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { status } }`,
    expect: annOnly,
  },
  {
    name: 'reskillingPaths for learner',
    query: () =>
      `{ reskillingPaths(subject: { learnerId: "${ids.ann}" }, first: 1, candidates: 2) { plan { status } } }`,
    expect: annOnly,
  },
  { name: 'exportLearnerData', query: () => `{ exportLearnerData(learnerId: "${ids.ann}") }`, expect: annWrites },
  {
    name: 'declareSkills',
    query: () => `mutation { declareSkills(learnerId: "${ids.ann}", skillUris: ["${skillUri}"]) { id } }`,
    expect: annWrites,
  },
  {
    name: 'addHolding',
    query: () =>
      `mutation { addHolding(learnerId: "${ids.ann}", credentialId: "${ids.credential}", issuedOn: "2024-01-01") { id } }`,
    expect: annWrites,
  },
  {
    name: 'setMatchingConsent',
    query: () => `mutation { setMatchingConsent(learnerId: "${ids.ann}", consent: true) { id } }`,
    expect: annWrites,
  },
  {
    name: 'grantAdvisorAccess',
    query: () => `mutation { grantAdvisorAccess(learnerId: "${ids.ann}", advisorSubject: "advisor-1") }`,
    expect: annWrites,
  },
  {
    name: 'createLearner for someone else',
    query: () =>
      `mutation { createLearner(input: { id: "${p}-x${Math.random().toString(36).slice(2, 7)}", displayName: "X" }) { id } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: F,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: 'rankCandidates own posting',
    query: () => `{ rankCandidates(target: { jobPostingId: "${ids.posting}" }) { nodes { displayName } } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: A,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: "rankCandidates other portal's posting",
    query: () => `{ rankCandidates(target: { jobPostingId: "${ids.otherPosting}" }) { totalCount } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: F,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: 'candidate holdings via nested field',
    query: () =>
      `{ rankCandidates(target: { jobPostingId: "${ids.posting}" }) { nodes { learner { holdings { credential { id } } } } } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: F,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: 'upsertJobPosting own portal',
    query: () =>
      `mutation { upsertJobPosting(input: { id: "${ids.posting}", title: "Dev", occupationUri: "${SOFTWARE_DEVELOPER}", portalId: "${ids.portal}" }) { id } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: A,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: 'upsertMicroCredential own provider',
    query: () =>
      `mutation { upsertMicroCredential(input: { id: "${ids.credential}", title: "Cred", providerId: "${ids.provider}", skills: [{ uri: "${skillUri}" }] }) { id } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: F,
      PROVIDER: A,
      ADMIN: A,
    },
  },
  {
    name: 'upsertMicroCredential for another provider',
    query: () =>
      `mutation { upsertMicroCredential(input: { title: "Cred", providerId: "${ids.otherProvider}" }) { id } }`,
    expect: {
      ANONYMOUS: U,
      LEARNER_SELF: F,
      LEARNER_OTHER: F,
      ADVISOR_GRANTED: F,
      ADVISOR_NOT_GRANTED: F,
      PORTAL: F,
      PROVIDER: F,
      ADMIN: A,
    },
  },
  {
    name: 'catalog and taxonomy (public)',
    query: () =>
      `{ microCredential(id: "${ids.credential}") { title } occupation(uri: "${SOFTWARE_DEVELOPER}") { preferredLabel } }`,
    expect: Object.fromEntries(ROLES.map((r) => [r, A])),
  },
  {
    name: 'coverage of a stated stack (public)',
    query: () =>
      `{ coverage(subject: { credentialIds: ["${ids.credential}"] }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { score } }`,
    expect: Object.fromEntries(ROLES.map((r) => [r, A])),
  },
];

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery(
    'MATCH (:Occupation {uri: $uri})-[:REQUIRES]->(s:Skill) RETURN s.uri AS uri ORDER BY uri LIMIT 1',
    { uri: SOFTWARE_DEVELOPER },
  );
  skillUri = res.records[0]!.get('uri');
  const setup = await server.gql<any>(`mutation {
    p1: upsertProvider(input: { id: "${ids.provider}", name: "P1" }) { id }
    p2: upsertProvider(input: { id: "${ids.otherProvider}", name: "P2" }) { id }
    c: upsertMicroCredential(input: { id: "${ids.credential}", title: "Cred", providerId: "${ids.provider}", skills: [{ uri: "${skillUri}" }] }) { id }
    ann: createLearner(input: { id: "${ids.ann}", displayName: "Ann", matchingConsent: true }) { id }
    bob: createLearner(input: { id: "${ids.bob}", displayName: "Bob" }) { id }
    h: addHolding(learnerId: "${ids.ann}", credentialId: "${ids.credential}", issuedOn: "2024-01-01") { id }
    g: grantAdvisorAccess(learnerId: "${ids.ann}", advisorSubject: "advisor-granted")
    j1: upsertJobPosting(input: { id: "${ids.posting}", title: "Dev", occupationUri: "${SOFTWARE_DEVELOPER}", portalId: "${ids.portal}" }) { id }
    j2: upsertJobPosting(input: { id: "${ids.otherPosting}", title: "Dev2", occupationUri: "${SOFTWARE_DEVELOPER}", portalId: "${ids.otherPortal}" }) { id } }`);
  expect(setup.errors).toBeUndefined();
  headers.ANONYMOUS = ANONYMOUS_HEADERS;
  headers.LEARNER_SELF = await bearer({ sub: 'ann-sub', roles: ['LEARNER'], learnerId: ids.ann });
  headers.LEARNER_OTHER = await bearer({ sub: 'bob-sub', roles: ['LEARNER'], learnerId: ids.bob });
  headers.ADVISOR_GRANTED = await bearer({ sub: 'advisor-granted', roles: ['ADVISOR'] });
  headers.ADVISOR_NOT_GRANTED = await bearer({ sub: 'advisor-other', roles: ['ADVISOR'] });
  headers.PORTAL = await bearer({ sub: 'portal-sub', roles: ['PORTAL'], portalId: ids.portal });
  headers.PROVIDER = await bearer({ sub: 'provider-sub', roles: ['PROVIDER'], providerId: ids.provider });
  headers.ADMIN = await bearer({ sub: 'admin-sub', roles: ['ADMIN'] });
});
afterAll(async () => {
  await server?.close();
});

describe('access matrix', () => {
  it("every role gets exactly what the rules allow, and never another person's data", async () => {
    const table: Record<string, Record<string, string>> = {};
    const failures: string[] = [];
    for (const op of OPERATIONS) {
      table[op.name] = {};
      for (const role of ROLES) {
        const expected = op.expect[role]!;
        const res = await server.gql<any>(op.query(), op.variables?.(), headers[role]);
        const code = res.errors?.[0]?.extensions?.code as string | undefined;
        const got = code === undefined ? 'ALLOW' : code;
        table[op.name]![role] = got === 'ALLOW' ? 'allow' : got.toLowerCase();
        if (got !== expected)
          failures.push(`${op.name} as ${role}: expected ${expected}, got ${got} ${res.errors?.[0]?.message ?? ''}`);
        if (expected !== 'ALLOW') {
          // A refused read carries no data of the protected learner anywhere in the response.
          expect(JSON.stringify(res.data ?? null)).not.toMatch(/Ann|holdings":\[\{/);
        }
      }
    }
    console.table(table);
    expect(failures).toEqual([]);
  });

  it('a portal sees only display names of consenting candidates', async () => {
    const res = await server.gql<any>(
      `{ rankCandidates(target: { jobPostingId: "${ids.posting}" }, first: 100) { nodes { displayName learner { id displayName } coverage { score } } } }`,
      undefined,
      headers.PORTAL,
    );
    expect(res.errors).toBeUndefined();
    const names = res.data.rankCandidates.nodes.map((n: any) => n.learner.displayName);
    expect(names).toContain('Ann');
    expect(names).not.toContain('Bob');
  });

  it('rejects invalid, expired and wrongly signed tokens with UNAUTHENTICATED', async () => {
    const expired = await bearer({ sub: 'x', roles: ['ADMIN'] }, Math.floor(Date.now() / 1000) - 60);
    const forged = {
      authorization: (await bearer({ sub: 'x', roles: ['ADMIN'] })).authorization!.slice(0, -4) + 'AAAA',
    };
    for (const h of [expired, forged, { authorization: 'Bearer not-a-jwt' }, { authorization: 'Basic abc' }]) {
      const res = await server.gql<any>('{ occupation(uri: "x") { uri } }', undefined, h);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a learner exports all their data and deletes their record; the catalog stays', async () => {
    const carl = `${p}-carl`;
    await server.gql(
      `mutation { createLearner(input: { id: "${carl}", displayName: "Carl", declaredSkillUris: ["${skillUri}"] }) { id } addHolding(learnerId: "${carl}", credentialId: "${ids.credential}", issuedOn: "2024-02-02") { id } }`,
    );
    const carlHeaders = await bearer({ sub: 'carl-sub', roles: ['LEARNER'], learnerId: carl });
    const exported = await server.gql<any>(`{ exportLearnerData(learnerId: "${carl}") }`, undefined, carlHeaders);
    expect(exported.errors).toBeUndefined();
    expect(exported.data.exportLearnerData.learner.displayName).toBe('Carl');
    expect(exported.data.exportLearnerData.holdings[0].credentialId).toBe(ids.credential);
    expect(exported.data.exportLearnerData.declaredSkills[0].uri).toBe(skillUri);
    const deleted = await server.gql<any>(`mutation { deleteLearner(learnerId: "${carl}") }`, undefined, carlHeaders);
    expect(deleted.data.deleteLearner).toBe(true);
    const left = await server.db.driver.executeQuery('MATCH (l:Learner {id: $id}) RETURN count(l) AS n', { id: carl });
    expect(left.records[0]!.get('n')).toBe(0);
    const cred = await server.gql<any>(`{ microCredential(id: "${ids.credential}") { id } }`);
    expect(cred.data.microCredential.id).toBe(ids.credential);
  });
});
