import { describe, expect, it } from 'vitest';
import { mapBadgeSkills, type SkillSuggester } from '../../../src/services/skill-suggestion/badge-skill-mapper';
import { BadInputError } from '../../../src/domain/errors';
import type { SkillSuggestion } from '../../../src/services/skill-suggestion/skill-suggestion-service';

const ESCO = 'http://data.europa.eu/esco/skill/';
const suggestion = (id: string, score: number): SkillSuggestion => ({
  skill: { uri: `${ESCO}${id}`, preferredLabel: `label ${id}` } as SkillSuggestion['skill'],
  score,
  matchedLabel: null,
  method: 'LEXICAL' as SkillSuggestion['method'],
});

/** A suggester answering fixed suggestions per text, recording the texts it was asked. */
function fakeSuggester(answers: Record<string, SkillSuggestion[] | 'no-words'>): SkillSuggester & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async suggestSkills(text: string, first: number) {
      asked.push(text);
      const answer = answers[text];
      if (answer === 'no-words')
        throw new BadInputError('The text must contain at least one word that can name a skill');
      return (answer ?? []).slice(0, first);
    },
  };
}

describe('mapBadgeSkills', () => {
  it('keeps suggestions of at least 0.4, each skill with its best score and the text of that field, best first', async () => {
    const suggester = fakeSuggester({
      Welding: [suggestion('a', 0.9), suggestion('b', 0.39)],
      'Joins metal parts.': [suggestion('a', 0.5), suggestion('c', 0.6)],
      'Passed a practical test.': [suggestion('c', 0.7)],
    });
    const mapped = await mapBadgeSkills(
      { title: 'Welding', description: 'Joins metal parts.', criteria: 'Passed a practical test.' },
      suggester,
    );
    expect(mapped).toEqual([
      { uri: `${ESCO}a`, label: 'label a', confidence: 0.9, sourceText: 'Welding', field: 'name' },
      { uri: `${ESCO}c`, label: 'label c', confidence: 0.7, sourceText: 'Passed a practical test.', field: 'criteria' },
    ]);
  });

  it('keeps at most five skills', async () => {
    const suggester = fakeSuggester({
      Many: ['1', '2', '3', '4', '5'].map((id, i) => suggestion(id, 0.9 - i / 100)),
      'More.': [suggestion('6', 0.95)],
    });
    const mapped = await mapBadgeSkills({ title: 'Many', description: 'More.' }, suggester);
    expect(mapped.map((m) => m.uri)).toEqual([`${ESCO}6`, `${ESCO}1`, `${ESCO}2`, `${ESCO}3`, `${ESCO}4`]);
  });

  it('maps the text without the word "badge" but stores the text as written; a field without skill words maps to nothing', async () => {
    const suggester = fakeSuggester({ 'This   recognizes teamwork.': [suggestion('t', 0.8)], ' ': 'no-words' });
    const mapped = await mapBadgeSkills({ title: 'Badge', description: 'This badge recognizes teamwork.' }, suggester);
    expect(suggester.asked).toEqual([' ', 'This   recognizes teamwork.']);
    expect(mapped).toEqual([
      {
        uri: `${ESCO}t`,
        label: 'label t',
        confidence: 0.8,
        sourceText: 'This badge recognizes teamwork.',
        field: 'description',
      },
    ]);
  });

  it('answers nothing when no suggestion reaches 0.4', async () => {
    expect(await mapBadgeSkills({ title: 'Vague' }, fakeSuggester({ Vague: [suggestion('v', 0.3999)] }))).toEqual([]);
  });
});
