/**
 * Reads what occupation search is built and judged from when no database is involved: the
 * occupations of an ESCO CSV release (with their ISCO group labels) and a labelled job-title file
 * (`title,occupationUri` columns, as in the job-title normalisation set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SearchableConcept } from '../../domain/search/label-search-index';
import type { LabelledTitle } from '../../domain/search/job-title-evaluation';

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

function lines(cell: string | undefined): string[] {
  return (cell ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Occupations of `occupations_en.csv` with the label of their ISCO unit group (`ISCOGroups_en.csv`). */
export function readEscoOccupations(escoDir: string): SearchableConcept[] {
  const groups = new Map(readCsv(path.join(escoDir, 'ISCOGroups_en.csv')).map((row) => [row.code ?? '', row.preferredLabel ?? '']));
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
