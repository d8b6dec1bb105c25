import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { sharedDataDir } from '../support/shared-data';

// Expectations come from the ESCO v1.1.1 CSV files themselves, not from the code under test.
function csv(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(sharedDataDir('esco', name)), { columns: true, bom: true, skip_empty_lines: true });
}

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
let skillRelations: Record<string, string>[];
let occupationBroader: Record<string, string>[];
let skills: Record<string, string>[];
beforeAll(async () => {
  server = await startTestServer();
  skillRelations = csv('skillSkillRelations.csv');
  occupationBroader = csv('broaderRelationsOccPillar.csv');
  skills = csv('skills_en.csv');
});
afterAll(async () => {
  await server?.close();
});

/** Reads every page of a connection field through the API. */
async function allPages(query: string, vars: Record<string, unknown>, pick: (data: any) => any): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i += 1) {
    const res = await server.gql<any>(query, { ...vars, after });
    expect(res.errors).toBeUndefined();
    const conn = pick(res.data);
    nodes.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) return nodes;
    after = conn.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('ESCO relations through GraphQL (real Neo4j, full ESCO v1.1.1)', () => {
  it("serves a skill's related skills with the relation ESCO gives, filterable by relation", async () => {
    // The skill with the most related skills, among those with both kinds of relation.
    const byOwner = new Map<string, { uri: string; relation: string }[]>();
    for (const row of skillRelations) {
      const list = byOwner.get(row.originalSkillUri) ?? [];
      list.push({ uri: row.relatedSkillUri, relation: row.relationType.toUpperCase() });
      byOwner.set(row.originalSkillUri, list);
    }
    const [owner, expected] = [...byOwner.entries()]
      .filter(([, list]) => new Set(list.map((r) => r.relation)).size === 2)
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    const query = `query($uri: ID!, $after: String, $relation: SkillRelation) { skill(uri: $uri) {
      relatedSkills(first: 3, after: $after, relation: $relation) { totalCount pageInfo { hasNextPage endCursor } nodes { relation skill { uri } } } } }`;
    const all = await allPages(query, { uri: owner }, (d) => d.skill.relatedSkills);
    expect(all.map((n) => `${n.skill.uri} ${n.relation}`).sort()).toEqual(
      expected.map((r) => `${r.uri} ${r.relation}`).sort(),
    );
    const essential = await allPages(query, { uri: owner, relation: 'ESSENTIAL' }, (d) => d.skill.relatedSkills);
    expect(essential.map((n) => n.skill.uri).sort()).toEqual(
      expected
        .filter((r) => r.relation === 'ESSENTIAL')
        .map((r) => r.uri)
        .sort(),
    );
  });

  it('links occupations to broader and narrower occupations as in the occupation pillar', async () => {
    const occToOcc = occupationBroader.filter((r) => r.conceptType === 'Occupation' && r.broaderType === 'Occupation');
    const parentCounts = new Map<string, string[]>();
    for (const r of occToOcc) parentCounts.set(r.broaderUri, [...(parentCounts.get(r.broaderUri) ?? []), r.conceptUri]);
    const [parent, children] = [...parentCounts.entries()].sort(
      (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
    )[0];
    const query = `query($uri: ID!, $after: String) { occupation(uri: $uri) {
      narrower(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { uri broader { uri } } } } }`;
    const narrower = await allPages(query, { uri: parent }, (d) => d.occupation.narrower);
    expect(narrower.map((n) => n.uri).sort()).toEqual([...children].sort());
    for (const child of narrower) expect(child.broader.map((b: { uri: string }) => b.uri)).toContain(parent);
  });

  it('gives the ISCO path of software developer from major group 2 down to unit group 2512', async () => {
    const res = await server.gql<any>(
      `query($uri: ID!) { occupation(uri: $uri) { broader { uri } iscoPath { code broader { code } narrower { code } occupations(first: 100) { nodes { uri } } } } }`,
      { uri: SOFTWARE_DEVELOPER },
    );
    expect(res.errors).toBeUndefined();
    const occ = res.data.occupation;
    // In ESCO v1.1.1 software developer hangs directly under ISCO 2512.
    expect(occ.broader).toEqual([]);
    expect(occ.iscoPath.map((g: { code: string }) => g.code)).toEqual(['2', '25', '251', '2512']);
    expect(occ.iscoPath[0].broader).toBeNull();
    expect(occ.iscoPath[3].broader).toEqual({ code: '251' });
    expect(occ.iscoPath[2].narrower.map((g: { code: string }) => g.code)).toContain('2512');
    expect(occ.iscoPath[3].occupations.nodes.map((o: { uri: string }) => o.uri)).toContain(SOFTWARE_DEVELOPER);
    const inUnit = csv('occupations_en.csv')
      .filter((r) => r.iscoGroup === '2512')
      .map((r) => r.conceptUri);
    expect(occ.iscoPath[3].occupations.nodes.map((o: { uri: string }) => o.uri).sort()).toEqual(inUnit.sort());
  });

  it('lists the skills of a skill group and of a collection, paginated', async () => {
    const python = skills.find((s) => s.preferredLabel === 'Python (computer programming)')!;
    const res = await server.gql<any>(`query($uri: ID!) { skill(uri: $uri) { groups { uri } } }`, {
      uri: python.conceptUri,
    });
    expect(res.errors).toBeUndefined();
    const groups = res.data.skill.groups;
    expect(groups.length).toBeGreaterThan(0);
    const groupQuery = `query($uri: ID!, $after: String) { skill(uri: $uri) { groups { skills(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { uri } } } } }`;
    const members = await allPages(groupQuery, { uri: python.conceptUri }, (d) => d.skill.groups[0].skills);
    expect(members.map((m) => m.uri)).toContain(python.conceptUri);

    const digital = csv('digitalSkillsCollection_en.csv').map((r) => r.conceptUri);
    const first = await server.gql<any>(
      '{ skillsInCollection(collection: DIGITAL, first: 100) { totalCount nodes { uri collections } } }',
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.skillsInCollection.totalCount).toBe(new Set(digital).size);
    expect(first.data.skillsInCollection.nodes).toHaveLength(100);
    for (const node of first.data.skillsInCollection.nodes) {
      expect(digital).toContain(node.uri);
      expect(node.collections).toContain('digital');
    }
    const transversal = csv('transversalSkillsCollection_en.csv').map((r) => r.conceptUri);
    const all = await allPages(
      'query($after: String) { skillsInCollection(collection: TRANSVERSAL, first: 40, after: $after) { pageInfo { hasNextPage endCursor } nodes { uri } } }',
      {},
      (d) => d.skillsInCollection,
    );
    expect(all.map((n) => n.uri).sort()).toEqual([...new Set(transversal)].sort());
  });

  it('batches the new links: round trips do not grow with the number of occupations', async () => {
    const query = (n: number) => `{ searchOccupations(text: "engineer", first: ${n}) {
      broader { uri } narrower(first: 2) { totalCount } iscoPath { code narrower { code } }
      essentialSkills(first: 3) { nodes { relatedSkills(first: 2) { totalCount } groups { skills(first: 1) { totalCount } } } } } }`;
    const small = await server.gql<any>(query(2));
    const large = await server.gql<any>(query(25));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.roundTrips).toBe(small.roundTrips);
  });

  it('rejects an oversized page of a collection with BAD_USER_INPUT', async () => {
    const res = await server.gql<any>('{ skillsInCollection(collection: GREEN, first: 100000) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
