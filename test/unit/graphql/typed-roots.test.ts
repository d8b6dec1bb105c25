/**
 * Resolvers take typed parents: the backing fields they read are declared on the object types,
 * so no resolver needs to reinterpret its parent (`as unknown as`) or take it as `any`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GRAPHQL_DIR = join(__dirname, '..', '..', '..', 'src', 'graphql');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the GraphQL layer', () => {
  it('has no double casts and no any-typed parents', () => {
    const files = sourceFiles(GRAPHQL_DIR);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file.slice(GRAPHQL_DIR.length + 1)}:${i + 1}`, line }))
        .filter(({ line }) => /as unknown as|@Root\(\)\s+\w+\s*:\s*any\b/.test(line))
        .map(({ where }) => where),
    );
    expect(offending).toEqual([]);
  });
});
