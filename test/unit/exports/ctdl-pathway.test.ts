import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ctdlPathway, type PathwayStep } from '../../../src/domain/exports/ctdl-pathway';
import { sharedDataDir } from '../../support/shared-data';

const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const step = (
  order: number,
  id: string,
  teaches: string[],
  prerequisites: string[] = [],
  sourceFormat: string | null = null,
): PathwayStep => ({
  order,
  credentialId: id,
  title: `Course ${id}`,
  description: null,
  providerName: 'Plan School',
  url: `https://school.example/${id}`,
  ects: 2,
  workloadHours: 50,
  sourceFormat,
  teachesSkillUris: teaches,
  prerequisiteSkillUris: prerequisites,
});

type Node = Record<string, any>;
const doc = ctdlPathway({
  steps: [step(2, 'b', ['s2']), step(1, 'a', ['s1']), step(3, 'c', ['s3'], ['s1'], 'OB3')],
  destination: { name: 'software developer', occupationUri: OCCUPATION, occupationLabel: 'software developer' },
});
const graph = doc['@graph'] as Node[];
const byType = (type: string) => graph.filter((n) => n['@type'] === type);

describe('ctdlPathway', () => {
  it('has the Pathway, one component per step in plan order, and the destination JobComponent with the ESCO URI', () => {
    expect(graph.map((n) => n['@type'])).toEqual([
      'ceterms:Pathway',
      'ceterms:CourseComponent',
      'ceterms:CourseComponent',
      'ceterms:CredentialComponent',
      'ceterms:JobComponent',
    ]);
    const [pathway] = byType('ceterms:Pathway');
    const [job] = byType('ceterms:JobComponent');
    expect(pathway!['ceterms:hasDestinationComponent']).toEqual([job!['@id']]);
    expect(job!['ceterms:occupationType'][0]['ceterms:targetNode']).toBe(OCCUPATION);
    expect(graph.slice(1, 4).map((n) => n['ceterms:name'].en)).toEqual(['Course a', 'Course b', 'Course c']);
  });

  it('ceterms:precedes follows the plan order and the prerequisites, and the last step leads to the destination', () => {
    const [a, b, c, job] = graph.slice(1);
    expect(a!['ceterms:precedes']).toEqual([b!['@id'], c!['@id']]); // next step, and c needs s1 which a teaches
    expect(b!['ceterms:precedes']).toEqual([c!['@id']]);
    expect(c!['ceterms:precedes']).toEqual([job!['@id']]);
  });

  it('is deterministic: the same plan gives the same CTIDs', () => {
    const again = ctdlPathway({
      steps: [step(1, 'a', ['s1']), step(2, 'b', ['s2']), step(3, 'c', ['s3'], ['s1'], 'OB3')],
      destination: { name: 'software developer', occupationUri: OCCUPATION, occupationLabel: 'software developer' },
    });
    expect(again).toEqual(doc);
  });

  it('follows the conventions of the Credential Engine CTDL samples', () => {
    const samples = fs
      .readdirSync(sharedDataDir('ctdl'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(sharedDataDir('ctdl', f), 'utf8')) as Node);
    expect(samples.length).toBeGreaterThan(0);
    // The samples' CTDL context (credreg.net/ctdl/schema/context/json) is the one the pathway names.
    const sampleContexts = samples
      .flatMap((s) => s['@context'])
      .filter((c): c is string => typeof c === 'string' && c.includes('credreg.net/ctdl/'));
    expect(sampleContexts.map((c) => c.replace(/^https?:/, ''))).toContain(
      (doc['@context'] as string).replace(/^https?:/, ''),
    );
    // Sample ids are registry resources "res:ce-<uuid>" (res: = https://credentialengineregistry.org/resources/).
    const sampleIds = JSON.stringify(samples).match(/res:ce-[0-9a-f-]{36}/g) ?? [];
    expect(sampleIds.length).toBeGreaterThan(0);
    for (const node of graph) {
      expect(node['@id']).toMatch(
        /^https:\/\/credentialengineregistry\.org\/resources\/ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(node['@id']).toBe(`https://credentialengineregistry.org/resources/${node['ceterms:ctid']}`);
      // Every property is a JSON-LD keyword or a ceterms: term, as in the samples.
      for (const key of Object.keys(node)) expect(key).toMatch(/^(@id|@type|ceterms:[A-Za-z]+)$/);
      // Names are language maps, as the samples' ceterms:name values are.
      expect(Object.keys(node['ceterms:name'])).toEqual(['en']);
    }
    const sampleNames = JSON.stringify(samples).match(/"ceterms:name":\s*\{\s*"[a-z]{2}(-[A-Z]{2})?":/g) ?? [];
    expect(sampleNames.length).toBeGreaterThan(0);
  });
});
