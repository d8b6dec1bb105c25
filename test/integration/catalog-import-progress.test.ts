/**
 * The catalog importer reports how far into the file it is (#13.9): the bytes read go with every
 * row, so `catalog:import` can show a percentage and the time left of a real catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { sharedDataDir } from '../support/shared-data';
import { CatalogImporter } from '../../src/catalog-import/import-catalog';
import { parseCatalogMapping } from '../../src/catalog-import/catalog-mapping';
import { CatalogRepository } from '../../src/db/repositories/catalog-repository';

const CATALOG = sharedDataDir('course_catalogs', 'coursera_courses_2023.csv');
let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('catalog import progress', () => {
  it('reports rows with the bytes read, rising to the size of the file (dry run of a real catalogue)', async () => {
    const mapping = parseCatalogMapping(
      JSON.parse(
        fs.readFileSync(path.resolve(__dirname, '../../tools/catalog-mappings/coursera-courses-2023.json'), 'utf8'),
      ),
    );
    const importer = new CatalogImporter(db.executor, new CatalogRepository(db.executor), async () => []);
    const seen: { rows: number; bytes: number }[] = [];
    await importer.importFile(CATALOG, {
      mapping,
      providerId: 'progress-dry-run',
      minConfidence: 0.6,
      dryRun: true,
      onProgress: (rows, bytes) => seen.push({ rows, bytes }),
    });
    const size = fs.statSync(CATALOG).size;
    expect(seen.length).toBeGreaterThan(100);
    expect(seen[0]!.bytes).toBeGreaterThan(0);
    expect(seen[0]!.bytes).toBeLessThan(size / 10);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    // The last row ends at (or, with a trailing newline, just before) the end of the file.
    expect(seen[seen.length - 1]!.bytes).toBeGreaterThan(size - 10);
    expect(seen[seen.length - 1]!.bytes).toBeLessThanOrEqual(size);
  });
});
