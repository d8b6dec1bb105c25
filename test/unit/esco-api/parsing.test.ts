import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscoApiClient } from '../../../src/esco/api';
import {
  SOFTWARE_DEVELOPER,
  recordedRoutes,
  sampleJson,
  sendJson,
  startFakeEsco,
  type FakeEsco,
} from './fake-esco-server';

// Parsing against the real recorded ESCO responses, served over HTTP by a local fake.
describe('EscoApiClient parses the recorded ESCO responses', () => {
  let fake: FakeEsco;
  let client: EscoApiClient;

  beforeAll(async () => {
    fake = await startFakeEsco((req, res, n) => {
      // The recordings hold no standalone /resource/skill; an embedded full skill has the same shape.
      if (req.path === '/resource/skill') {
        const skill = sampleJson('r-scraping-json-2018', 'skills.json')._embedded.hasTopConcept.find(
          (s: { uri: string }) => s.uri === req.query.get('uri'),
        );
        if (skill) return sendJson(res, 200, skill);
      }
      return recordedRoutes(req, res, n);
    });
    client = new EscoApiClient({ baseUrl: fake.baseUrl, cacheMaxEntries: 0 });
  });

  afterAll(async () => {
    await client.close();
    await fake.close();
  });

  it('search: total, paging and hits of the occupation search', async () => {
    const raw = sampleJson('cognitivestaffing-2025', 'search_software_engineer.json');
    const result = await client.search({ text: 'software engineer', type: 'occupation', limit: 5 });

    expect(result.total).toBe(420);
    expect(result.total).toBe(raw.total);
    expect(result.page).toBe(0);
    expect(result.limit).toBe(5);
    expect(result.hasNext).toBe(true);
    expect(result.results).toHaveLength(raw._embedded.results.length);
    expect(result.results.map((r) => r.uri)).toEqual(raw._embedded.results.map((r: { uri: string }) => r.uri));

    const first = result.results[0]!;
    expect(first).toMatchObject({
      uri: SOFTWARE_DEVELOPER,
      title: 'software developer',
      className: 'Occupation',
      type: 'occupation',
      searchHit: 'software engineer',
      code: '2512.3',
    });
    expect(first.relations['broaderIscoGroup']).toEqual(['http://data.europa.eu/esco/isco/C2512']);
  });

  it('search: skill hit with skill type, reuse level and broader relations', async () => {
    const result = await client.search({ text: 'python', type: 'skill', limit: 1 });

    expect(result.total).toBe(2);
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({
      uri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      title: 'Python (computer programming)',
      type: 'skill',
      skillType: 'knowledge',
      reuseLevel: 'sector-specific',
    });
    expect(result.results[0]!.relations['broaderSkill']).toEqual([
      'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97',
    ]);
    expect(result.results[0]!.relations['broaderHierarchyConcept']).toEqual([
      'http://data.europa.eu/esco/isced-f/0613',
    ]);
  });

  it('suggest: calls /suggest2 and reads the same envelope', async () => {
    const before = fake.requests.length;
    const result = await client.suggest({ text: 'python', type: 'skill', limit: 1, alternativeLabels: true });

    expect(result.results[0]!.title).toBe('Python (computer programming)');
    const req = fake.requests[before]!;
    expect(req.path).toBe('/suggest2');
    expect(req.query.get('alt')).toBe('true');
  });

  it('getOccupation: the software developer occupation, checked against the raw file', async () => {
    const raw = sampleJson('cognitivestaffing-2025', 'occupation_software_developer_en.json');
    // Counted from the raw JSON, independently of the parser.
    const essentialCount: number = raw._links.hasEssentialSkill.length;
    const optionalCount: number = raw._links.hasOptionalSkill.length;
    const knowledgeCount: number = raw._links.hasEssentialSkill.filter(
      (l: { skillType: string }) => l.skillType === 'http://data.europa.eu/esco/skill-type/knowledge',
    ).length;

    const occupation = await client.getOccupation(SOFTWARE_DEVELOPER);

    expect(occupation.kind).toBe('occupation');
    expect(occupation.uri).toBe(SOFTWARE_DEVELOPER);
    expect(occupation.preferredLabel).toBe('software developer');
    expect(occupation.preferredLabel).toBe(raw.preferredLabel.en);
    expect(occupation.code).toBe('2512.3');
    expect(occupation.description).toBe(raw.description.en.literal);
    expect(occupation.alternativeLabels).toEqual(raw.alternativeLabel.en);
    expect(occupation.alternativeLabels).toContain('software engineer');
    expect(occupation.status).toBe('released');
    expect(occupation.iscoGroup).toEqual({
      uri: 'http://data.europa.eu/esco/isco/C2512',
      title: 'Software developers',
      code: '2512',
    });
    expect(occupation.broader.map((b) => b.uri)).toContain('http://data.europa.eu/esco/isco/C2512');

    expect(essentialCount).toBe(23);
    expect(occupation.essentialSkills).toHaveLength(essentialCount);
    expect(occupation.optionalSkills).toHaveLength(optionalCount);
    expect(occupation.essentialSkills.filter((s) => s.skillType === 'knowledge')).toHaveLength(knowledgeCount);
    expect(occupation.essentialSkills[0]).toEqual({
      uri: raw._links.hasEssentialSkill[0].uri,
      title: raw._links.hasEssentialSkill[0].title,
      skillType: 'skill/competence',
    });
    expect(occupation.labels.preferred['de']).toBe(raw.preferredLabel.de);
  });

  it('getOccupation in German: titles switch language, the multilingual maps do not', async () => {
    const raw = sampleJson('cognitivestaffing-2025', 'occupation_software_developer_de.json');
    const occupation = await client.getOccupation(SOFTWARE_DEVELOPER, { language: 'de' });

    expect(occupation.language).toBe('de');
    expect(occupation.preferredLabel).toBe(raw.title);
    expect(occupation.essentialSkills[0]!.title).toBe(raw._links.hasEssentialSkill[0].title);
    expect(occupation.labels.preferred['en']).toBe('software developer');
  });

  it('getSkill: type, reuse level and relations of a full skill resource', async () => {
    const raw = sampleJson('r-scraping-json-2018', 'skills.json')._embedded.hasTopConcept[0];
    const skill = await client.getSkill(raw.uri);

    expect(skill.kind).toBe('skill');
    expect(skill.preferredLabel).toBe('tote reports');
    expect(skill.skillType).toBe('knowledge');
    expect(skill.reuseLevel).toBe('occupation-specific');
    expect(skill.description).toBe(raw.description.en.literal);
    expect(skill.essentialForOccupations).toHaveLength(raw._links.isEssentialForOccupation.length);
    expect(skill.broaderSkills).toEqual([]);
  });

  it('getConcept: a generic SKOS concept keeps every relation', async () => {
    const concept = await client.getConcept('http://data.europa.eu/esco/skill-type/knowledge');

    expect(concept.kind).toBe('concept');
    expect(concept.className).toBe('Concept');
    expect(concept.preferredLabel).toBe('knowledge');
    expect(concept.links['isInScheme']!.length).toBeGreaterThan(0);
  });

  it('getRelated with full=true: embedded ISCO groups become typed items', async () => {
    const page = await client.getRelated(
      'http://data.europa.eu/esco/concept-scheme/occupations',
      'hasTopConcept',
      { limit: 20 },
      true,
    );

    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(10);
    expect(page.hasNext).toBe(false);
    const c9 = page.items.find((i) => i.uri === 'http://data.europa.eu/esco/isco/C9')!;
    expect(c9).toMatchObject({ title: 'Elementary occupations', className: 'Concept', code: '9' });
    expect(c9.resource?.kind).toBe('concept');
    expect(c9.resource?.kind === 'concept' && c9.resource.narrower.length).toBeGreaterThan(0);
  });

  it('getRelated pages: offset is a page index, and pages 0 and 1 do not overlap', async () => {
    const uri = 'http://data.europa.eu/esco/concept-scheme/skills';
    const first = await client.getRelated(uri, 'hasTopConcept', { limit: 20, page: 0 }, true);
    const second = await client.getRelated(uri, 'hasTopConcept', { limit: 20, page: 1 }, true);

    expect(first.total).toBe(8196);
    expect(first.items).toHaveLength(20);
    expect(second.page).toBe(1);
    expect(second.items).toHaveLength(20);
    const overlap = first.items.filter((a) => second.items.some((b) => b.uri === a.uri));
    expect(overlap).toEqual([]);
    expect(second.items[0]!.resource?.kind).toBe('skill');
    const offsets = fake.requests
      .filter((r) => r.path === '/resource/related' && r.query.get('uri') === uri)
      .map((r) => r.query.get('offset'));
    expect(offsets).toEqual(['0', '1']);
  });
});
