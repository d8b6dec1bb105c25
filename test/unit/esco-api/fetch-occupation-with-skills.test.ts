import { afterEach, describe, expect, it } from 'vitest';
import { EscoApiClient, fetchOccupationWithSkills } from '../../../src/esco/api';
import { NotFoundError } from '../../../src/domain/errors';
import {
  SOFTWARE_DEVELOPER,
  delay,
  recordedRoutes,
  sampleJson,
  sendError,
  sendJson,
  startFakeEsco,
  type FakeEsco,
  type Handler,
} from './fake-esco-server';

interface RawLink {
  uri: string;
  title: string;
  skillType: string;
}

const occupationRaw = sampleJson('cognitivestaffing-2025', 'occupation_software_developer_en.json');
const essentialLinks: RawLink[] = occupationRaw._links.hasEssentialSkill;
const optionalLinks: RawLink[] = occupationRaw._links.hasOptionalSkill;
const linkByUri = new Map([...essentialLinks, ...optionalLinks].map((l) => [l.uri, l]));
const template = sampleJson('r-scraping-json-2018', 'skills.json')._embedded.hasTopConcept[0];

const parentOf = (uri: string): string => `http://data.europa.eu/esco/skill/parent-${uri.slice(-12)}`;

/*
 * No recorded /resource/skill exists for the developer's skills, so each is built from a recorded
 * full skill with the URI, title and type the occupation links give it, plus one broader skill and,
 * for knowledge, an ISCED-F field.
 */
function skillBody(uri: string): unknown {
  const link = linkByUri.get(uri)!;
  const knowledge = link.skillType.endsWith('/knowledge');
  const ref = (target: string, title: string): object => ({
    href: `https://example.test/resource?uri=${target}`,
    uri: target,
    title,
  });
  return {
    ...template,
    uri,
    title: link.title,
    preferredLabel: { ...template.preferredLabel, en: link.title },
    _links: {
      ...template._links,
      self: ref(uri, link.title),
      hasSkillType: [ref(link.skillType, knowledge ? 'knowledge' : 'skill')],
      broaderSkill: [ref(parentOf(uri), `parent of ${link.title}`)],
      ...(knowledge
        ? {
            broaderHierarchyConcept: [
              ref('http://data.europa.eu/esco/isced-f/0613', 'software and applications development and analysis'),
            ],
          }
        : {}),
    },
  };
}

const skillRoutes =
  (pauseMs: number, fail?: string): Handler =>
  async (req, res, n) => {
    if (req.path !== '/resource/skill') return recordedRoutes(req, res, n);
    await delay(pauseMs);
    const uri = req.query.get('uri')!;
    if (uri === fail || !linkByUri.has(uri)) return sendError(res, 404, 'not found');
    return sendJson(res, 200, skillBody(uri));
  };

let fake: FakeEsco | undefined;
let client: EscoApiClient | undefined;

afterEach(async () => {
  await client?.close();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

describe('fetchOccupationWithSkills', () => {
  it('returns the occupation, every skill in full, and both kinds of relations', async () => {
    fake = await startFakeEsco(skillRoutes(5));
    client = new EscoApiClient({ baseUrl: fake.baseUrl, maxConcurrency: 8, retryBaseDelayMs: 1 });

    const data = await fetchOccupationWithSkills(client, SOFTWARE_DEVELOPER, { concurrency: 3 });

    const uniqueSkills = new Set([...essentialLinks, ...optionalLinks].map((l) => l.uri));
    const knowledge = [...uniqueSkills].filter((u) => linkByUri.get(u)!.skillType.endsWith('/knowledge'));

    expect(data.selectedVersion).toBe('v1.1.1');
    expect(data.occupation.preferredLabel).toBe('software developer');
    expect(data.skills.map((s) => s.uri)).toEqual([...uniqueSkills]);
    expect(data.skills[0]!.preferredLabel).toBe(essentialLinks[0]!.title);

    expect(data.occupationSkills.filter((r) => r.relationType === 'essential')).toHaveLength(essentialLinks.length);
    expect(data.occupationSkills.filter((r) => r.relationType === 'optional')).toHaveLength(optionalLinks.length);
    expect(data.occupationSkills[0]).toEqual({
      occupationUri: SOFTWARE_DEVELOPER,
      skillUri: essentialLinks[0]!.uri,
      relationType: 'essential',
      skillType: essentialLinks[0]!.skillType.endsWith('/knowledge') ? 'knowledge' : 'skill/competence',
    });

    expect(data.skillBroader.filter((r) => r.via === 'broaderSkill')).toHaveLength(uniqueSkills.size);
    expect(data.skillBroader.filter((r) => r.via === 'broaderHierarchyConcept')).toHaveLength(knowledge.length);
    const first = data.skillBroader.find((r) => r.skillUri === essentialLinks[0]!.uri)!;
    expect(first).toEqual({
      skillUri: essentialLinks[0]!.uri,
      broaderUri: parentOf(essentialLinks[0]!.uri),
      broaderTitle: `parent of ${essentialLinks[0]!.title}`,
      via: 'broaderSkill',
    });

    // One occupation call, one call per distinct skill, all pinned to the version, at most 3 at once.
    expect(fake.requests).toHaveLength(1 + uniqueSkills.size);
    expect(new Set(fake.requests.map((r) => r.query.get('selectedVersion')))).toEqual(new Set(['v1.1.1']));
    expect(fake.maxInFlight()).toBeLessThanOrEqual(3);
  });

  it('fails as a whole when a linked skill is missing, and stops starting lookups', async () => {
    fake = await startFakeEsco(skillRoutes(5, essentialLinks[0]!.uri));
    client = new EscoApiClient({ baseUrl: fake.baseUrl, retryBaseDelayMs: 1 });

    await expect(fetchOccupationWithSkills(client, SOFTWARE_DEVELOPER, { concurrency: 2 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await delay(30);
    expect(fake.requests.length).toBeLessThan(10);
  });
});
