import { describe, expect, it } from 'vitest';
import type { Requirement } from './requirement';
import { scoreFromCredits } from './score-requirements';

const essential = (skillUri: string): Requirement => ({ skillUri, relation: 'ESSENTIAL' });
const optional = (skillUri: string): Requirement => ({ skillUri, relation: 'OPTIONAL' });
const credits = (entries: Record<string, number>) =>
  new Map(Object.entries(entries).map(([uri, credit]) => [uri, { credit }]));

describe('scoreFromCredits', () => {
  const requirements = [essential('a'), essential('b'), optional('c')];
  const map = credits({ a: 1, b: 0.5, c: 0.8 });

  it('weights optional requirements by λ (default 0.25)', () => {
    const result = scoreFromCredits(requirements, map, { optionalWeight: 0.25 });
    // (1 + 0.5 + 0.25 × 0.8) / (2 + 0.25 × 1) = 1.7 / 2.25
    expect(result.score).toBeCloseTo(1.7 / 2.25, 12);
    expect(result.essentialCoverage).toBeCloseTo(0.75, 12);
    expect(result.optionalCoverage).toBeCloseTo(0.8, 12);
  });

  it('λ = 1 is the plain mean, λ = 0 ignores optional requirements', () => {
    expect(scoreFromCredits(requirements, map, { optionalWeight: 1 }).score).toBeCloseTo(2.3 / 3, 12);
    expect(scoreFromCredits(requirements, map, { optionalWeight: 0 }).score).toBeCloseTo(0.75, 12);
  });

  it('gives 0 everywhere for no requirements', () => {
    expect(scoreFromCredits([], map, { optionalWeight: 0.25 })).toEqual({
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0,
    });
  });

  it('gives score 0 when only optional requirements exist and λ = 0, but still reports their coverage', () => {
    expect(scoreFromCredits([optional('c')], map, { optionalWeight: 0 })).toEqual({
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0.8,
    });
  });

  it('only optional requirements with λ > 0 score their mean', () => {
    expect(scoreFromCredits([optional('a'), optional('b')], map, { optionalWeight: 0.25 }).score).toBeCloseTo(0.75, 12);
  });

  it('counts a duplicated skill once, as ESSENTIAL', () => {
    const result = scoreFromCredits([optional('b'), essential('a'), essential('b'), optional('b')], map, {
      optionalWeight: 0.25,
    });
    expect(result.essentialCoverage).toBeCloseTo(0.75, 12);
    expect(result.optionalCoverage).toBe(0);
    expect(result.score).toBeCloseTo(0.75, 12);
  });

  it('treats a skill absent from the credit map as credit 0', () => {
    expect(scoreFromCredits([essential('a'), essential('zzz')], map, { optionalWeight: 0.25 }).score).toBeCloseTo(
      0.5,
      12,
    );
  });
});
