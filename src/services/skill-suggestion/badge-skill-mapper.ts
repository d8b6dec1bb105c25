/**
 * ESCO skills for an Open Badge that carries no ESCO alignment: its name, description and
 * criteria are each run through the skill suggester, and the best suggestions that reach
 * {@link MAPPED_SKILL_MIN_CONFIDENCE} become MAPPED skills with their confidence and the text
 * they came from. Each field is mapped on its own so every link can name the text behind it.
 */
import { BadInputError } from '../../domain/errors';
import { MAX_SOURCE_TEXT_CHARS } from '../../domain/catalog/credential-input';
import type { ParsedCredential } from '../../domain/credentials';
import { MAX_SUGGESTION_TEXT, type SkillSuggestion } from './skill-suggestion-service';

/**
 * Lowest suggestion score kept: the re-ranker's calibrated probability that the skill is meant.
 * Badge texts are short (a one-word name such as "Teamwork" rarely scores above 0.5 for any one
 * skill), so the bar is 0.4; the confidence is stored, and consumers filter on it.
 */
export const MAPPED_SKILL_MIN_CONFIDENCE = 0.4;
/** Most skills mapped for one badge (a badge certifies a few skills; more would be noise). */
export const MAX_MAPPED_SKILLS = 5;

/**
 * A badge's text calls the document itself a badge ("This badge recognizes…"); left in, it maps
 * to ESCO's "types of digital badges" for every badge. The word is dropped before mapping.
 */
const SELF_REFERENCE = /\b(?:open\s+|digital\s+)?badges?\b/gi;

/** What maps text to skills (the `SkillSuggestionService`). */
export interface SkillSuggester {
  suggestSkills(text: string, first: number): Promise<SkillSuggestion[]>;
}

/** One skill mapped from a badge's text. */
export interface MappedSkill {
  readonly uri: string;
  readonly label: string;
  /** The suggestion score in [0, 1], rounded to a thousandth. */
  readonly confidence: number;
  /** The badge's field text (name, description or criteria) the skill was found in. */
  readonly sourceText: string;
  readonly field: 'name' | 'description' | 'criteria';
}

/**
 * Maps a badge's name, description and criteria to at most {@link MAX_MAPPED_SKILLS} ESCO skills
 * scoring at least {@link MAPPED_SKILL_MIN_CONFIDENCE}, best first (ties by URI); a skill found in
 * several fields keeps its best score and that field's text. Cost: three suggester calls on at
 * most 20,000 characters each.
 *
 * @example
 * await mapBadgeSkills({ title: 'Teamwork', description: '…collaborate within a group…', … }, suggester)
 * // [{ uri: '…/skill/…', label: 'plan teamwork', confidence: 0.435, sourceText: 'Teamwork', field: 'name' }]
 */
export async function mapBadgeSkills(
  parsed: Pick<ParsedCredential, 'title' | 'description' | 'criteria'>,
  suggester: SkillSuggester,
): Promise<MappedSkill[]> {
  const fields = [
    ['name', parsed.title],
    ['description', parsed.description],
    ['criteria', parsed.criteria],
  ] as const;
  const best = new Map<string, MappedSkill>();
  for (const [field, value] of fields) {
    const text = value?.trim().slice(0, MAX_SUGGESTION_TEXT);
    if (!text) continue;
    let suggestions: SkillSuggestion[];
    try {
      suggestions = await suggester.suggestSkills(text.replace(SELF_REFERENCE, ' '), MAX_MAPPED_SKILLS);
    } catch (error) {
      // A field without a word that can name a skill ("2024", "★★★") maps to nothing.
      if (error instanceof BadInputError) continue;
      throw error;
    }
    for (const suggestion of suggestions) {
      if (suggestion.score < MAPPED_SKILL_MIN_CONFIDENCE) continue;
      const confidence = Math.round(suggestion.score * 1000) / 1000;
      const known = best.get(suggestion.skill.uri);
      if (known !== undefined && known.confidence >= confidence) continue;
      const sourceText = text.length <= MAX_SOURCE_TEXT_CHARS ? text : text.slice(0, MAX_SOURCE_TEXT_CHARS - 1) + '…';
      best.set(suggestion.skill.uri, {
        uri: suggestion.skill.uri,
        label: suggestion.skill.preferredLabel,
        confidence,
        sourceText,
        field,
      });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.confidence - a.confidence || a.uri.localeCompare(b.uri))
    .slice(0, MAX_MAPPED_SKILLS);
}
