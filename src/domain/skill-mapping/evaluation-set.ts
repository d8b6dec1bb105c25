/**
 * Turns the benchmark's annotation rows (sentence, span, label) into evaluation items: one per
 * distinct sentence, with the distinct ESCO skills annotated in it. Spans the annotators could not
 * map (`LABEL NOT PRESENT`, `UNDERSPECIFIED`) carry no gold skill; a sentence left with none is
 * not scored, as in the benchmark.
 */

/** Labels of the benchmark that name no ESCO skill. */
export const NON_SKILL_LABELS: ReadonlySet<string> = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

/** One row of an annotation file (extra columns ignored). */
export interface AnnotationRow {
  readonly sentence: string;
  readonly label: string;
}

/** A sentence and the ESCO skills annotated in it. */
export interface EvaluationItem {
  /** Which split the sentence comes from (file name without extension). */
  readonly split: string;
  readonly sentence: string;
  /** Distinct gold ESCO preferred labels, in annotation order. */
  readonly goldLabels: readonly string[];
  /** Their skill URIs (same order). */
  readonly goldUris: readonly string[];
}

/** Items of one split and what was left out. */
export interface EvaluationSet {
  readonly items: EvaluationItem[];
  /** Distinct sentences without any gold ESCO skill. */
  readonly sentencesWithoutSkills: number;
  /** Gold labels the label→URI table does not know (should be none). */
  readonly unknownLabels: string[];
}

/**
 * Groups rows by sentence (first-seen order) and resolves labels to URIs.
 *
 * @example
 * toEvaluationItems('tech', [{ sentence: 's', label: 'SQL' }, { sentence: 's', label: 'SQL' }], new Map([['SQL', 'u']]))
 * // { items: [{ split: 'tech', sentence: 's', goldLabels: ['SQL'], goldUris: ['u'] }], sentencesWithoutSkills: 0, unknownLabels: [] }
 */
export function toEvaluationItems(
  split: string,
  rows: readonly AnnotationRow[],
  labelToUri: ReadonlyMap<string, string>,
): EvaluationSet {
  const bySentence = new Map<string, Map<string, string>>();
  const unknown = new Set<string>();
  for (const row of rows) {
    const gold = bySentence.get(row.sentence) ?? new Map<string, string>();
    bySentence.set(row.sentence, gold);
    const label = row.label.trim();
    if (NON_SKILL_LABELS.has(label) || label === '') continue;
    const uri = labelToUri.get(label);
    if (uri === undefined) unknown.add(label);
    else gold.set(label, uri);
  }
  const items: EvaluationItem[] = [];
  let sentencesWithoutSkills = 0;
  for (const [sentence, gold] of bySentence) {
    if (gold.size === 0) sentencesWithoutSkills += 1;
    else items.push({ split, sentence, goldLabels: [...gold.keys()], goldUris: [...gold.values()] });
  }
  return { items, sentencesWithoutSkills, unknownLabels: [...unknown] };
}
