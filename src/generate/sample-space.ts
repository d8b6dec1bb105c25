/**
 * The part of ESCO the population generator draws from: occupations with their essential and
 * optional skills (skills that occur together in real jobs), the skill hierarchy around each
 * skill, and labels for titles. Built once from the graph, then sorted, so sampling never
 * depends on the order in which Neo4j returned rows.
 */
import { Random } from './random';

/** An occupation usable as the source of credentials, learners and postings. */
export interface SampleOccupation {
  readonly uri: string;
  readonly label: string;
  /** Sorted skill URIs. */
  readonly essential: readonly string[];
  /** Sorted skill URIs. */
  readonly optional: readonly string[];
}

/** What the generator samples from. */
export interface SampleSpace {
  /** Occupations with at least {@link MIN_OCCUPATION_SKILLS} requirements, by URI. */
  readonly occupations: readonly SampleOccupation[];
  /** Cumulative popularity weights of `occupations` (for weighted picks by binary search). */
  readonly cumulativeWeights: Float64Array;
  /** Direct broader and narrower skills of each skill (BROADER links), sorted. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
  /** preferredLabel by skill URI. */
  readonly skillLabels: ReadonlyMap<string, string>;
}

/** Fewest requirements an occupation needs to seed a credential of at least 3 skills. */
export const MIN_OCCUPATION_SKILLS = 3;

/** One occupation row as read from the graph. */
export interface OccupationRequirementsRow {
  readonly uri: string;
  readonly label: string;
  readonly essential: readonly string[];
  readonly optional: readonly string[];
}

/** One BROADER link as read from the graph. */
export interface SkillLinkRow {
  readonly narrowerUri: string;
  readonly broaderUri: string;
}

/** One skill label as read from the graph. */
export interface SkillLabelRow {
  readonly uri: string;
  readonly label: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the sample space. Occupation popularity (how often an occupation seeds a credential,
 * learner or posting) is log-normal and drawn from `seed`: real catalogs cluster around some
 * occupations, and that clustering is what makes skills taught by many courses.
 */
export function buildSampleSpace(
  seed: number,
  occupationRows: readonly OccupationRequirementsRow[],
  links: readonly SkillLinkRow[],
  labels: readonly SkillLabelRow[],
): SampleSpace {
  const occupations = occupationRows
    .map((row) => ({
      uri: row.uri,
      label: row.label,
      essential: [...new Set(row.essential)].sort(byText),
      optional: [...new Set(row.optional)].sort(byText),
    }))
    .filter((o) => new Set([...o.essential, ...o.optional]).size >= MIN_OCCUPATION_SKILLS)
    .sort((a, b) => byText(a.uri, b.uri));
  const random = new Random(seed ^ 0x5bd1e995);
  const cumulativeWeights = new Float64Array(occupations.length);
  let total = 0;
  occupations.forEach((_, i) => {
    total += random.logNormal(1, 1);
    cumulativeWeights[i] = total;
  });
  const neighbourSets = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const set = neighbourSets.get(from) ?? new Set<string>();
    set.add(to);
    neighbourSets.set(from, set);
  };
  for (const link of links) {
    if (link.narrowerUri === link.broaderUri) continue;
    add(link.narrowerUri, link.broaderUri);
    add(link.broaderUri, link.narrowerUri);
  }
  const neighbours = new Map([...neighbourSets].map(([uri, set]) => [uri, [...set].sort(byText)] as const));
  return { occupations, cumulativeWeights, neighbours, skillLabels: new Map(labels.map((l) => [l.uri, l.label])) };
}

/** An occupation index drawn by popularity. */
export function pickOccupation(space: SampleSpace, random: Random): number {
  const weights = space.cumulativeWeights;
  const target = random.next() * weights[weights.length - 1]!;
  let low = 0;
  let high = weights.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (weights[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}
