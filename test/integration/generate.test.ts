/**
 * The population generator against the real ESCO graph: a tiny population (50 credentials, 100
 * learners, 10 postings, seed 3) under a unique id prefix, generated twice to prove that the same
 * options give the same graph, checked for its ranges, resized, and deleted again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import {
  GenerateError,
  PopulationRepository,
  generatePopulation,
  resizeLearners,
  resolvePopulationOptions,
  wipePopulation,
  type PopulationOptions,
} from '../../src/generate';

let db: TestDatabase;
let options: PopulationOptions;

/** Every generated node with its outgoing links and key properties, as sorted lines. */
async function fingerprint(prefix: string): Promise<string[]> {
  const result = await db.driver.executeQuery(
    `MATCH (n) WHERE (n:Provider OR n:MicroCredential OR n:Learner OR n:JobPosting) AND n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY type(r), coalesce(m.id, m.uri)
     WITH n, collect(type(r) + '>' + coalesce(m.id, m.uri) + ' ' + toString(coalesce(r.issuedOn, r.relation, r.confidence, ''))) AS links
     RETURN n.id + ' ' + labels(n)[0] + ' ' + coalesce(n.title, n.displayName, n.name, '') + ' ' +
            toString(coalesce(n.workloadHours, n.matchingConsent, n.essentialCount, '')) + ' [' + reduce(s = '', x IN links | s + x + ';') + ']' AS line`,
    { prefix },
  );
  return result.records.map((record) => record.get('line') as string).sort();
}

beforeAll(async () => {
  db = await openTestDatabase();
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  options = resolvePopulationOptions({
    credentials: 50,
    learners: 100,
    postings: 10,
    seed: 3,
    prefix: `gen-test-${suffix}-`,
    referenceDate: '2026-06-30',
    prerequisiteShare: 0.2,
  });
});

afterAll(async () => {
  if (options) await wipePopulation(db.executor, options.prefix);
  await db?.close();
});

