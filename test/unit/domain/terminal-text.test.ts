import { describe, expect, it } from 'vitest';
import { terminalText } from '../../../src/domain/text/terminal-text';
import { formatCatalogImportSummary } from '../../../src/catalog-import/catalog-import-summary';
import type { CatalogImportSummary } from '../../../src/catalog-import/import-catalog';
import { formatImportSummary } from '../../../src/esco/import/import-summary';
import { importCredentialFiles } from '../../../src/cli/credential-files';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Issue #18.12: a title with "\u001b[2J" and a forged report line printed raw.
const HOSTILE = 'Intro\u001b[2J\n3 of 3 file(s) imported\r\u009b\u202e';
const hasControl = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(text);

describe('terminalText', () => {
  it('escapes control characters, line breaks and bidi overrides visibly', () => {
    expect(terminalText(HOSTILE)).toBe('Intro\\u001b[2J\\n3 of 3 file(s) imported\\r\\u009b\\u202e');
    expect(terminalText('Ünïcödé — fine')).toBe('Ünïcödé — fine');
  });
});

describe('command-line reports escape data-derived text', () => {
  it('catalog import summary: titles, tags and reasons', () => {
    const summary: CatalogImportSummary = {
      file: `evil${HOSTILE}.csv`,
      mapping: 'm',
      minConfidence: 0.6,
      dryRun: false,
      rowsRead: 2,
      filteredOut: 0,
      imported: 0,
      created: 0,
      updated: 0,
      duplicates: 0,
      skipped: [{ row: 1, title: HOSTILE, reason: `bad ${HOSTILE}` }],
      providersCreated: 0,
      skillLinks: 0,
      skillLinksFromText: 0,
      coursesWithoutSkills: 0,
      rowWarnings: 0,
      tags: { distinctTags: 1, mappedTags: 0, mentions: 1, mappedMentions: 0, unmapped: [{ tag: HOSTILE, count: 1 }] },
      credentialIds: [],
      durationMs: 1,
      aborted: null,
    };
    const text = formatCatalogImportSummary(summary);
    expect(hasControl(text)).toBe(false);
    expect(text.split('\n').filter((line) => line.startsWith('3 of 3'))).toEqual([]);
    expect(text).toContain('Intro\\u001b[2J\\n3 of 3 file(s) imported');
  });

  it('ESCO import summary: file names and issue messages', () => {
    const text = formatImportSummary({
      version: 'v1',
      dir: 'd',
      startedAt: '',
      durationMs: 1,
      batchSize: 1,
      batches: 1,
      missingOptionalFiles: [],
      files: [
        { key: 'skills', file: `skills${HOSTILE}.csv`, rows: 1, imported: 0, skipped: 1, ignored: 0, durationMs: 1 },
      ],
      issueCount: 1,
      issues: [{ file: 'skills.csv', row: 1, message: HOSTILE, skipped: true }],
    });
    expect(hasControl(text)).toBe(false);
    expect(text.split('\n').filter((line) => line.startsWith('3 of 3'))).toEqual([]);
  });

  it('credentials:import: titles, warnings, rejection reasons and file names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-terminal-'));
    try {
      const good = path.join(dir, 'good.json');
      const bad = path.join(dir, `bad\u001b[2J.json`);
      fs.writeFileSync(good, '{}');
      fs.writeFileSync(bad, '{not json');
      let output = '';
      await importCredentialFiles(
        [good, bad],
        async () => ({
          format: 'OB3',
          credentialId: 'c1',
          title: HOSTILE,
          created: true,
          providerId: 'p1',
          providerCreated: false,
          learnerId: null,
          learnerCreated: false,
          warnings: [HOSTILE],
          verification: {
            status: 'INVALID',
            checks: [{ check: 'SIGNATURE', outcome: 'FAILED', message: HOSTILE }],
            issuer: HOSTILE,
            checkedAt: '2026-01-01T00:00:00.000Z',
          },
        }),
        (text) => (output += text),
      );
      expect(hasControl(output)).toBe(false);
      const lines = output.split('\n').filter((line) => line !== '');
      // Only the real final count starts a line with "N of M file(s)".
      expect(lines.filter((line) => /^\d+ of \d+ file\(s\)/.test(line))).toEqual([
        '1 of 2 file(s) imported, 1 rejected',
      ]);
      // imported, verification, its failed check, warning, rejected, count
      expect(lines).toHaveLength(6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
