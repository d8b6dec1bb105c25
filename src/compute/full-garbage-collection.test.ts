import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactHeap, fullGarbageCollector } from './full-garbage-collection';

const MB = 2 ** 20;

function oldSpace(): { size: number; used: number } {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
  return { size: space.space_size, used: space.space_used_size };
}

/**
 * Fills the old generation with about 60 MB of small objects and keeps one in twenty: every page
 * still holds some live object, the layout start-up leaves behind.
 */
function fragmentOldGeneration(collect: () => void): object[] {
  let all: object[] = [];
  for (let i = 0; i < 600_000; i += 1) all.push({ a: i, b: [i, i + 1], c: `x${i}` });
  collect();
  collect(); // survivors of two collections live in the old generation
  const kept = all.filter((_, i) => i % 20 === 0);
  all = [];
  return kept;
}

describe('compactHeap', () => {
  it('hands back in one collection the pages a plain full collection keeps, and leaves later collections plain', () => {
    const collect = fullGarbageCollector();
    const kept = fragmentOldGeneration(collect);
    collect();
    const afterPlain = oldSpace();
    // The premise: one plain collection frees the objects but keeps their pages.
    expect(afterPlain.size - afterPlain.used).toBeGreaterThan(30 * MB);

    kept.push(...fragmentOldGeneration(collect));
    const ms = compactHeap();
    const afterCompaction = oldSpace();
    expect(ms).toBeGreaterThan(0);
    expect(afterCompaction.size - afterCompaction.used).toBeLessThan(8 * MB);

    // The setting is back off: the next plain collection keeps its pages again.
    kept.push(...fragmentOldGeneration(collect));
    collect();
    const plainAgain = oldSpace();
    expect(plainAgain.size - plainAgain.used).toBeGreaterThan(30 * MB);
    expect(kept.length).toBe(90_000);
  });
});
