/**
 * How rare each word stem is among ESCO skill labels. A label sharing "spectrometry" with a text
 * says much more than one sharing "manage", so label matching weighs words by inverse document
 * frequency computed over the labels themselves (a skill counts once per stem, whatever the number
 * of its labels using it).
 */
import { contentTokens } from './text-tokens';

/** The labels of one skill, as read from the graph. */
export interface SkillLabels {
  readonly preferredLabel: string;
  readonly altLabels: readonly string[];
  readonly hiddenLabels: readonly string[];
}

/** Word weights over the label space. */
export interface LabelVocabulary {
  /** Number of skills counted. */
  readonly skills: number;
  /** Inverse document frequency of a stem; unseen stems get the highest weight. */
  idf(stem: string): number;
  /** The words of ESCO labels with this stem, most frequent first (empty for unseen stems). */
  forms(stem: string): readonly string[];
}

/** Builds the vocabulary from every skill's labels. */
export function buildLabelVocabulary(skills: Iterable<SkillLabels>): LabelVocabulary {
  const df = new Map<string, number>();
  const wordCounts = new Map<string, Map<string, number>>();
  let n = 0;
  for (const skill of skills) {
    n += 1;
    const stems = new Set<string>();
    for (const label of [skill.preferredLabel, ...skill.altLabels, ...skill.hiddenLabels]) {
      for (const token of contentTokens(label)) {
        stems.add(token.stem);
        const words = wordCounts.get(token.stem) ?? new Map<string, number>();
        wordCounts.set(token.stem, words);
        words.set(token.word, (words.get(token.word) ?? 0) + 1);
      }
    }
    for (const stem of stems) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  const forms = new Map(
    [...wordCounts].map(([stem, words]) => [
      stem,
      [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word),
    ]),
  );
  return vocabularyFrom(n, df, forms);
}

/** A vocabulary from known counts (tests, and a cache restored from counts). */
export function vocabularyFrom(
  skills: number,
  documentFrequency: ReadonlyMap<string, number>,
  formsByStem: ReadonlyMap<string, readonly string[]> = new Map(),
): LabelVocabulary {
  const top = Math.log((skills + 1) / 1) + 1;
  return {
    skills,
    idf: (stem) => {
      const df = documentFrequency.get(stem);
      return df === undefined ? top : Math.log((skills + 1) / (df + 1)) + 1;
    },
    forms: (stem) => formsByStem.get(stem) ?? [],
  };
}