describe('generatePopulation', () => {
  let first: string[];

  it('writes the requested population and records it', async () => {
    const summary = await generatePopulation(db.executor, options);
    expect(summary.counts).toMatchObject({
      providers: 5,
      credentials: 50,
      learners: 100,
      postings: 10,
      awardedBy: 50,
      forOccupation: 10,
    });
    expect(summary.counts.teaches).toBeGreaterThanOrEqual(150);
    expect(summary.counts.holds).toBeGreaterThanOrEqual(100);
    const meta = await new PopulationRepository(db.executor).getPopulationMeta(options.prefix);
    expect(meta).toMatchObject({
      seed: 3,
      credentials: 50,
      learners: 100,
      postings: 10,
      providers: 5,
      referenceDate: '2026-06-30',
    });
    first = await fingerprint(options.prefix);
    expect(first).toHaveLength(165);
  });

  it('refuses to write over an existing population unless told to wipe it', async () => {
    await expect(generatePopulation(db.executor, options)).rejects.toThrow(GenerateError);
    await expect(generatePopulation(db.executor, options)).rejects.toMatchObject({ code: 'POPULATION_EXISTS' });
  });

  it('gives the identical graph for the same seed (wipe and generate again)', async () => {
    const counts = await new PopulationRepository(db.executor).countPopulation(options.prefix);
    const summary = await generatePopulation(db.executor, options, { wipe: true, batchSize: 7 });
    expect(summary.wipedNodes).toBe(165);
    expect(summary.counts).toEqual(counts);
    expect(await fingerprint(options.prefix)).toEqual(first);
  });

  it('respects the ranges', async () => {
    const result = await db.driver.executeQuery(
      `MATCH (c:MicroCredential) WHERE c.id STARTS WITH $prefix
       WITH c, COUNT { (c)-[:TEACHES]->(:Skill) } AS skills, COUNT { (c)-[:HAS_PREREQUISITE]->(:Skill) } AS prerequisites
       RETURN min(skills) AS minSkills, max(skills) AS maxSkills, max(prerequisites) AS maxPrerequisites,
              min(c.workloadHours) AS minHours, max(c.workloadHours) AS maxHours, min(c.eqfLevel) AS minEqf, max(c.eqfLevel) AS maxEqf,
              count { (c)-[:AWARDED_BY]->(:Provider) } AS awarded`,
      { prefix: options.prefix },
    );
    const c = result.records[0]!.toObject();
    expect(c.minSkills).toBeGreaterThanOrEqual(3);
    expect(c.maxSkills).toBeLessThanOrEqual(12);
    expect(c.maxPrerequisites).toBeLessThanOrEqual(2);
    expect(c.minHours).toBeGreaterThanOrEqual(10);
    expect(c.maxHours).toBeLessThanOrEqual(200);
    expect(c.minEqf).toBeGreaterThanOrEqual(3);
    expect(c.maxEqf).toBeLessThanOrEqual(7);

    const learners = await db.driver.executeQuery(
      `MATCH (l:Learner) WHERE l.id STARTS WITH $prefix
       WITH l, COUNT { (l)-[:HOLDS]->(:MicroCredential) } AS held
       RETURN min(held) AS minHeld, max(held) AS maxHeld, sum(CASE WHEN l.matchingConsent THEN 1 ELSE 0 END) AS consenting,
              COUNT { MATCH (l2:Learner)-[h:HOLDS]->() WHERE l2.id STARTS WITH $prefix AND NOT h.issuedOn < $reference } AS issuedLate`,
      { prefix: options.prefix, reference: options.referenceDate },
    );
    const l = learners.records[0]!.toObject();
    expect(l.minHeld).toBeGreaterThanOrEqual(1);
    expect(l.maxHeld).toBeLessThanOrEqual(15);
    expect(l.consenting).toBeGreaterThan(35);
    expect(l.consenting).toBeLessThan(85);
    expect(l.issuedLate).toBe(0);

    const postings = await db.driver.executeQuery(
      `MATCH (j:JobPosting)-[:FOR_OCCUPATION]->(o:Occupation) WHERE j.id STARTS WITH $prefix
       RETURN j.essentialCount AS essential, j.optionalCount AS optional, j.portalId AS portalId,
              COUNT { (j)-[:REQUIRES {relation: 'ESSENTIAL'}]->(:Skill) } AS linkedEssential,
              COUNT { (j)-[:REQUIRES]->(:Skill) } AS linked, COUNT { (o)-[:REQUIRES]->(:Skill) } AS occupationRequires`,
      { prefix: options.prefix },
    );
    expect(postings.records).toHaveLength(10);
    for (const record of postings.records) {
      const p = record.toObject();
      expect(p.essential).toBeGreaterThan(0);
      expect(p.linkedEssential).toBe(p.essential);
      expect(p.linked).toBe(p.essential + p.optional);
      expect(Math.abs(p.linked - p.occupationRequires)).toBeLessThanOrEqual(3);
      expect(p.portalId).toMatch(new RegExp(`^${options.prefix}portal-`));
    }
  });

  it('shrinks and grows the learners to exactly what a fresh generation writes', async () => {
    await resizeLearners(db.executor, options.prefix, 60);
    expect((await new PopulationRepository(db.executor).countPopulation(options.prefix)).learners).toBe(60);
    const resized = await resizeLearners(db.executor, options.prefix, 100);
    expect(resized.previousLearners).toBe(60);
    expect(await fingerprint(options.prefix)).toEqual(first);
  });

  it('deletes everything it wrote', async () => {
    const deleted = await wipePopulation(db.executor, options.prefix);
    expect(deleted).toBe(165);
    expect(await fingerprint(options.prefix)).toEqual([]);
    expect(await new PopulationRepository(db.executor).getPopulationMeta(options.prefix)).toBeNull();
  });
});
