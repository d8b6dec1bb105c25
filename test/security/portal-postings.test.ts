/**
 * Portal self-service (#13.6): a portal lists its own postings (`myJobPostings`) and deletes one
 * (`deleteJobPosting`); another portal can neither list nor delete them, and a delete racing an
 * upsert of the same posting leaves either the posting whole or nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { errorCodeOf, readGraph } from '../support/graph-probes';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
let server: TestServer;
const p = uniquePrefix('portal-self');
const portalA = `${p}-portal-a`;
const portalB = `${p}-portal-b`;
let tokenA: Record<string, string>;
let tokenB: Record<string, string>;

async function upsert(id: string, title: string, token: Record<string, string>) {
  return server.gql<any>(
    `mutation($id: ID!, $title: String!, $occ: ID!) { upsertJobPosting(input: { id: $id, title: $title, occupationUri: $occ }) { id } }`,
    { id, title, occ: SOFTWARE_DEVELOPER },
    token,
  );
}

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  tokenA = await bearer({ sub: 'portal-a-sub', roles: ['PORTAL'], portalId: portalA });
  tokenB = await bearer({ sub: 'portal-b-sub', roles: ['PORTAL'], portalId: portalB });
  for (const [i, title] of ['Nurse', 'Backend developer', 'Analyst'].entries())
    expect(errorCodeOf(await upsert(`${p}-a${i}`, title, tokenA))).toBe('OK');
  expect(errorCodeOf(await upsert(`${p}-b0`, 'Welder', tokenB))).toBe('OK');
});
afterAll(async () => {
  await readGraph(server, 'MATCH (n:JobPosting) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
  await server?.close();
});

const LIST = `query($first: Int, $after: String) { myJobPostings(first: $first, after: $after) { totalCount nodes { id title } pageInfo { hasNextPage endCursor } } }`;

describe('myJobPostings', () => {
  it("lists only the token's own portal's postings, by title, in pages", async () => {
    const first = await server.gql<any>(LIST, { first: 2 }, tokenA);
    expect(first.errors).toBeUndefined();
    expect(first.data.myJobPostings.totalCount).toBe(3);
    expect(first.data.myJobPostings.nodes).toEqual([
      { id: `${p}-a2`, title: 'Analyst' },
      { id: `${p}-a1`, title: 'Backend developer' },
    ]);
    expect(first.data.myJobPostings.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql<any>(
      LIST,
      { first: 2, after: first.data.myJobPostings.pageInfo.endCursor },
      tokenA,
    );
    expect(second.data.myJobPostings.nodes).toEqual([{ id: `${p}-a0`, title: 'Nurse' }]);
    expect(second.data.myJobPostings.pageInfo.hasNextPage).toBe(false);
    const other = await server.gql<any>(LIST, { first: 10 }, tokenB);
    expect(other.data.myJobPostings.nodes).toEqual([{ id: `${p}-b0`, title: 'Welder' }]);
  });

  it('is FORBIDDEN to a PORTAL token naming no portal and to a learner, UNAUTHENTICATED anonymously', async () => {
    expect(errorCodeOf(await server.gql(LIST, {}, await bearer({ sub: 'px', roles: ['PORTAL'] })))).toBe('FORBIDDEN');
    expect(
      errorCodeOf(await server.gql(LIST, {}, await bearer({ sub: 'l', roles: ['LEARNER'], learnerId: 'l' }))),
    ).toBe('FORBIDDEN');
    expect(errorCodeOf(await server.gql(LIST, {}, { authorization: '' }))).toBe('UNAUTHENTICATED');
  });
});

describe('deleteJobPosting', () => {
  const DELETE = `mutation($id: ID!) { deleteJobPosting(id: $id) }`;

  it('another portal cannot delete a posting (FORBIDDEN) and it stays whole; its own portal deletes it with its requirements', async () => {
    const id = `${p}-del`;
    expect(errorCodeOf(await upsert(id, 'To delete', tokenA))).toBe('OK');
    const [{ before }] = await readGraph(
      server,
      'MATCH (:JobPosting {id: $id})-[r:REQUIRES]->() RETURN count(r) AS before',
      { id },
    );
    expect(before).toBeGreaterThan(0);
    expect(errorCodeOf(await server.gql(DELETE, { id }, tokenB))).toBe('FORBIDDEN');
    expect(errorCodeOf(await server.gql(DELETE, { id }, await bearer({ sub: 'px', roles: ['PORTAL'] })))).toBe(
      'FORBIDDEN',
    );
    const [{ kept }] = await readGraph(
      server,
      'MATCH (:JobPosting {id: $id})-[r:REQUIRES]->() RETURN count(r) AS kept',
      { id },
    );
    expect(kept).toBe(before);
    const res = await server.gql<any>(DELETE, { id }, tokenA);
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteJobPosting).toBe(true);
    expect(await readGraph(server, 'MATCH (j:JobPosting {id: $id}) RETURN j', { id })).toHaveLength(0);
    const [{ dangling }] = await readGraph(
      server,
      'MATCH ()-[r:REQUIRES]->() WHERE startNode(r).id = $id RETURN count(r) AS dangling',
      { id },
    );
    expect(dangling).toBe(0);
    expect(errorCodeOf(await server.gql(DELETE, { id }, tokenA))).toBe('NOT_FOUND');
    const list = await server.gql<any>(LIST, { first: 10 }, tokenA);
    expect(list.data.myJobPostings.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
  });

  it('a delete racing the owner re-creating the posting and another portal deleting it: never another portal, never half a posting (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const id = `${p}-race${trial}`;
      expect(errorCodeOf(await upsert(id, 'Race', tokenA))).toBe('OK');
      const [del, up, foreign] = await Promise.all([
        server.gql(DELETE, { id }, tokenA),
        upsert(id, 'Race again', tokenA),
        server.gql(DELETE, { id }, tokenB),
      ]);
      expect(errorCodeOf(del)).toBe('OK');
      // The re-creation commits; its answer re-reads the posting, which the delete may have removed
      // in between (upsert, then delete, then the re-read): NOT_FOUND "deleted meanwhile", as
      // documented for reloadWritten, and then the posting is gone.
      const upCode = errorCodeOf(up);
      expect(['OK', 'NOT_FOUND']).toContain(upCode);
      if (upCode === 'NOT_FOUND') expect(up.errors?.[0]?.message).toMatch(/deleted meanwhile/);
      // The foreign delete sees either A's posting (FORBIDDEN) or none (NOT_FOUND), never deletes.
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCodeOf(foreign));
      const rows = await readGraph(
        server,
        'MATCH (j:JobPosting {id: $id}) RETURN j.portalId AS owner, COUNT { (j)-[:REQUIRES]->() } AS reqs, COUNT { (j)-[:FOR_OCCUPATION]->() } AS occ',
        { id },
      );
      if (rows.length === 1) {
        expect(rows[0].owner).toBe(portalA);
        expect(rows[0].occ).toBe(1);
        expect(rows[0].reqs).toBeGreaterThan(0);
      } else {
        expect(rows).toHaveLength(0);
      }
      if (upCode === 'NOT_FOUND') expect(rows).toHaveLength(0);
    }
  });
});
