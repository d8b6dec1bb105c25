import { describe, expect, it } from 'vitest';
import { EscoImportError } from '../../../src/esco/import/esco-import-error';
import { formatImportSummary, type ImportSummary } from '../../../src/esco/import/import-summary';
import { IssueLog } from '../../../src/esco/import/issue-log';

describe('IssueLog', () => {
  it('counts every issue, keeps only the first ones and counts skipped rows per file', () => {
    const log = new IssueLog(2, false);
    for (let row = 1; row <= 5; row += 1) log.add({ file: 'a.csv', row, message: 'bad', skipped: row !== 5 });
    expect(log.count).toBe(5);
    expect(log.issues.map((issue) => issue.row)).toEqual([1, 2]);
    expect(log.skipped('a.csv')).toBe(4);
    expect(log.skipped('b.csv')).toBe(0);
  });

  it('throws on the first issue when strict, naming file and row', () => {
    const log = new IssueLog(10, true);
    expect(() => log.add({ file: 'a.csv', row: 3, line: 4, message: 'unknown skill x', skipped: true })).toThrow(
      EscoImportError,
    );
    expect(() => log.add({ file: 'a.csv', row: 3, line: 4, message: 'unknown skill x', skipped: true })).toThrow(
      'a.csv row 3 (line 4): unknown skill x',
    );
  });
});

describe('formatImportSummary', () => {
  it('prints a table and the issues', () => {
    const summary: ImportSummary = {
      version: 'v1.1.1',
      dir: '/data',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1500,
      batchSize: 5000,
      batches: 3,
      files: [{ key: 'skills', file: 'skills_en.csv', rows: 3, imported: 2, skipped: 1, ignored: 0, durationMs: 10 }],
      missingOptionalFiles: ['greenSkillsCollection_en.csv'],
      issueCount: 1,
      issues: [{ file: 'skills_en.csv', row: 2, line: 3, message: 'empty preferredLabel', skipped: true }],
    };
    const text = formatImportSummary(summary);
    expect(text).toContain('skills_en.csv');
    expect(text).toContain('greenSkillsCollection_en.csv');
    expect(text).toContain('skills_en.csv row 2 (line 3): skipped: empty preferredLabel');
  });
});
