/**
 * A planning job that is slow on purpose: the Steiner triple covering problem STS(81), a classic
 * hard set-cover instance for branch and bound. Gap skills are the 1,080 lines of the affine space
 * F₃⁴ (three points a, b, c with a + b + c = 0), courses its 81 points, each covering the lines
 * through it; every course costs one hour. The LP relaxation is far from the integer optimum, so
 * proving optimality takes HiGHS far longer than any plan time limit used in tests.
 */
import { candidateCourse } from './candidate-course';
import { resolveMatchPolicy } from '../../src/domain/coverage';
import {
  buildPlanRequest,
  parsePriceRates,
  type CandidateCourse,
  type GatheredPlanning,
} from '../../src/domain/planning';

const DIMENSION = 4;
const POINTS = 3 ** DIMENSION;

function digits(point: number): number[] {
  return Array.from({ length: DIMENSION }, (_, i) => Math.floor(point / 3 ** i) % 3);
}

function pointOf(values: readonly number[]): number {
  return values.reduce((sum, value, i) => sum + value * 3 ** i, 0);
}

/** The lines of F₃⁴ as sorted point triples (1,080 of them). */
export function steinerTriples(): [number, number, number][] {
  const triples = new Map<string, [number, number, number]>();
  for (let a = 0; a < POINTS; a += 1) {
    for (let b = a + 1; b < POINTS; b += 1) {
      const da = digits(a);
      const db = digits(b);
      const c = pointOf(da.map((value, i) => (6 - value - db[i]!) % 3));
      const triple = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      triples.set(triple.join(','), triple);
    }
  }
  return [...triples.values()];
}

/** The STS(81) covering problem as a gathered plan for a subject with no evidence. */
export function hardGatheredPlanning(timeLimitMs: number): GatheredPlanning {
  const triples = steinerTriples();
  const skill = (i: number) => `test:sts-line-${i}`;
  const lines: string[][] = Array.from({ length: POINTS }, () => []);
  triples.forEach((triple, i) => {
    for (const point of triple) lines[point]!.push(skill(i));
  });
  const candidates: CandidateCourse[] = lines.map((taught, point) =>
    candidateCourse(`test:sts-point-${point}`, taught),
  );
  const gap = triples.map((_, i) => ({ skillUri: skill(i), weight: 1 }));
  const rates = parsePriceRates({ date: '2026-01-01', source: 'test', base: 'EUR', rates: {} }, 'test rates');
  return {
    evidence: { evidence: [], skillUris: [] },
    targets: [
      {
        requirements: gap.map((g) => ({ skillUri: g.skillUri, relation: 'ESSENTIAL' as const })),
        links: [],
        before: { score: 0, essentialCoverage: 0 },
        gap,
      },
    ],
    candidates,
    unfollowed: [],
    unmet: [],
    request: buildPlanRequest({ objective: 'HOURS', scope: 'ESSENTIAL' }, rates, timeLimitMs),
    policy: resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z')),
    rates,
  };
}

/**
 * {@link hardGatheredPlanning} grown past the quick-plan size: 6,000 more candidates, each covering
 * three lines for 2 hours but needing a prerequisite that only other such courses teach (the shape
 * a catalogue where a fifth of the courses name prerequisites gives a plan).
 */
export function largeGatheredPlanning(timeLimitMs: number): GatheredPlanning {
  const base = hardGatheredPlanning(timeLimitMs);
  const lines = base.targets[0]!.gap.length;
  const prerequisite = (k: number) => `test:prerequisite-${k % 50}`;
  const fillers: CandidateCourse[] = Array.from({ length: 6_000 }, (_, i) => ({
    ...base.candidates[0]!,
    id: `test:filler-${String(i).padStart(4, '0')}`,
    hours: 2,
    teaches: [
      ...[0, 1, 2].map((j) => ({
        uri: `test:sts-line-${(i * 7 + j * 331) % lines}`,
        source: 'DECLARED' as const,
        confidence: 1,
      })),
      { uri: prerequisite(i), source: 'DECLARED' as const, confidence: 1 },
    ],
    prerequisites: [prerequisite(i + 1)],
  }));
  return {
    ...base,
    candidates: [...base.candidates, ...fillers],
    unmet: Array.from({ length: 50 }, (_, k) => prerequisite(k)),
  };
}
