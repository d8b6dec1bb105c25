import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../src/esco/import/csv-rows';
import { csvLine } from '../../../src/esco/import/csv-text';

describe('csvLine', () => {
  it('quotes only fields that need it and ends with CRLF, like the release', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",\r\n');
  });

  it('reads back through the importer parser unchanged', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é', '|') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { maxLength: 8 }), async (rows) => {
        const text = csvLine(['x', 'y']) + rows.map(([x, y]) => csvLine([x, y])).join('');
        const back: Array<[string, string]> = [];
        for await (const row of readCsvRows(Readable.from([Buffer.from(text)]), {
          file: 't',
          columns: ['x', 'y'],
          onMalformed: () => undefined,
        })) {
          back.push([row.values['x']!, row.values['y']!]);
        }
        expect(back).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
