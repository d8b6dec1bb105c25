/**
 * The orders `reskillingPaths` can list its options in. Every order ends with the occupation
 * URI, so equal options always come out the same way.
 */

/**
 * - `CHEAPEST_PLAN` (default): options whose plan reaches full essential coverage first, then by
 *   plan cost under the objective, then by today's score (highest first);
 * - `HIGHEST_COVERAGE`: by the score reached after the plan (highest first), then plan cost;
 * - `MOST_GAIN_PER_HOUR`: by score gained per hour of study, (score after − score today) / total
 *   hours (highest first; a plan gaining something in 0 h first of all, a plan of unknown
 *   duration last), then score reached.
 */
export const RESKILLING_ORDERS = ['CHEAPEST_PLAN', 'HIGHEST_COVERAGE', 'MOST_GAIN_PER_HOUR'] as const;

/** One of {@link RESKILLING_ORDERS}. */
export type ReskillingOrder = (typeof RESKILLING_ORDERS)[number];

/** What the orders compare of an option. */
export interface ReskillingFacts {
  readonly occupationUri: string;
  readonly reachesFull: boolean;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
  readonly planCost: number;
  /** Total hours of the plan; null when some course's duration is unknown. */
  readonly totalHours: number | null;
}

/** Score gained per hour; +∞ for a gain at no time, null when the plan's duration is unknown. */
export function gainPerHour(facts: ReskillingFacts): number | null {
  if (facts.totalHours === null) return null;
  const gain = facts.scoreAfter - facts.scoreBefore;
  if (facts.totalHours === 0) return gain > 0 ? Number.POSITIVE_INFINITY : 0;
  return gain / facts.totalHours;
}

function compare(order: ReskillingOrder, a: ReskillingFacts, b: ReskillingFacts): number {
  switch (order) {
    case 'CHEAPEST_PLAN':
      return Number(b.reachesFull) - Number(a.reachesFull) || a.planCost - b.planCost || b.scoreBefore - a.scoreBefore;
    case 'HIGHEST_COVERAGE':
      return b.scoreAfter - a.scoreAfter || a.planCost - b.planCost;
    case 'MOST_GAIN_PER_HOUR': {
      const ga = gainPerHour(a);
      const gb = gainPerHour(b);
      if (ga === null || gb === null) return Number(ga === null) - Number(gb === null) || b.scoreAfter - a.scoreAfter;
      return (ga === gb ? 0 : gb > ga ? 1 : -1) || b.scoreAfter - a.scoreAfter;
    }
  }
}

/**
 * A sorted copy of `options` in `order`.
 *
 * @example
 * orderReskillingOptions(options, 'HIGHEST_COVERAGE', (o) => o.facts)
 */
export function orderReskillingOptions<T>(
  options: readonly T[],
  order: ReskillingOrder,
  facts: (option: T) => ReskillingFacts,
): T[] {
  return [...options].sort((x, y) => {
    const a = facts(x);
    const b = facts(y);
    return compare(order, a, b) || (a.occupationUri < b.occupationUri ? -1 : a.occupationUri > b.occupationUri ? 1 : 0);
  });
}
