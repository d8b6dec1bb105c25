/**
 * Imports one more language of an ESCO release on top of the English graph: the label files of
 * a release in that language (`ISCOGroups_de.csv`, `skillGroups_de.csv`, `skills_de.csv`,
 * `occupations_de.csv`; the language comes from the file names) add language-suffixed label
 * properties to the concepts the English import created. Relation and collection files carry no
 * labels and are ignored. Writes are batched (one UNWIND per batch); re-running is harmless.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE_LANGUAGE,
  labelProperties,
  languageOfFileName,
  type EscoLanguage,
} from '../../domain/esco/esco-languages';
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import { openCsvFile, readCsvRows } from './csv-rows';
import { EscoImportError } from './esco-import-error';
import { splitLabels } from './label-keys';
import { DEFAULT_BATCH_SIZE } from './import-esco-csv';
import { ESCO_FIELD_LIMITS } from './row-mapping';

/** The label files of a release, by base name; each has at least these columns. */
const LABEL_FILES: ReadonlyArray<{
  readonly base: string;
  readonly columns: readonly string[];
  readonly hasAltLabels: boolean;
}> = [
  { base: 'ISCOGroups', columns: ['conceptUri', 'preferredLabel'], hasAltLabels: false },
  { base: 'skillGroups', columns: ['conceptUri', 'preferredLabel'], hasAltLabels: true },
  { base: 'skills', columns: ['conceptUri', 'preferredLabel'], hasAltLabels: true },
  { base: 'occupations', columns: ['conceptUri', 'preferredLabel'], hasAltLabels: true },
];

/** What a translation import did, per file. */
export interface TranslationImportSummary {
  readonly language: EscoLanguage;
  readonly files: ReadonlyArray<{
    readonly file: string;
    readonly rows: number;
    readonly stored: number;
    readonly unknown: number;
  }>;
  /** Rows that could not be used, with file and row, e.g. a concept the graph does not hold. */
  readonly issues: readonly string[];
}

/**
 * The language of a translation folder: every label file must carry the same non-English code.
 * Null when the folder holds no label file with a language code.
 *
 * @throws EscoImportError when the folder mixes languages or holds English label files.
 */
export function detectTranslationLanguage(entries: readonly string[]): EscoLanguage | null {
  const languages = new Set<EscoLanguage>();
  for (const entry of entries) {
    const base = entry.replace(/_[a-z]{2}\.csv$/i, '');
    const language = languageOfFileName(entry);
    if (language && LABEL_FILES.some((spec) => spec.base.toLowerCase() === base.toLowerCase())) languages.add(language);
  }
  if (languages.size === 0) return null;
  if (languages.size > 1)
    throw new EscoImportError(
      `the folder mixes languages (${[...languages].sort().join(', ')}); import one language at a time`,
    );
  const [language] = [...languages] as [EscoLanguage];
  if (language === BASE_LANGUAGE)
    throw new EscoImportError('English files are imported by the main ESCO import, not as a translation');
  return language;
}

/**
 * Imports the label files of `dir` as translations of the concepts already in the graph.
 *
 * @example
 * const summary = await importEscoTranslations(executor, 'releases/esco-v1.1.1-de');
 * // summary.language === 'de'
 */
export async function importEscoTranslations(
  executor: Neo4jExecutor,
  dir: string,
  options: { readonly batchSize?: number } = {},
): Promise<TranslationImportSummary> {
  const entries = fs.readdirSync(dir);
  const language = detectTranslationLanguage(entries);
  if (!language) throw new EscoImportError(`no ESCO label file with a language code (like skills_de.csv) in ${dir}`);
  const keys = labelProperties(language);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const files: { file: string; rows: number; stored: number; unknown: number }[] = [];
  const issues: string[] = [];
  for (const spec of LABEL_FILES) {
    const file = entries.find((entry) => entry.toLowerCase() === `${spec.base}_${language}.csv`.toLowerCase());
    if (!file) continue;
    const counts = { file, rows: 0, stored: 0, unknown: 0 };
    let batch: { i: number; uri: string; props: Record<string, unknown> }[] = [];
    const rowNumbers: number[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const missing = await executor.write('esco-import/merge-translations', { rows: batch });
      for (const row of missing) {
        counts.unknown += 1;
        issues.push(
          `${file} row ${rowNumbers[row.i as number]}: concept ${batch[row.i as number]!.uri} is not in the graph (import the English release first)`,
        );
      }
      counts.stored += batch.length - missing.length;
      batch = [];
      rowNumbers.length = 0;
    };
    const rows = readCsvRows(openCsvFile(path.join(dir, file)), {
      file,
      columns: spec.columns,
      onMalformed: (row, line, message) => issues.push(`${file} row ${row} (line ${line}): ${message}`),
    });
    for await (const row of rows) {
      counts.rows += 1;
      const uri = (row.values['conceptUri'] ?? '').trim();
      const preferredLabel = (row.values['preferredLabel'] ?? '').trim();
      if (!uri || !preferredLabel) {
        issues.push(`${file} row ${row.row}: ${uri ? 'no preferredLabel' : 'no conceptUri'}`);
        continue;
      }
      const description = (row.values['description'] ?? '').trim();
      const altLabels = spec.hasAltLabels ? splitLabels(row.values['altLabels']) : [];
      // The same limits as the English import, so a broken file cannot store oversized labels.
      const tooLong =
        uri.length > ESCO_FIELD_LIMITS.uri || preferredLabel.length > ESCO_FIELD_LIMITS.label
          ? 'a URI or preferredLabel over its limit'
          : description.length > ESCO_FIELD_LIMITS.description
            ? `description over ${ESCO_FIELD_LIMITS.description} characters`
            : altLabels.length > ESCO_FIELD_LIMITS.labels ||
                altLabels.some((label) => label.length > ESCO_FIELD_LIMITS.label)
              ? 'altLabels over their limits'
              : null;
      if (tooLong) {
        issues.push(`${file} row ${row.row}: ${tooLong}; row skipped`);
        continue;
      }
      const props: Record<string, unknown> = {
        [keys.preferredLabel]: preferredLabel,
        [keys.description]: description === '' ? null : description,
      };
      if (spec.hasAltLabels) props[keys.altLabels] = altLabels;
      rowNumbers.push(row.row);
      batch.push({ i: batch.length, uri, props });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    files.push(counts);
  }
  return { language, files, issues };
}
