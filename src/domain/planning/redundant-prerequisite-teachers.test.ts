import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateCourse } from './course-eligibility';
import { buildPlanRequest, type PlanConstraints } from './plan-request';
import { parsePriceRates } from './price-rates';
import { redundantPrerequisiteTeachers } from './redundant-prerequisite-teachers';
import { taughtInSomeOrder } from '../../../test/support/orderable-selection';

const rates = parsePriceRates({ date: '2025-01-31', source: 'ECB', base: 'EUR', rates: { USD: 2 } }, 'rates.json');
const request = (constraints: PlanConstraints = {}, objective: 'HOURS' | 'PRICE' | 'COUNT' = 'HOURS') =>
  buildPlanRequest({ objective, constraints }, rates, 1000);

const course = (id: string, over: Partial<CandidateCourse> & { skills?: string[] } = {}): CandidateCourse => ({
  id,
  hours: 10,
  price: 100,
  currency: 'EUR',
  ects: null,
  languages: ['en'],
  participationForm: 'ONLINE',
  eqfLevel: null,
  providerIds: ['prov'],
  teaches: (over.skills ?? ['p']).map((uri) => ({ uri, source: 'DECLARED', confidence: null })),
  prerequisites: [],
  ...over,
});
const needed = new Set(['p', 'q']);
const redundant = (courses: CandidateCourse[], req = request()) =>
  redundantPrerequisiteTeachers(courses, { request: req, rates, needed });

