import { describe, expect, it } from 'vitest';
import { SkillTagMapper, type MappedSuggestion } from '../../../src/catalog-import/skill-tag-mapper';
import { BadInputError } from '../../../src/domain/errors';

const SUGGESTIONS: Readonly<Record<string, MappedSuggestion[]>> = {
  sql: [{ uri: 'u:sql', score: 1, matchedLabel: 'SQL' }],
  'python programming': [{ uri: 'u:python', score: 0.63, matchedLabel: 'Python (computer programming)' }],
  strategy: [{ uri: 'u:strategy', score: 0.25, matchedLabel: 'plan marketing strategy' }],
  'learn teamwork and sql': [
    { uri: 'u:sql', score: 0.8, matchedLabel: 'SQL' },
    { uri: 'u:teams', score: 0.7, matchedLabel: 'teamwork' },
    { uri: 'u:weak', score: 0.2, matchedLabel: 'weak' },
  ],
};

function fakeSuggest() {
  const calls: string[] = [];
  const suggest = async (text: string, first: number) => {
    calls.push(text);
    if (text === '(((') throw new BadInputError('no words');
    return (SUGGESTIONS[text.toLowerCase()] ?? []).slice(0, first);
  };
  return { calls, suggest };
}

describe('SkillTagMapper', () => {
  it('links each tag to its best suggestion at or above the threshold, looking each distinct tag up once', async () => {
    const { calls, suggest } = fakeSuggest();
    const mapper = new SkillTagMapper(suggest, { minConfidence: 0.6, minTagSkills: 0 });
    await mapper.prefetch(['SQL', 'sql', 'Python Programming', 'Strategy']);
    const first = await mapper.mapCourse(['SQL', 'Strategy', 'Python  Programming'], null);
    const second = await mapper.mapCourse(['sql', 'Strategy'], null);
    expect(first).toEqual([
      { uri: 'u:sql', confidence: 1, from: 'tag', evidence: 'SQL' },
      { uri: 'u:python', confidence: 0.63, from: 'tag', evidence: 'Python  Programming' },
    ]);
    expect(second.map((s) => s.uri)).toEqual(['u:sql']);
    expect(calls.sort()).toEqual(['python programming', 'sql', 'strategy']);
    expect(mapper.statistics(10)).toEqual({
      distinctTags: 3,
      mappedTags: 2,
      mentions: 5,
      mappedMentions: 3,
      unmapped: [{ tag: 'Strategy', count: 2 }],
    });
  });

  it('maps the description when the tags give too few skills, above the threshold only', async () => {
    const { suggest } = fakeSuggest();
    const mapper = new SkillTagMapper(suggest, { minConfidence: 0.6, minTagSkills: 3 });
    const skills = await mapper.mapCourse(['SQL'], 'learn teamwork and SQL');
    expect(skills).toEqual([
      { uri: 'u:sql', confidence: 1, from: 'tag', evidence: 'SQL' },
      { uri: 'u:teams', confidence: 0.7, from: 'text', evidence: 'teamwork' },
    ]);
  });

  it('treats a tag without words as unmapped instead of failing the course', async () => {
    const { suggest } = fakeSuggest();
    const mapper = new SkillTagMapper(suggest, { minConfidence: 0.6 });
    expect(await mapper.mapCourse(['((('], null)).toEqual([]);
    expect(mapper.statistics(5).unmapped).toEqual([{ tag: '(((', count: 1 }]);
  });
});
