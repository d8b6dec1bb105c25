import { describe, expect, it } from 'vitest';
import type { OccupationBrowse, OccupationBrowseRequest } from '../../../src/db/repositories/browse-repository';
import type { TeachingCredential } from '../../../src/db/repositories/catalog-repository';
import type { OccupationRow } from '../../../src/db/repositories/esco-rows';
import type { Page } from '../../../src/domain/pagination/cursor';
import { CachedConceptReads } from '../../../src/services/read-model/cached-concept-reads';
import { CachedTeachingPages } from '../../../src/services/read-model/cached-teaching-pages';
import { OccupationBrowseReads } from '../../../src/services/read-model/occupation-browse-reads';
import { skillRowFixture } from '../../support/skill-row-fixture';

const skill = (uri: string) => skillRowFixture(uri);
const occupation = (uri: string) => ({ uri, preferredLabel: uri }) as OccupationRow;
const course = (id: string): TeachingCredential => ({
  credential: { id, title: id } as TeachingCredential['credential'],
  provider: null,
});
const REQUEST: OccupationBrowseRequest = {
  relation: 'ESSENTIAL',
  skillPage: { offset: 0, limit: 2 },
  coursePage: { offset: 0, limit: 1 },
};

/** One occupation o1 with skills s1, s2; s1 taught by c1; counts every query by kind. */
class Graph {
  readonly queries: string[] = [];
  /** Runs while a browse query is under way (a change committing meanwhile). */
  during: () => void = () => undefined;

  async getOccupationBrowse(uris: readonly string[], request: OccupationBrowseRequest) {
    this.queries.push(`browse ${uris.join(',')}`);
    this.during();
    const found = new Map<string, OccupationBrowse>();
    for (const uri of uris.filter((u) => u === 'o1' || u === 'o2')) {
      const courses = new Map<string, Page<TeachingCredential>>();
      if (request.coursePage) {
        courses.set('s1', { items: [course('c1')], totalCount: 1, offset: 0 });
        courses.set('s2', { items: [], totalCount: 0, offset: 0 });
      }
      found.set(uri, {
        occupation: occupation(uri),
        skills: { items: [skill('s1'), skill('s2')], totalCount: 2, offset: 0 },
        courses,
      });
    }
    return found;
  }

  // What the caches read through when the DataLoaders ask them.
  async getSkillsByUris(uris: readonly string[]) {
    this.queries.push(`skills ${uris.join(',')}`);
    return uris.map(skill);
  }
  async getOccupationsByUris(uris: readonly string[]) {
    this.queries.push(`occupations ${uris.join(',')}`);
    return uris.map(occupation);
  }
  async getOccupationSkillsPage(uris: readonly string[]) {
    this.queries.push(`skill pages ${uris.join(',')}`);
    return new Map(uris.map((uri) => [uri, { items: [skill('s1'), skill('s2')], totalCount: 2, offset: 0 }] as const));
  }
  async getTeachingCredentialsPage(uris: readonly string[]) {
    this.queries.push(`course pages ${uris.join(',')}`);
    return new Map(uris.map((uri) => [uri, { items: [course('c1')], totalCount: 1, offset: 0 }] as const));
  }
  async getTeachingCredentialsByIds(ids: readonly string[]) {
    this.queries.push(`courses ${ids.join(',')}`);
    return new Map(ids.map((id) => [id, course(id)] as const));
  }
}

/** The outcome for one occupation. */
async function readOne(reads: OccupationBrowseReads, uri: string, request: OccupationBrowseRequest) {
  return (await reads.read([uri], request)).get(uri);
}

function setUp() {
  const graph = new Graph();
  const generations = { esco: 1, catalogue: 1 };
  const concepts = new CachedConceptReads(graph, async () => generations.esco);
  const teaching = new CachedTeachingPages(graph, async () => generations.catalogue);
  return { graph, generations, concepts, teaching, reads: new OccupationBrowseReads(graph, concepts, teaching) };
}

describe('OccupationBrowseReads', () => {
  it('reads a browse in one query and keeps every level of it for the DataLoaders', async () => {
    const { graph, concepts, teaching, reads } = setUp();
    const first = await readOne(reads, 'o1', REQUEST);
    expect(first?.read && first.browse?.courses.get('s1')?.items[0]?.credential.id).toBe('c1');
    expect(await readOne(reads, 'o1', REQUEST)).toEqual({ read: false });
    // What the field resolvers then ask is all held.
    await concepts.getOccupationsByUris(['o1']);
    await concepts.getOccupationSkillsPage(['o1'], 'ESSENTIAL', REQUEST.skillPage);
    const pages = await teaching.getTeachingCredentialsPage(['s1', 's2'], REQUEST.coursePage!);
    expect(pages.get('s2')?.totalCount).toBe(0);
    expect(graph.queries).toEqual(['browse o1']);
  });

  it('reads again for another page, and keeps nothing of an unknown occupation', async () => {
    const { graph, reads } = setUp();
    await readOne(reads, 'o1', REQUEST);
    expect((await readOne(reads, 'o1', { ...REQUEST, skillPage: { offset: 2, limit: 2 } }))?.read).toBe(true);
    expect(await readOne(reads, 'o9', REQUEST)).toEqual({ read: true, browse: null });
    expect(await readOne(reads, 'o9', REQUEST)).toEqual({ read: true, browse: null });
    expect(graph.queries).toEqual(['browse o1', 'browse o1', 'browse o9', 'browse o9']);
  });

  it('keeps nothing read while the graph or the catalogue changed', async () => {
    const { graph, generations, teaching, reads } = setUp();
    graph.during = () => {
      generations.catalogue += 1;
    };
    // The courses are of either catalogue: the next request reads them afresh.
    expect((await readOne(reads, 'o1', REQUEST))?.read).toBe(true);
    graph.during = () => undefined;
    await teaching.getTeachingCredentialsPage(['s1'], REQUEST.coursePage!);
    expect(graph.queries).toEqual(['browse o1', 'course pages s1']);
    // An ESCO import meanwhile: the occupation's page is read again too.
    graph.during = () => {
      generations.esco += 1;
    };
    expect((await readOne(reads, 'o2', REQUEST))?.read).toBe(true);
    graph.during = () => undefined;
    await readOne(reads, 'o1', REQUEST);
    expect((await readOne(reads, 'o1', REQUEST))?.read).toBe(false);
    expect(graph.queries.filter((query) => query.startsWith('browse'))).toEqual([
      'browse o1',
      'browse o2',
      'browse o1',
    ]);
  });

  it('reads several occupations in one query, and only those the caches lack', async () => {
    const { graph, reads } = setUp();
    await readOne(reads, 'o2', REQUEST);
    const outcomes = await reads.read(['o1', 'o9', 'o2', 'o1'], REQUEST);
    expect(outcomes.get('o1')).toMatchObject({ read: true, browse: { occupation: { uri: 'o1' } } });
    expect(outcomes.get('o9')).toEqual({ read: true, browse: null });
    expect(outcomes.get('o2')).toEqual({ read: false });
    expect(graph.queries).toEqual(['browse o2', 'browse o1,o9']);
  });

  it('reads every browse in one query when there are no caches', async () => {
    const graph = new Graph();
    const reads = new OccupationBrowseReads(graph);
    expect((await readOne(reads, 'o1', REQUEST))?.read).toBe(true);
    expect((await readOne(reads, 'o1', REQUEST))?.read).toBe(true);
    expect(graph.queries).toEqual(['browse o1', 'browse o1']);
  });
});
