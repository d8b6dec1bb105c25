import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { missingColumns, readCsvRows, type CsvRow } from '../../../src/esco/import/csv-rows';
import { EscoImportError } from '../../../src/esco/import/esco-import-error';

interface Malformed {
  row: number;
  line: number;
  message: string;
}

async function read(
  text: string,
  columns: string[],
  allowShortRows = false,
): Promise<{ rows: CsvRow[]; malformed: Malformed[] }> {
  const malformed: Malformed[] = [];
  const rows: CsvRow[] = [];
  const input = Readable.from([Buffer.from(text)]);
  for await (const row of readCsvRows(input, {
    file: 'test.csv',
    columns,
    allowShortRows,
    onMalformed: (row, line, message) => malformed.push({ row, line, message }),
  })) {
    rows.push(row);
  }
  return { rows, malformed };
}

describe('missingColumns', () => {
  it('lists required columns absent from the header', () => {
    expect(missingColumns(['conceptUri', 'code'], ['conceptUri', 'preferredLabel'])).toEqual(['preferredLabel']);
    expect(missingColumns([' conceptUri '], ['conceptUri'])).toEqual([]);
  });
});

describe('readCsvRows', () => {
  it('parses quoted fields with embedded newlines and numbers rows and lines', async () => {
    const { rows, malformed } = await read('uri,label\r\na,"x\ny"\r\nb,z\r\n', ['uri', 'label']);
    expect(malformed).toEqual([]);
    expect(rows.map((row) => [row.row, row.line, row.values['uri'], row.values['label']])).toEqual([
      [1, 2, 'a', 'x\ny'],
      [2, 4, 'b', 'z'],
    ]);
  });

  it('reports a malformed record with its row and line and reads on', async () => {
    const { rows, malformed } = await read('uri,label\na,1\nb\nc,3\n', ['uri']);
    expect(rows.map((row) => [row.row, row.values['uri']])).toEqual([
      [1, 'a'],
      [3, 'c'],
    ]);
    expect(malformed).toHaveLength(1);
    expect(malformed[0]).toMatchObject({ row: 2, line: 3 });
    expect(malformed[0]!.message).toMatch(/Invalid Record Length/);
  });

  it('fails naming the file and the missing column', async () => {
    await expect(read('uri,label\na,b\n', ['uri', 'preferredLabel'])).rejects.toThrow(EscoImportError);
    await expect(read('uri,label\na,b\n', ['uri', 'preferredLabel'])).rejects.toThrow(
      /test\.csv: missing column "preferredLabel"/,
    );
  });

  it('fails on an empty file', async () => {
    await expect(read('', ['uri'])).rejects.toThrow(/empty/);
  });

  it('strips a byte-order mark from the header', async () => {
    const { rows } = await read('\ufeffuri\nx\n', ['uri']);
    expect(rows[0]!.values['uri']).toBe('x');
  });

  it('accepts short rows only where allowed, filling the missing cells', async () => {
    const text = 'a,b,c\n1,2\n';
    expect((await read(text, ['a', 'c'])).malformed).toHaveLength(1);
    const relaxed = await read(text, ['a', 'c'], true);
    expect(relaxed.malformed).toEqual([]);
    expect(relaxed.rows[0]!.values).toEqual({ a: '1', b: '2', c: '' });
  });
});
