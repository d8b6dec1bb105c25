import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrerequisiteReach, type ReachCourse } from './prerequisite-reach';

const SKILLS = ['a', 'b', 'c', 'd', 'e'];

const courses: fc.Arbitrary<ReachCourse[]> = fc.array(
  fc.record({
    teaches: fc.subarray(SKILLS),
    // Duplicates allowed: a catalogue may list a prerequisite twice.
    prerequisites: fc.array(fc.constantFrom(...SKILLS), { maxLength: 3 }),
  }),
  { maxLength: 9 },
);

/**
 * The definition, taken literally: repeat until nothing changes, taking any course not
 * forbidden whose prerequisites are all taught by courses taken before it.
 */
function reachedByDefinition(list: readonly ReachCourse[], forbidden: ReadonlySet<number>): boolean[] {
  const reached = list.map(() => false);
  const taught = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    list.forEach((course, index) => {
      if (reached[index] || forbidden.has(index) || !course.prerequisites.every((skill) => taught.has(skill))) return;
      reached[index] = true;
      changed = true;
      for (const skill of course.teaches) taught.add(skill);
    });
  }
  return reached;
}

describe('PrerequisiteReach', () => {
  it('blocks exactly the courses no order of the allowed ones reaches', () => {
    fc.assert(
      fc.property(
        courses.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.subarray(list.map((_, index) => index)).map((ids) => new Set(ids)),
          ),
        ),
        ([list, forbidden]) => {
          const blocked = Array.from(new PrerequisiteReach(list).blockedBy(forbidden), (flag) => flag === 1);
          expect(blocked).toEqual(reachedByDefinition(list, forbidden).map((reached) => !reached));
        },
      ),
    );
  });

  it('never counts a course for itself, and gives each walk a fresh start', () => {
    const selfNeed = { teaches: ['p'], prerequisites: ['p'] };
    const needsQ = { teaches: ['p'], prerequisites: ['q'] };
    const teachesQ = { teaches: ['q'], prerequisites: [] };
    const reach = new PrerequisiteReach([selfNeed, needsQ, teachesQ]);
    expect([...reach.blockedBy(new Set())]).toEqual([0, 0, 0]);
    expect([...reach.blockedBy(new Set([2]))]).toEqual([1, 1, 1]);
    expect([...reach.blockedBy(new Set([1]))]).toEqual([1, 1, 0]);
    expect([...new PrerequisiteReach([selfNeed]).blockedBy(new Set())]).toEqual([1]);
  });
});
