/**
 * Every query file's `// params:` header names exactly the `$parameters` its statement uses, in
 * the production `cypher/` tree and in the tools' `tools/cypher/` tree alike. Together with the
 * executor's check of the parameters passed against the header (see neo4j-executor.test.ts),
 * a caller, its header and its statement cannot drift apart unnoticed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CypherRegistry, defaultCypherDir, toolsCypherDir } from '../../../src/db/cypher-registry';

/** `$name` uses in a statement, ignoring string literals (a `$` in a quoted text is not a parameter). */
function usedParams(text: string): string[] {
  const code = text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();
}

function queryNames(dir: string): string[] {
  const names: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.cypher')) names.push(rel.replace(/\.cypher$/, ''));
    }
  };
  walk('');
  return names.sort();
}

describe.each([
  ['cypher/', defaultCypherDir()],
  ['tools/cypher/', toolsCypherDir()],
])('query files under %s', (_label, dir) => {
  const registry = CypherRegistry.load(dir);
  const names = queryNames(dir);

  it('exist', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)('%s declares exactly the parameters its statement uses', (name) => {
    const query = registry.get(name);
    expect([...query.params].sort()).toEqual(usedParams(query.text));
  });
});

describe('usedParams', () => {
  it('finds parameters and skips string literals', () => {
    expect(usedParams("MATCH (s {uri: $uri}) WHERE s.label = '$notAParam' RETURN $limit")).toEqual(['limit', 'uri']);
  });
});