describe('redundantPrerequisiteTeachers', () => {
  it('keeps the cheapest of equal offers, and the smaller id of twins', () => {
    expect(redundant([course('a', { hours: 20 }), course('b', { hours: 5 })])).toEqual(new Set(['a']));
    expect(redundant([course('b'), course('a')])).toEqual(new Set(['b']));
  });

  it('drops a course whose offer another offers too, for no more', () => {
    expect(redundant([course('a'), course('b', { skills: ['p', 'q', 'x'], hours: 9 })])).toEqual(new Set(['a']));
    // Skills nobody needs are no offer: x does not save b from a.
    expect(redundant([course('a', { skills: ['p'], hours: 5 }), course('b', { skills: ['p', 'x'] })])).toEqual(
      new Set(['b']),
    );
  });

  it('keeps a course that needs less, offers more or costs less', () => {
    expect(redundant([course('a', { hours: 50 }), course('b', { prerequisites: ['r'] })])).toEqual(new Set());
    expect(redundant([course('a', { skills: ['p', 'q'], hours: 50 }), course('b')])).toEqual(new Set());
  });

  it('compares budgeted hours and price, converted into the plan currency', () => {
    const cheapLong = course('a', { hours: 40, price: 10 });
    const dearShort = course('b', { hours: 5, price: 90 });
    expect(redundant([cheapLong, dearShort], request({}, 'PRICE'))).toEqual(new Set(['b']));
    expect(redundant([cheapLong, dearShort], request({ maxTotalHours: 100 }, 'PRICE'))).toEqual(new Set());
    // 60 USD is 30 EUR: cheaper than 40 EUR.
    const dollars = course('c', { price: 60, currency: 'USD' });
    expect(redundant([course('d', { price: 40 }), dollars], request({}, 'PRICE'))).toEqual(new Set(['d']));
  });

  it('drops a course teaching no needed skill through a link that counts', () => {
    const weak = course('a', { teaches: [{ uri: 'p', source: 'MAPPED', confidence: 0.4 }] });
    expect(redundant([weak, course('b', { skills: ['x'] })], request({ minConfidence: 0.5 }))).toEqual(
      new Set(['a', 'b']),
    );
  });

  it('never judges, nor lets judge, a course that a filter or missing data keeps out', () => {
    const unknownPrice = course('a', { price: null });
    const otherLanguage = course('b', { languages: ['fr'], hours: 1 });
    const req = request({ languages: ['en'] }, 'PRICE');
    expect(redundant([unknownPrice, otherLanguage, course('c', { price: 500 })], req)).toEqual(new Set());
    const noRate = course('d', { price: 1, currency: 'XYZ' });
    expect(redundant([noRate, course('e', { price: 500 })], request({}, 'PRICE'))).toEqual(new Set());
  });

  it('never removes every optimal plan (property, against enumeration)', () => {
    // Gap skills g0-g2 are covered by cover courses (which the pruning never sees, as in the
    // planner); prerequisites p0-p2 by teachers, which may need prerequisites themselves.
    const skill = fc.constantFrom('p0', 'p1', 'p2', 'x');
    const teacher = fc.record({
      hours: fc.integer({ min: 1, max: 6 }),
      price: fc.integer({ min: 0, max: 6 }),
      teaches: fc.uniqueArray(skill, { minLength: 1, maxLength: 3 }),
      prerequisites: fc.uniqueArray(fc.constantFrom('p1', 'p2'), { maxLength: 1 }),
    });
    const cover = fc.record({
      hours: fc.integer({ min: 1, max: 6 }),
      price: fc.integer({ min: 0, max: 6 }),
      teaches: fc.uniqueArray(fc.constantFrom('g0', 'g1', 'g2', 'p1'), { minLength: 1, maxLength: 2 }),
      prerequisites: fc.uniqueArray(fc.constantFrom('p0', 'p1', 'p2'), { maxLength: 2 }),
    });
    const constraints = fc.constantFrom<[PlanConstraints, 'HOURS' | 'PRICE' | 'COUNT']>(
      [{}, 'HOURS'],
      [{}, 'PRICE'],
      [{}, 'COUNT'],
      [{ maxTotalHours: 8 }, 'PRICE'],
      [{ maxTotalPrice: 6 }, 'HOURS'],
    );
    fc.assert(
      fc.property(
        fc.array(cover, { minLength: 1, maxLength: 4 }),
        fc.array(teacher, { minLength: 1, maxLength: 7 }),
        constraints,
        (covers, teachers, [limits, objective]) => {
          const req = request(limits, objective);
          type Drawn = { hours: number; price: number; teaches: string[]; prerequisites: string[] };
          const toCourse = (prefix: string) => (c: Drawn, i: number) =>
            course(`${prefix}${i}`, {
              hours: c.hours,
              price: c.price,
              skills: c.teaches,
              prerequisites: c.prerequisites,
            });
          const coverCourses = covers.map(toCourse('c'));
          const teacherCourses = teachers.map(toCourse('t'));
          const all = [...coverCourses, ...teacherCourses];
          const neededAll = new Set(all.flatMap((c) => c.prerequisites));
          const gone = redundantPrerequisiteTeachers(teacherCourses, { request: req, rates, needed: neededAll });
          const cost = (c: CandidateCourse) =>
            objective === 'HOURS' ? c.hours! : objective === 'PRICE' ? c.price! : 1;
          const best = (courses: CandidateCourse[]) => {
            let found: [number, number] = [0, 0];
            for (let mask = 0; mask < 1 << courses.length; mask += 1) {
              const chosen = courses.filter((_, i) => mask & (1 << i));
              const taught = taughtInSomeOrder(
                chosen.map((c) => ({ teaches: c.teaches.map((link) => link.uri), prerequisites: c.prerequisites })),
              );
              if (taught === null) continue;
              const hours = chosen.reduce((s, c) => s + c.hours!, 0);
              const price = chosen.reduce((s, c) => s + c.price!, 0);
              if (limits.maxTotalHours != null && hours > limits.maxTotalHours) continue;
              if (limits.maxTotalPrice != null && price > limits.maxTotalPrice) continue;
              const covered = ['g0', 'g1', 'g2'].filter((g) => taught.has(g)).length;
              const value = -chosen.reduce((s, c) => s + cost(c), 0);
              if (covered > found[0] || (covered === found[0] && value > found[1])) found = [covered, value];
            }
            return found;
          };
          expect(best(all.filter((c) => !gone.has(c.id)))).toEqual(best(all));
        },
      ),
      { numRuns: 300 },
    );
  });
});
