/**
 * Issue #18.8: the ESCO import's reader and row rules against broken files (swallowed rows,
 * oversized values, files that are not UTF-8), and the real release read without false alarms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { looksLikeRowStart, openCsvFile, readCsvRows, type CsvRow } from '../../../src/esco/import/csv-rows';
import { ESCO_FILES } from '../../../src/esco/import/esco-files';
import { EscoImportError } from '../../../src/esco/import/esco-import-error';
import {
  ESCO_FIELD_LIMITS,
  mapIscoGroupRow,
  mapOccupationRow,
  mapSkillRow,
} from '../../../src/esco/import/row-mapping';
import { assertUtf8File, findInvalidUtf8 } from '../../../src/esco/import/utf8-check';
import { sharedDataDir } from '../../support/shared-data';

const SKILLS_HEADER = fs.readFileSync(sharedDataDir('esco', 'skills_en.csv'), 'utf8').split('\n', 1)[0]!.trim();
const skillLine = (i: number, description = 'a skill') =>
  `KnowledgeSkillCompetence,http://test.example/skill/${i},knowledge,cross-sector,skill ${i},alt ${i},,released,,,,,${description}`;

async function read(
  text: string,
): Promise<{ rows: CsvRow[]; malformed: { row: number; line: number; message: string }[] }> {
  const malformed: { row: number; line: number; message: string }[] = [];
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(Readable.from([Buffer.from(text)]), {
    file: 'skills_en.csv',
    columns: ['conceptUri', 'preferredLabel'],
    onMalformed: (row, line, message) => malformed.push({ row, line, message }),
  }))
    rows.push(row);
  return { rows, malformed };
}

describe('rows swallowed by an unbalanced quote', () => {
  it('counts each swallowed row as a skipped row (row 3 unclosed: 10 rows, 8 skipped, not "3 rows, 1 skipped")', async () => {
    const lines = [
      SKILLS_HEADER,
      ...Array.from({ length: 10 }, (_, i) => (i === 2 ? skillLine(3, '"unclosed description') : skillLine(i + 1))),
    ];
    const { rows, malformed } = await read(lines.join('\r\n') + '\r\n');
    expect(rows.map((r) => r.values['conceptUri'])).toEqual([
      'http://test.example/skill/1',
      'http://test.example/skill/2',
    ]);
    expect(rows.length + malformed.length).toBe(10);
    expect(malformed.map((m) => m.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(malformed[0]!.message).toMatch(/swallowed the next 7 row\(s\)/);
    expect(malformed[1]!.message).toMatch(/row swallowed by the unbalanced quote of row 3/);
  });

  it('refuses a record whose stray quote a later quote closes, with the rows it swallowed', async () => {
    const lines = [
      SKILLS_HEADER,
      skillLine(1),
      skillLine(2, '"opens here'),
      skillLine(3),
      skillLine(4, 'closes here"'),
      skillLine(5),
    ];
    const { rows, malformed } = await read(lines.join('\r\n') + '\r\n');
    expect(rows.map((r) => r.values['conceptUri'])).toEqual([
      'http://test.example/skill/1',
      'http://test.example/skill/5',
    ]);
    expect(rows.length + malformed.length).toBe(5);
    expect(malformed.map((m) => m.row)).toEqual([2, 3, 4]);
  });

  it('recognises row starts of every file kind and not label or description lines', () => {
    expect(looksLikeRowStart('KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/1,knowledge,')).toBe(true);
    expect(looksLikeRowStart('http://data.europa.eu/esco/occupation/1,essential,knowledge,http://x')).toBe(true);
    expect(looksLikeRowStart('ISCOGroup,http://data.europa.eu/esco/isco/C0110,0110,')).toBe(true);
    expect(looksLikeRowStart('manage staff of music')).toBe(false);
    expect(looksLikeRowStart('see http://example.org, for details')).toBe(false);
    // Continuation lines of a quoted multi-URI inScheme cell.
    expect(looksLikeRowStart('http://data.europa.eu/esco/concept-scheme/isco","Armed forces occupations')).toBe(false);
    expect(looksLikeRowStart('http://data.europa.eu/esco/concept-scheme/isco,')).toBe(false);
  });

  it('reads every file of the real v1.1.1 release without one malformed record', async () => {
    const dir = sharedDataDir('esco');
    for (const spec of ESCO_FILES) {
      const name = spec.names.find((candidate) => fs.existsSync(path.join(dir, candidate)));
      if (name === undefined) continue;
      let malformed = 0;
      let rows = 0;
      for await (const _ of readCsvRows(openCsvFile(path.join(dir, name)), {
        file: name,
        columns: spec.columns,
        allowShortRows: spec.shortRows ?? false,
        onMalformed: () => (malformed += 1),
      }))
        rows += 1;
      expect(malformed, name).toBe(0);
      expect(rows, name).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('field size limits (ESCO_FIELD_LIMITS)', () => {
  const skill = (over: Record<string, string>) =>
    mapSkillRow({
      conceptUri: 'http://test.example/skill/1',
      preferredLabel: 'a skill',
      skillType: 'knowledge',
      ...over,
    });

  it('rejects a 10,000-character label with the column and the limit', () => {
    expect(skill({ preferredLabel: 'x'.repeat(10_000) })).toEqual({
      ok: false,
      message: `preferredLabel has 10000 characters, more than the ${ESCO_FIELD_LIMITS.label} allowed`,
    });
    expect(skill({ altLabels: `short\n${'y'.repeat(501)}` })).toEqual({
      ok: false,
      message: 'altLabels has a label of 501 characters, more than the 500 allowed',
    });
    expect(skill({ hiddenLabels: Array.from({ length: 501 }, (_, i) => `h${i}`).join('\n') })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/hiddenLabels holds 501 labels/),
    });
  });

  it('rejects oversized descriptions, URIs and codes; accepts values at the limit', () => {
    expect(skill({ description: 'd'.repeat(50_000_000 / 1000) })).toMatchObject({
      ok: false,
      message: 'description has 50000 characters, more than the 20000 allowed',
    });
    expect(skill({ conceptUri: `http://test.example/${'u'.repeat(600)}` })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^conceptUri has 620 characters/),
    });
    expect(
      mapIscoGroupRow({ conceptUri: 'http://test.example/isco/1', code: '1'.repeat(101), preferredLabel: 'g' }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/^code has 101/) });
    expect(
      mapOccupationRow({
        conceptUri: 'http://test.example/occ/1',
        preferredLabel: 'o',
        description: 'd'.repeat(20_000),
      }),
    ).toMatchObject({ ok: true });
    expect(skill({ preferredLabel: 'x'.repeat(500) })).toMatchObject({ ok: true });
  });
});

describe('UTF-8 check', () => {
  it('finds the first invalid byte and its line', () => {
    expect(findInvalidUtf8(Buffer.from('compétence\nok', 'utf8'))).toBeNull();
    expect(findInvalidUtf8(Buffer.from('ok\ncomp\xe9tence', 'latin1'))).toEqual({ offset: 7, line: 2 });
  });

  it('refuses a Latin-1 file naming it, the offset and the line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-utf8-'));
    try {
      const file = path.join(dir, 'skills_en.csv');
      fs.writeFileSync(
        file,
        Buffer.from(
          `${SKILLS_HEADER}\r\nKnowledgeSkillCompetence,http://test.example/skill/1,knowledge,,comp\xe9tence,,,,,,,,\r\n`,
          'latin1',
        ),
      );
      await expect(assertUtf8File(file, 'skills_en.csv')).rejects.toThrow(EscoImportError);
      await expect(assertUtf8File(file, 'skills_en.csv')).rejects.toThrow(
        /^skills_en\.csv is not valid UTF-8 \(first invalid byte at offset \d+, line 2\)/,
      );
      fs.writeFileSync(
        file,
        `${SKILLS_HEADER}\r\nKnowledgeSkillCompetence,http://test.example/skill/1,knowledge,,compétence,,,,,,,,\r\n`,
      );
      await expect(assertUtf8File(file, 'skills_en.csv')).resolves.toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
