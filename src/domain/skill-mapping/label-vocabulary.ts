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
}

/** Builds the vocabulary from every skill's labels. */
export function buildLabelVocabulary(skills: Iterable<SkillLabels>): LabelVocabulary {
  const df = new Map<string, number>();
  let n = 0;
  for (const skill of skills) {
    n += 1;
    const stems = new Set<string>();
    for (const label of [skill.preferredLabel, ...skill.altLabels, ...skill.hiddenLabels]) {
      for (const token of contentTokens(label)) stems.add(token.stem);
    }
    for (const stem of stems) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  return vocabularyFrom(n, df);
}

/** A vocabulary from known counts (tests, and a cache restored from counts). */
export function vocabularyFrom(skills: number, documentFrequency: ReadonlyMap<string, number>): LabelVocabulary {
  const top = Math.log((skills + 1) / 1) + 1;
  return {
    skills,
    idf: (stem) => {
      const df = documentFrequency.get(stem);
      return df === undefined ? top : Math.log((skills + 1) / (df + 1)) + 1;
    },
  };
}
