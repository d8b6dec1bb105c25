/**
 * Issue #18.10: a credential document nested 200,000 levels deep (a 400 KB `name`) overflowed the
 * stack of the credential parsers: INTERNAL_SERVER_ERROR through the API, and a whole
 * `credentials:import` run aborted before the next, valid file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { sharedDataDir } from '../support/shared-data';
import { uniquePrefix } from '../support/test-database';
import { importCredentialFiles } from '../../src/cli/credential-files';

const MYNEXTID = sharedDataDir(
  'open_badges',
  'ob3_microcredential_examples',
  'mynextid_ob3_microcredential_esco_alignment.json',
);
const NESTING = 200_000;
const deepName = '['.repeat(NESTING) + '"x"' + ']'.repeat(NESTING);

let server: TestServer;
const prefix = uniquePrefix('deepjson');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-deepjson-'));

/** The OB 3.0 example as JSON text with its achievement name replaced by `nameJson`. */
function documentText(tag: string, nameJson: string): string {
  const doc = JSON.parse(fs.readFileSync(MYNEXTID, 'utf8'));
  doc.issuer.url = `https://${prefix}-${tag}.example`;
  doc.credentialSubject.id = `urn:test:${prefix}-${tag}-holder`;
  doc.credentialSubject.achievement.id = `urn:test:${prefix}-${tag}-achievement`;
  doc.credentialSubject.achievement.name = '__NAME__';
  // JSON.stringify itself recurses, so the deep value is spliced into the text.
  return JSON.stringify(doc).replace('"__NAME__"', nameJson);
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential AND n.sourceId CONTAINS $prefix) OR (n:Provider AND n.url CONTAINS $prefix) OR (n:Learner AND n.externalId CONTAINS $prefix) DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('deeply nested JSON input (#18.10)', () => {
  it('importCredential answers BAD_USER_INPUT naming the depth limit, not INTERNAL_SERVER_ERROR', async () => {
    const body = `{"query":"mutation($doc: JSON!) { importCredential(document: $doc) { credential { id } } }","variables":{"doc":${documentText('api', deepName)}}}`;
    expect(body.length).toBeGreaterThan(400_000);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer({ sub: 'test-admin', roles: ['ADMIN'] })) },
      body,
    });
    const json = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Refused with the request's variables, before the document's own check (32 levels) runs.
    expect(json.errors?.[0]?.message).toMatch(/variables are nested deeper than 64 levels/);
    const written = await server.db.driver.executeQuery(
      `MATCH (p:Provider) WHERE p.url CONTAINS $tag RETURN count(p) AS n`,
      { tag: `${prefix}-api` },
    );
    expect(Number(written.records[0]!.get('n'))).toBe(0);
  });

  it('refuses variables nested past 64 levels before anything walks them: a top-level deep array, anonymous', async () => {
    // type-graphql converts array arguments recursively: a JSON argument that is itself 50,000
    // arrays deep overflowed the stack there, before the document's own depth check ran.
    const query = 'query($d: JSON!) { verifyCredential(document: $d) { status } }';
    const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    const posted = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(query)},"variables":{"d":${deepArray(50_000)}}}`,
    });
    // A GET carries less (URLs stop at 16 KB), but as deep as its length allows.
    const search = new URLSearchParams({ query, variables: `{"d":${deepArray(2_000)}}` });
    const got = await fetch(`${server.url}?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
    for (const response of [posted, got]) {
      expect(response.status).toBe(400);
      const json = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(json.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        details: { field: 'variables', reason: 'maxDepth', limit: 64 },
      });
      expect(json.errors?.[0]?.message).toMatch(/nested deeper than 64 levels/);
    }
    // 40 levels: past the document's own limit (32), which names where.
    const res = await server.gql('query($d: JSON!) { verifyCredential(document: $d) { status } }', {
      d: JSON.parse('['.repeat(40) + ']'.repeat(40)),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/nested deeper than 32 levels/);
  });

  it('credentials:import reports the deep file and goes on to import the next, valid one', async () => {
    const deep = path.join(tempDir, 'deep.json');
    const valid = path.join(tempDir, 'valid.json');
    fs.writeFileSync(deep, documentText('cli-deep', deepName));
    fs.writeFileSync(valid, documentText('cli-valid', '"Valid course after a deep one"'));
    let output = '';
    const service = server.app.services.credentialImport;
    const result = await importCredentialFiles(
      [deep, valid],
      (document) => service.importDocument(document),
      (text) => (output += text),
    );
    expect(result).toEqual({ imported: 1, rejected: 1 });
    expect(output).toMatch(/rejected .*deep\.json: document is nested deeper than 32 levels .*\[BAD_USER_INPUT\]/);
    expect(output).toMatch(/imported .*valid\.json: OB3 "Valid course after a deep one"/);
    expect(output).toMatch(/1 of 2 file\(s\) imported, 1 rejected\n$/);
  });
});
