/**
 * Cheapest derivations of prerequisite skills for the greedy planner: Knuth's generalisation of
 * Dijkstra to AND/OR graphs (a course is ready once each of its missing prerequisites has a
 * derivation; its value is its cost plus theirs). A binary heap picks the next ready course and
 * an index from skill to the courses requiring it spreads each new derivation, so a catalogue of
 * 18,000 candidates (20 % naming prerequisites) costs milliseconds instead of the quadratic scan's
 * tens of seconds per greedy round.
 */

import { keepInstanceShape } from '../kept-instance-shape';
import { float64ArrayOf } from '../typed-array-of';

/** What the derivation reads of a candidate course. */
export interface ProviderCourse {
  readonly cost: number;
  readonly teaches: readonly string[];
  /** Prerequisite skill URIs, without duplicates. */
  readonly prerequisites: readonly string[];
}

/**
 * For each prerequisite skill not yet taught, the course at the end of its cheapest derivation.
 * Courses in `taken` are never providers. Ties go to the smaller course index, so the answer does
 * not depend on the heap.
 *
 * @example
 * // c1 teaches "p" for 5 but needs "q"; c0 teaches "q" for 1; c2 teaches "p" for 7
 * cheapestProviders(courses, teachers, new Set(), new Set()) // Map { 'q' => 0, 'p' => 1 } (1 + 5 < 7)
 */
export function cheapestProviders(
  courses: readonly ProviderCourse[],
  teachers: ReadonlyMap<string, readonly number[]>,
  taught: ReadonlySet<string>,
  taken: ReadonlySet<number>,
): Map<string, number> {
  const provider = new Map<string, number>();
  // No candidate names a prerequisite (most plans): nothing to derive, and nothing to allocate.
  if (teachers.size === 0) return provider;
  const pending = new Int32Array(courses.length);
  const value = float64ArrayOf(courses, (course) => course.cost);
  const requiredBy = new Map<string, number[]>();
  const heap = new ReadyHeap(value);
  courses.forEach((course, index) => {
    if (taken.has(index)) return;
    for (const skill of course.prerequisites) {
      if (taught.has(skill)) continue;
      pending[index]! += 1;
      const list = requiredBy.get(skill);
      if (list) list.push(index);
      else requiredBy.set(skill, [index]);
    }
    if (pending[index] === 0) heap.push(index);
  });
  for (;;) {
    const next = heap.pop();
    if (next === undefined) return provider;
    for (const skill of courses[next]!.teaches) {
      if (taught.has(skill) || provider.has(skill) || !teachers.has(skill)) continue;
      provider.set(skill, next);
      for (const index of requiredBy.get(skill) ?? []) {
        // Still waiting (a ready course's value is final): add this derivation's cost.
        if (pending[index]! <= 0) continue;
        value[index]! += value[next]!;
        pending[index]! -= 1;
        if (pending[index] === 0) heap.push(index);
      }
    }
  }
}

/** A binary min-heap of course indices by (value, index). */
class ReadyHeap {
  private readonly items: number[] = [];

  constructor(private readonly value: Float64Array) {}

  push(index: number): void {
    const items = this.items;
    items.push(index);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const va = this.value[a]!;
    const vb = this.value[b]!;
    return va < vb || (va === vb && a < b);
  }
}

// One instance for the life of the thread: see keepInstanceShape (each job recompiled the heap's methods).
keepInstanceShape(new ReadyHeap(new Float64Array(0)));
