import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('ESCO taxonomy through GraphQL (real Neo4j, full ESCO v1.1.1)', () => {
  it('ranks "software developer" first when searching occupations', async () => {
    const res = await server.gql<{ searchOccupations: { uri: string; preferredLabel: string }[] }>(
      '{ searchOccupations(text: "software developer", first: 3) { uri preferredLabel } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.searchOccupations).toHaveLength(3);
    expect(res.data.searchOccupations[0]).toEqual({ uri: SOFTWARE_DEVELOPER, preferredLabel: 'software developer' });
  });

  it('serves the 24 essential and 80 optional skills of software developer, paginated', async () => {
    const query = `query($uri: ID!, $after: String) { occupation(uri: $uri) {
      code essentialCount optionalCount iscoGroup { code }
      essentialSkills(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { uri preferredLabel } }
      optionalSkills(first: 100) { totalCount nodes { uri } } } }`;
    const first = await server.gql<any>(query, { uri: SOFTWARE_DEVELOPER });
    expect(first.errors).toBeUndefined();
    const occ = first.data.occupation;
    expect(occ.code).toBe('2512.4');
    expect(occ.iscoGroup.code).toBe('2512');
    expect([occ.essentialCount, occ.optionalCount]).toEqual([24, 80]);
    expect(occ.essentialSkills.totalCount).toBe(24);
    expect(occ.optionalSkills.nodes).toHaveLength(80);
    expect(occ.essentialSkills.pageInfo.hasNextPage).toBe(true);
    const seen = new Set<string>(occ.essentialSkills.nodes.map((n: { uri: string }) => n.uri));
    let cursor = occ.essentialSkills.pageInfo.endCursor;
    for (let page = 0; page < 2; page += 1) {
      const next = await server.gql<any>(query, { uri: SOFTWARE_DEVELOPER, after: cursor });
      for (const node of next.data.occupation.essentialSkills.nodes) seen.add(node.uri);
      cursor = next.data.occupation.essentialSkills.pageInfo.endCursor;
    }
    expect(seen.size).toBe(24);
  });

  it('batches nested lists: round trips do not grow with the number of occupations', async () => {
    const query = (n: number) => `{ searchOccupations(text: "engineer", first: ${n}) {
      uri iscoGroup { code } essentialSkills(first: 5) { nodes { uri broader { uri } requiredBy(first: 2) { totalCount } } } } }`;
    const small = await server.gql<any>(query(2));
    const large = await server.gql<any>(query(25));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.searchOccupations).toHaveLength(25);
    expect(large.roundTrips).toBe(small.roundTrips);
    expect(large.roundTrips).toBeLessThanOrEqual(5);
  });

  it('links a skill to its broader and narrower skills and to the occupations requiring it', async () => {
    const search = await server.gql<any>(
      '{ searchSkills(text: "Python", first: 1) { uri preferredLabel broader { uri narrower(first: 100) { nodes { uri } } } requiredBy(first: 1) { totalCount } } }',
    );
    expect(search.errors).toBeUndefined();
    const python = search.data.searchSkills[0];
    expect(python.preferredLabel).toBe('Python (computer programming)');
    expect(python.requiredBy.totalCount).toBeGreaterThan(0);
    expect(python.broader.length).toBeGreaterThan(0);
    expect(python.broader[0].narrower.nodes.map((n: { uri: string }) => n.uri)).toContain(python.uri);
  });

  it('rejects a page size above the maximum with BAD_USER_INPUT', async () => {
    const res = await server.gql<any>('{ searchSkills(text: "welding", first: 100000) { uri } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/first must be at most 100/);
  });

  it('answers an unknown URI with null, and search text without words with BAD_USER_INPUT', async () => {
    const res = await server.gql<any>('{ skill(uri: "http://data.europa.eu/esco/skill/nope") { uri } }');
    expect(res.data.skill).toBeNull();
    const empty = await server.gql<any>('{ searchOccupations(text: "  (( ", first: 3) { uri } }');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('malformed keys', () => {
  it('refuse a malformed URI or id with BAD_USER_INPUT instead of answering null', async () => {
    for (const query of [
      '{ skill(uri: "garbage") { uri } }',
      '{ occupation(uri: "http://data.europa.eu/esco/skill/abc") { uri } }',
      '{ learner(id: "has space") { id } }',
    ]) {
      const res = await server.gql<any>(query);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });
});

describe('browsing an occupation with the courses teaching its skills', () => {
  it("costs at most four round trips, however many skills and courses are on the page; one without the courses' skills", async () => {
    const id = `t-browse-${Date.now().toString(36)}`;
    const skills = await server.db.driver.executeQuery(
      "MATCH (:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill) RETURN s.uri AS uri ORDER BY s.preferredLabel LIMIT 4",
      { uri: SOFTWARE_DEVELOPER },
    );
    const uris = skills.records.map((r) => r.get('uri') as string);
    const setup = await server.gql<any>(
      `mutation($c1: MicroCredentialInput!, $c2: MicroCredentialInput!) {
      upsertProvider(input: { id: "${id}-p", name: "Browse Academy" }) { id }
      a: upsertMicroCredential(input: $c1) { id } b: upsertMicroCredential(input: $c2) { id } }`,
      {
        c1: {
          id: `${id}-a`,
          title: 'AAA browse course one',
          providerId: `${id}-p`,
          skills: uris.map((uri) => ({ uri })),
        },
        c2: {
          id: `${id}-b`,
          title: 'AAA browse course two',
          providerId: `${id}-p`,
          skills: uris.slice(0, 2).map((uri) => ({ uri })),
        },
      },
    );
    expect(setup.errors).toBeUndefined();
    const res =
      await server.gql<any>(`{ occupation(uri: "${SOFTWARE_DEVELOPER}") { essentialSkills(first: 20) { nodes { uri
      taughtBy(first: 3) { totalCount nodes { id title provider { name } skills { skill { uri } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const byUri = new Map(res.data.occupation.essentialSkills.nodes.map((n: any) => [n.uri, n.taughtBy]));
    const first = byUri.get(uris[0]) as any;
    expect(first.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([`${id}-a`, `${id}-b`]));
    expect(first.nodes.find((n: any) => n.id === `${id}-a`).provider.name).toBe('Browse Academy');
    expect(res.roundTrips).toBeLessThanOrEqual(4);
    // A page of courses carries summaries; their skills load when asked, the same as by id.
    expect(first.nodes.find((n: any) => n.id === `${id}-a`).skills.map((s: any) => s.skill.uri)).toEqual(
      [...uris].sort(),
    );
    const byId = await server.gql<any>(`{ microCredential(id: "${id}-b") { skills { skill { uri } } } }`);
    expect(first.nodes.find((n: any) => n.id === `${id}-b`).skills).toEqual(byId.data.microCredential.skills);
    // Without the courses' own skills, the page needs no query once the occupation, its skills and
    // their courses are cached (the best of three tries: another test's full reload may empty the
    // cache in between).
    const browse = `{ occupation(uri: "${SOFTWARE_DEVELOPER}") { essentialSkills(first: 20) { nodes { uri taughtBy(first: 3) { nodes { title provider { name } } } } } } }`;
    const trips: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const titles = await server.gql<any>(browse);
      expect(titles.errors).toBeUndefined();
      trips.push(titles.roundTrips);
    }
    expect(Math.min(...trips)).toBe(0);
    // Pages are cached across requests; a course renamed to sort first shows first on the next one.
    const pageOf = `{ skill(uri: "${uris[0]}") { taughtBy(first: 3) { nodes { id title } } } }`;
    expect((await server.gql<any>(pageOf)).errors).toBeUndefined();
    const rename = await server.gql<any>(
      `mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`,
      {
        c: {
          id: `${id}-b`,
          title: 'AAA aardvark course',
          providerId: `${id}-p`,
          skills: uris.slice(0, 2).map((uri) => ({ uri })),
        },
      },
    );
    expect(rename.errors).toBeUndefined();
    const renamed = await server.gql<any>(`{ skill(uri: "${uris[0]}") { taughtBy(first: 3) { nodes { id title } } } }`);
    const ids = renamed.data.skill.taughtBy.nodes.map((n: any) => n.id);
    expect(ids.indexOf(`${id}-b`)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(`${id}-b`)).toBeLessThan(ids.indexOf(`${id}-a`));
    expect(renamed.data.skill.taughtBy.nodes.find((n: any) => n.id === `${id}-b`).title).toBe('AAA aardvark course');
    // Course records are cached with the pages; a provider renamed shows on the next request.
    const providerOf = `{ skill(uri: "${uris[0]}") { taughtBy(first: 3) { nodes { id provider { name } } } } }`;
    const nameOf = (res: any) => res.data.skill.taughtBy.nodes.find((n: any) => n.id === `${id}-a`).provider.name;
    expect(nameOf(await server.gql<any>(providerOf))).toBe('Browse Academy');
    const renameProvider = await server.gql<any>(
      `mutation { upsertProvider(input: { id: "${id}-p", name: "Browse Institute" }) { id } }`,
    );
    expect(renameProvider.errors).toBeUndefined();
    expect(nameOf(await server.gql<any>(providerOf))).toBe('Browse Institute');
    await server.db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $id DETACH DELETE n', { id });
  });
});

describe('an occupation browsed for the first time', () => {
  /** Occupations with enough skills that no other test in this file browses. */
  async function unbrowsedOccupations(count: number): Promise<string[]> {
    const found = await server.db.driver.executeQuery(
      `MATCH (o:Occupation)-[:REQUIRES {relation: 'ESSENTIAL'}]->(:Skill)
       WITH o, count(*) AS skills WHERE skills >= 12 AND o.uri <> $taken
       RETURN o.uri AS uri ORDER BY o.uri DESC LIMIT toInteger($count)`,
      { taken: SOFTWARE_DEVELOPER, count },
    );
    return found.records.map((r) => r.get('uri') as string);
  }

  const BROWSE = `query Browse($uri: ID!, $skills: Int, $courses: Int, $after: String, $withCourses: Boolean!) {
    occupation(uri: $uri) { ...Head essentialSkills(first: $skills, after: $after) { totalCount edges { cursor node {
      uri preferredLabel ... on Skill { taughtBy(first: $courses) @include(if: $withCourses) {
        totalCount nodes { id title provider { name } } } } } } } } }
    fragment Head on Occupation { uri preferredLabel essentialCount }`;

  it('is read in one round trip, with the same answer as through the DataLoaders', async () => {
    const [uri] = await unbrowsedOccupations(1);
    const id = `t-ahead-${Date.now().toString(36)}`;
    const skills = await server.db.driver.executeQuery(
      "MATCH (:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill) RETURN s.uri AS uri ORDER BY s.preferredLabel, s.uri LIMIT 3",
      { uri },
    );
    const taught = skills.records.map((r) => ({ uri: r.get('uri') as string }));
    const setup = await server.gql<any>(
      `mutation($c1: MicroCredentialInput!, $c2: MicroCredentialInput!) {
      upsertProvider(input: { id: "${id}-p", name: "Look-ahead Academy" }) { id }
      a: upsertMicroCredential(input: $c1) { id } b: upsertMicroCredential(input: $c2) { id } }`,
      {
        c1: { id: `${id}-a`, title: 'Look-ahead course B', providerId: `${id}-p`, skills: taught },
        c2: { id: `${id}-b`, title: 'Look-ahead course A', providerId: `${id}-p`, skills: taught.slice(1) },
      },
    );
    expect(setup.errors).toBeUndefined();
    const variables = { uri, skills: 10, courses: 2, withCourses: true };
    const cold = await server.gql<any>(BROWSE, variables);
    expect(cold.errors).toBeUndefined();
    expect(cold.roundTrips).toBe(1);
    // The same fields through the DataLoaders: a search result is not looked ahead from.
    const label = cold.data.occupation.preferredLabel as string;
    const reference = await server.gql<any>(
      `query($text: String!) { searchOccupations(text: $text, first: 10) { uri essentialSkills(first: 10) { totalCount
        edges { cursor node { uri preferredLabel taughtBy(first: 2) { totalCount nodes { id title provider { name } } } } } } } }`,
      { text: label },
    );
    const same = reference.data.searchOccupations.find((o: any) => o.uri === uri);
    expect(same).toBeDefined();
    expect(cold.data.occupation.essentialSkills).toEqual(same.essentialSkills);
    expect(cold.data.occupation.essentialSkills.edges).toHaveLength(10);
    // The courses written above, in title order, with their provider.
    const second = cold.data.occupation.essentialSkills.edges.find((e: any) => e.node.uri === taught[1]!.uri);
    expect(second.node.taughtBy.nodes.slice(0, 2).map((n: any) => [n.id, n.provider.name])).toEqual([
      [`${id}-b`, 'Look-ahead Academy'],
      [`${id}-a`, 'Look-ahead Academy'],
    ]);
    // Kept for the next request: no query at all (the best of three: another file's full reload
    // may empty the caches in between).
    const trips: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const warm = await server.gql<any>(BROWSE, variables);
      expect(warm.data).toEqual(cold.data);
      trips.push(warm.roundTrips);
    }
    expect(Math.min(...trips)).toBe(0);
    // The next page, from its cursor, and a page without courses: one query each when cold.
    const after = cold.data.occupation.essentialSkills.edges[4].cursor;
    const next = await server.gql<any>(BROWSE, { ...variables, after, skills: 3, withCourses: false });
    expect(next.errors).toBeUndefined();
    expect(next.roundTrips).toBe(1);
    expect(next.data.occupation.essentialSkills.edges.map((e: any) => e.node.uri)).toEqual(
      cold.data.occupation.essentialSkills.edges.slice(5, 8).map((e: any) => e.node.uri),
    );
    expect(next.data.occupation.essentialSkills.edges[0].node.taughtBy).toBeUndefined();
    await server.db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $id DETACH DELETE n', { id });
  });

  it('batches aliased occupations asking the same pages into that one round trip', async () => {
    const [, , a, b] = await unbrowsedOccupations(4);
    const page = 'essentialSkills(first: 4) { nodes { uri taughtBy(first: 2) { totalCount } } }';
    const res = await server.gql<any>(
      `query($a: ID!, $b: ID!) { a: occupation(uri: $a) { uri ${page} } b: occupation(uri: $b) { uri ${page} } }`,
      { a, b },
    );
    expect(res.errors).toBeUndefined();
    expect([res.data.a.uri, res.data.b.uri]).toEqual([a, b]);
    expect(res.data.a.essentialSkills.nodes).toHaveLength(4);
    expect(res.data.b.essentialSkills.nodes).toHaveLength(4);
    expect(res.roundTrips).toBe(1);
  });

  it('answers an unknown occupation with null, and bad page arguments where they stand', async () => {
    const unknown = await server.gql<any>(BROWSE, {
      uri: 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
      skills: 5,
      courses: 2,
      withCourses: true,
    });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.occupation).toBeNull();
    expect(unknown.roundTrips).toBe(1);
    const [, uri] = await unbrowsedOccupations(2);
    const bad = await server.gql<any>(BROWSE, { uri, skills: 5, courses: 100_000, withCourses: true });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.path).toContain('taughtBy');
  });
});
