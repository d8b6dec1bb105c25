import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateCourse } from './course-eligibility';
import { CoursePacker, courseStrings, packCourses, packedCourseBuffers, unpackCourses } from './packed-courses';
import { unpackStrings } from '../packed-strings';
import { ESCO_SKILL_URI_PREFIX } from '../credentials/esco-uri';

const text = fc.constantFrom(
  'a',
  'b',
  'http://data.europa.eu/esco/skill/x',
  'http://data.europa.eu/esco/skill/',
  'http://data.europa.eu/esco/occupation/x',
  'EUR',
  'online',
  '',
);
const maybeNumber = fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: null });
const course: fc.Arbitrary<CandidateCourse> = fc.record({
  id: fc.string(),
  hours: maybeNumber,
  price: maybeNumber,
  currency: fc.option(text, { nil: null }),
  ects: maybeNumber,
  languages: fc.array(text, { maxLength: 3 }),
  participationForm: fc.option(text, { nil: null }),
  eqfLevel: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  providerIds: fc.array(text, { maxLength: 2 }),
  teaches: fc.array(
    fc.record({
      uri: text,
      source: fc.constantFrom(null, 'DECLARED' as const, 'MAPPED' as const),
      confidence: fc.option(fc.double({ noNaN: true, min: 0, max: 1 }), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  prerequisites: fc.array(text, { maxLength: 2 }),
});

describe('packCourses', () => {
  it('gives back equal courses, in order, after a transfer to another thread', () => {
    fc.assert(
      fc.property(fc.array(course, { maxLength: 8 }), (courses) => {
        const packed = packCourses(courses);
        const moved = structuredClone(packed, { transfer: packedCourseBuffers(packed) });
        expect(unpackCourses(moved)).toEqual(courses);
      }),
    );
  });

  it('gives back equal courses when the same course objects are packed again, by packers running side by side', () => {
    fc.assert(
      fc.property(fc.array(course, { maxLength: 8 }), fc.array(course, { maxLength: 8 }), (shared, other) => {
        // Course objects are packed through a cache keyed on the object: a second job packing the
        // same objects, interleaved with a job packing others, must still get its own strings.
        const first = packCourses(shared);
        const a = new CoursePacker(shared.length);
        const b = new CoursePacker(other.length);
        for (let i = 0; i < Math.max(shared.length, other.length); i += 1) {
          if (i < shared.length) a.add(shared[i]!);
          if (i < other.length) b.add(other[i]!);
        }
        const again = a.finish();
        expect(unpackCourses(again)).toEqual(shared);
        expect(unpackCourses(b.finish())).toEqual(other);
        expect(unpackStrings(again.strings)).toEqual(unpackStrings(first.strings));
      }),
    );
  });

  it('sends each distinct string once', () => {
    const uri = 'http://data.europa.eu/esco/skill/shared';
    const courses = ['c1', 'c2', 'c3'].map((id) => simpleCourse(id, uri, [uri]));
    expect(courseStrings(packCourses(courses))).toEqual(['en', 'p', uri]);
  });

  it('sends ESCO skill URIs without their common prefix, and only those', () => {
    const skill = 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab';
    const occupation = 'http://data.europa.eu/esco/occupation/x';
    const packed = packCourses([simpleCourse('c1', skill, [occupation])]);
    expect(packed.strings.text).not.toContain(ESCO_SKILL_URI_PREFIX);
    expect(packed.strings.text).toContain(occupation);
    expect(packed.strings.text.length).toBe(
      'enp'.length + skill.length - ESCO_SKILL_URI_PREFIX.length + occupation.length,
    );
    expect(courseStrings(packed)).toEqual(['en', 'p', occupation, skill]);
  });
});

describe('CoursePacker', () => {
  const course = simpleCourse('c1', 'esco:s1', []);

  it('packs what it was told to, no more and no less', () => {
    const packer = new CoursePacker(1);
    expect(() => packer.finish()).toThrow(RangeError);
    packer.add(course);
    expect(() => packer.add({ ...course, id: 'c2' })).toThrow(RangeError);
    expect(unpackCourses(packer.finish())).toEqual([course]);
  });
});

/** A course in English of provider `p` teaching `uri` (declared), with `prerequisites`. */
function simpleCourse(id: string, uri: string, prerequisites: string[]): CandidateCourse {
  return {
    id,
    hours: 10,
    price: null,
    currency: null,
    ects: null,
    languages: ['en'],
    participationForm: null,
    eqfLevel: null,
    providerIds: ['p'],
    teaches: [{ uri, source: 'DECLARED', confidence: 1 }],
    prerequisites,
  };
}
