/**
 * Badges without ESCO alignments (#13.6): instead of being rejected, their name, description and
 * criteria are mapped with the skill suggester and stored as MAPPED TEACHES links carrying their
 * confidence and the text they came from. The documents are the real Open Badges examples of the
 * shared data, with their issuer and achievement ids made unique to this run.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { sharedDataDir } from '../support/shared-data';
import { errorCodeOf, readGraph } from '../support/graph-probes';
import { MAPPED_SKILL_MIN_CONFIDENCE, MAX_MAPPED_SKILLS } from '../../src/services/skill-suggestion/badge-skill-mapper';

let server: TestServer;
const p = uniquePrefix('badge-map');
const IMPORT = `mutation($doc: JSON!) { importCredential(document: $doc) { format warnings credential { id title skills { skill { uri preferredLabel } source confidence } } } }`;
const readJson = (...segments: string[]) =>
  JSON.parse(fs.readFileSync(sharedDataDir('open_badges', ...segments), 'utf8'));
const teaches = (id: string) =>
  readGraph(
    server,
    'MATCH (:MicroCredential {id: $id})-[t:TEACHES]->(s:Skill) RETURN s.uri AS uri, s.preferredLabel AS label, t.source AS source, t.confidence AS confidence, t.sourceText AS sourceText ORDER BY t.confidence DESC, uri',
    { id },
  );

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await readGraph(server, 'MATCH (c:MicroCredential) WHERE c.sourceId CONTAINS $p DETACH DELETE c', { p });
  await readGraph(server, 'MATCH (l:Learner) WHERE l.externalId CONTAINS $p DETACH DELETE l', { p });
  await readGraph(server, 'MATCH (v:Provider) WHERE v.url CONTAINS $p OR v.name CONTAINS $p DETACH DELETE v', { p });
  await server?.close();
});

describe('a badge without ESCO alignments is mapped from its text', () => {
  it('the OB 3.0 "Teamwork" badge (1EdTech basic example) imports with MAPPED teamwork skills, their confidence and source text', async () => {
    const doc = readJson('ob3_spec_examples', 'basicOpenBadgeCredential.json');
    doc.issuer.id = `https://${p}.example.com/issuers/876543`;
    doc.credentialSubject.id = `mailto:${p}-holder@example.org`;
    doc.credentialSubject.achievement.id = `https://${p}.example.com/achievements/teamwork`;
    const res = await server.gql<any>(IMPORT, { doc });
    expect(res.errors).toBeUndefined();
    const { credential, warnings } = res.data.importCredential;
    const links = await teaches(credential.id);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(MAX_MAPPED_SKILLS);
    const texts = [
      'Teamwork',
      doc.credentialSubject.achievement.description,
      doc.credentialSubject.achievement.criteria.narrative,
    ];
    for (const link of links) {
      expect(link.source).toBe('MAPPED');
      expect(link.confidence).toBeGreaterThanOrEqual(MAPPED_SKILL_MIN_CONFIDENCE);
      expect(link.confidence).toBeLessThanOrEqual(1);
      expect(texts).toContain(link.sourceText);
    }
    // The badge is about working in a team: ESCO's teamwork skills must be among the mapped ones.
    expect(links.map((l) => l.label).join(' | ')).toMatch(/team/i);
    // "badge" names the document, not a skill: it must not map to ESCO's "types of digital badges".
    expect(links.map((l) => l.label)).not.toContain('types of digital badges');
    expect(credential.skills.every((s: { source: string }) => s.source === 'MAPPED')).toBe(true);
    expect(warnings.join('\n')).toMatch(/no ESCO alignment: \d skill\(s\) mapped/);
  });

  it('the OB 2.0 robotics BadgeClass (non-ESCO alignments only) imports with MAPPED skills instead of being rejected', async () => {
    const doc = readJson('ob2_spec_examples', 'ob2_BadgeClass.json');
    doc.id = `https://${p}.example.org/robotics-badge.json`;
    doc.issuer = {
      id: `https://${p}.example.org/organization.json`,
      type: 'Issuer',
      name: `Robotics org ${p}`,
      url: `https://${p}.example.org`,
    };
    const res = await server.gql<any>(IMPORT, { doc });
    expect(res.errors).toBeUndefined();
    const links = await teaches(res.data.importCredential.credential.id);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link).toMatchObject({ source: 'MAPPED' });
      expect(link.confidence).toBeGreaterThanOrEqual(MAPPED_SKILL_MIN_CONFIDENCE);
      expect([doc.name, doc.description]).toContain(link.sourceText);
    }
    expect(links.map((l) => l.label)).toContain('robotics');
  });

  it('declared ESCO alignments are kept as DECLARED and nothing is mapped', async () => {
    const doc = readJson('ob3_microcredential_examples', 'mynextid_ob3_microcredential_esco_alignment.json');
    doc.issuer.url = `https://${p}-declared.example`;
    doc.credentialSubject.id = `urn:test:${p}-declared-holder`;
    doc.credentialSubject.achievement.id = `urn:test:${p}-declared-achievement`;
    const res = await server.gql<any>(IMPORT, { doc });
    expect(res.errors).toBeUndefined();
    const links = await teaches(res.data.importCredential.credential.id);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatchObject({ source: 'DECLARED', confidence: 1, sourceText: null });
  });

  it('a badge whose text names no skill is rejected with the reason, and nothing is written', async () => {
    const doc = readJson('ob3_spec_examples', 'basicOpenBadgeCredential.json');
    doc.issuer.id = `https://${p}-none.example.com/issuers/1`;
    doc.name = doc.credentialSubject.achievement.name = 'Zqxw 2024';
    delete doc.credentialSubject.achievement.description;
    delete doc.credentialSubject.achievement.criteria;
    doc.credentialSubject.achievement.id = `https://${p}-none.example.com/achievements/x`;
    const res = await server.gql<any>(IMPORT, { doc });
    expect(errorCodeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/map to no ESCO skill with confidence of at least 0\.4/);
    expect(
      await readGraph(server, 'MATCH (c:MicroCredential) WHERE c.sourceId CONTAINS $tag RETURN c.id AS id', {
        tag: `${p}-none`,
      }),
    ).toEqual([]);
  });
});
