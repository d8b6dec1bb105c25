/**
 * Reads the skill-extraction benchmark files (`esco_skill_extraction_eval/`): annotation CSVs
 * (sentence, span, sub_span, label) and the table mapping the benchmark's ESCO preferred labels
 * to URIs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { toEvaluationItems, type EvaluationItem } from '../../domain/skill-mapping/evaluation-set';

/** The validation splits shipped in the shared data, in the order items are numbered. */
export const VALIDATION_SPLITS = ['tech_validation', 'house_validation'] as const;

/** Items of the requested splits and what was left out. */
export interface LoadedEvaluationSet {
  readonly items: EvaluationItem[];
  readonly sentencesWithoutSkills: number;
  readonly unknownLabels: string[];
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

/**
 * Loads `<split>_annotations.csv` for each split, resolving gold labels through
 * `benchmark_labels_to_esco_v1.1.0_uris.csv`.
 */
export function loadEvaluationSet(dir: string, splits: readonly string[] = VALIDATION_SPLITS): LoadedEvaluationSet {
  const labelToUri = new Map(
    readCsv(path.join(dir, 'benchmark_labels_to_esco_v1.1.0_uris.csv')).map((row) => [row.label!, row.conceptUri!]),
  );
  const items: EvaluationItem[] = [];
  let sentencesWithoutSkills = 0;
  const unknown = new Set<string>();
  for (const split of splits) {
    const rows = readCsv(path.join(dir, `${split}_annotations.csv`)).map((row) => ({
      sentence: row.sentence ?? '',
      label: row.label ?? '',
    }));
    const set = toEvaluationItems(split, rows, labelToUri);
    items.push(...set.items);
    sentencesWithoutSkills += set.sentencesWithoutSkills;
    set.unknownLabels.forEach((label) => {
      unknown.add(label);
    });
  }
  return { items, sentencesWithoutSkills, unknownLabels: [...unknown] };
}
