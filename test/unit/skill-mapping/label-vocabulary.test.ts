import { describe, expect, it } from 'vitest';
import { buildLabelVocabulary } from '../../../src/domain/skill-mapping/label-vocabulary';
import { stemOf } from '../../../src/domain/skill-mapping/text-tokens';

const vocabulary = buildLabelVocabulary([
  { preferredLabel: 'manage budgets', altLabels: ['budget management'], hiddenLabels: [] },
  { preferredLabel: 'manage staff', altLabels: ['managing staff'], hiddenLabels: [] },
  { preferredLabel: 'mass spectrometry', altLabels: [], hiddenLabels: ['spectrometry'] },
]);

describe('buildLabelVocabulary', () => {
  it('weighs rare stems above common ones, counting a skill once per stem', () => {
    expect(vocabulary.skills).toBe(3);
    expect(vocabulary.idf(stemOf('spectrometry'))).toBeGreaterThan(vocabulary.idf(stemOf('manage')));
    // "budget" appears twice in one skill's labels and counts once, like "spectrometry".
    expect(vocabulary.idf(stemOf('budget'))).toBe(vocabulary.idf(stemOf('spectrometry')));
    expect(vocabulary.idf('neverseen')).toBeGreaterThan(vocabulary.idf(stemOf('budget')));
  });

  it('lists the label words of a stem, most frequent first', () => {
    expect(vocabulary.forms(stemOf('budget'))).toEqual(['budget', 'budgets']);
    expect(vocabulary.forms(stemOf('manage'))).toEqual(['manage', 'management', 'managing']);
    expect(vocabulary.forms('neverseen')).toEqual([]);
  });
});
