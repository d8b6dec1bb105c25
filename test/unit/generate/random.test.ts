import { describe, expect, it } from 'vitest';
import { Random, deriveSeed, randomFor } from '../../../src/generate/random';

describe('Random (sfc32)', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws uniform numbers in [0, 1) and integers within bounds', () => {
    const random = new Random(7);
    const xs = Array.from({ length: 20_000 }, () => random.next());
    const ns = Array.from({ length: 20_000 }, () => random.int(3, 7));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(new Set(ns)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('samples distinct elements by weight', () => {
    const random = new Random(1);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const picked = random.sampleWeighted(items, (i) => i + 1, 8);
    expect(new Set(picked).size).toBe(8);
    expect(random.sampleWeighted([1, 2], () => 1, 5)).toHaveLength(2);
  });

  it('derives independent streams per entity', () => {
    expect(deriveSeed(1, 'learner', 5)).toBe(deriveSeed(1, 'learner', 5));
    expect(deriveSeed(1, 'learner', 5)).not.toBe(deriveSeed(1, 'learner', 6));
    expect(deriveSeed(1, 'learner', 5)).not.toBe(deriveSeed(1, 'posting', 5));
    expect(deriveSeed(1, 'learner', 5)).not.toBe(deriveSeed(2, 'learner', 5));
    expect(randomFor(9, 'x', 1).next()).toBe(randomFor(9, 'x', 1).next());
  });
});
