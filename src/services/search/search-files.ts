/**
 * Reads what occupation search is built and judged from when no database is involved: the
 * occupations of an ESCO CSV release (with their ISCO group labels) and a labelled job-title file
 * (`title,occupationUri` columns, as in the job-title normalisation set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoPath } from '../../config/repo-root';
import type { SearchableConcept } from '../../domain/search/label-search-index';
import type { LabelledTitle } from '../../domain/search/job-title-evaluation';

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

function lines(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Occupations of `occupations_en.csv` with the label of their ISCO unit group (`ISCOGroups_en.csv`). */
export function readEscoOccupations(escoDir: string): SearchableConcept[] {
  const groups = new Map(
    readCsv(path.join(escoDir, 'ISCOGroups_en.csv')).map((row) => [row.code ?? '', row.preferredLabel ?? '']),
  );
  return readCsv(path.join(escoDir, 'occupations_en.csv')).map((row) => ({
    uri: row.conceptUri!,
    preferredLabel: row.preferredLabel ?? '',
    altLabels: lines(row.altLabels),
    hiddenLabels: lines(row.hiddenLabels),
    groupLabel: groups.get(row.iscoGroup ?? '') ?? null,
  }));
}

/** Labelled titles of a `title,occupationUri` CSV (rows without either are skipped). */
export function readLabelledTitles(file: string): LabelledTitle[] {
  return readCsv(file)
    .map((row) => ({ title: (row.title ?? '').trim(), occupationUri: (row.occupationUri ?? '').trim() }))
    .filter((row) => row.title !== '' && row.occupationUri !== '');
}

/**
 * The shipped file of learned job titles, in the repository's `seed/`, wherever the compiled code
 * runs from (`dist/src/`, or a build elsewhere in the checkout such as the benchmark's).
 *
 * @throws Error when the file is missing
 */
export function shippedJobTitlesFile(): string {
  const file = repoPath('seed', 'job-titles', 'job-titles.csv');
  if (!fs.existsSync(file)) throw new Error(`the shipped job-title file ${file} is missing`);
  return file;
}

/**
 * Reads a learned job-title file: columns `occupationUri,titles`, the titles of one occupation in
 * one cell, one per line (as ESCO's CSV writes alternative labels).
 */
export function readJobTitleFile(file: string): LabelledTitle[] {
  return readCsv(file).flatMap((row) =>
    lines(row.titles).map((title) => ({ title, occupationUri: (row.occupationUri ?? '').trim() })),
  );
}

/** Writes titles in the format {@link readJobTitleFile} reads, grouped by occupation (most frequent title first). */
export function writeJobTitleFile(file: string, titles: readonly LabelledTitle[]): void {
  const grouped = new Map<string, Map<string, number>>();
  for (const { title, occupationUri } of titles) {
    const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key === '') continue;
    const counts = grouped.get(occupationUri) ?? new Map<string, number>();
    grouped.set(occupationUri, counts);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const rows = [...grouped]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(
      ([uri, counts]) =>
        `${uri},${quote(
          [...counts]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .map(([t]) => t)
            .join('\n'),
        )}`,
    );
  fs.writeFileSync(file, ['occupationUri,titles', ...rows].join('\n') + '\n');
}
