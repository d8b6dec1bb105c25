import { describe, expect, it } from 'vitest';
import { linkParams, occupationParams, skillParams } from '../../../src/esco/import/record-params';

describe('skillParams', () => {
  it('derives label texts, label keys and a sorted collection list', () => {
    const params = skillParams({
      uri: 'http://x/s',
      preferredLabel: 'Use  Python',
      altLabels: ['python programming', 'USE PYTHON'],
      hiddenLabels: ['py'],
      description: null,
      skillType: 'skill/competence',
      reuseLevel: 'cross-sector',
      collections: ['green', 'digital', 'green'],
    });
    expect(params).toEqual({
      uri: 'http://x/s',
      preferredLabel: 'Use  Python',
      altLabels: ['python programming', 'USE PYTHON'],
      altLabelsText: 'python programming\nUSE PYTHON',
      hiddenLabels: ['py'],
      hiddenLabelsText: 'py',
      labelKeys: ['use python', 'python programming'],
      description: null,
      skillType: 'skill/competence',
      reuseLevel: 'cross-sector',
      collections: ['digital', 'green'],
    });
  });

  it('sends null for what the source does not know, so the stored value is kept', () => {
    const params = skillParams({
      uri: 'u',
      preferredLabel: 'p',
      altLabels: [],
      description: null,
      skillType: null,
      reuseLevel: null,
    });
    expect(params.hiddenLabels).toBeNull();
    expect(params.hiddenLabelsText).toBeNull();
    expect(params.collections).toBeNull();
  });
});

describe('occupationParams and linkParams', () => {
  it('carries the batch index back for rows the query reports', () => {
    const params = occupationParams(
      { uri: 'u', preferredLabel: 'p', altLabels: ['a'], description: null, code: '1', iscoGroupCode: '2512' },
      7,
    );
    expect(params).toMatchObject({
      i: 7,
      research: null,
      hiddenLabels: null,
      altLabelsText: 'a',
      iscoGroupCode: '2512',
    });
    expect(linkParams({ kind: 'skill-broader', from: 'a', to: 'b' }, 3)).toEqual({
      i: 3,
      from: 'a',
      to: 'b',
      relation: null,
    });
  });
});
