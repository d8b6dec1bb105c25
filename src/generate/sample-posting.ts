/**
 * Synthetic job postings: an occupation's requirements as an employer would edit them, a few
 * dropped, a few added from neighbouring skills or another occupation, some relations changed.
 */
import { randomFor, type Random } from './random';
import { pickOccupation, type SampleSpace } from './sample-space';
import { populationIds } from './population-options';

/** A requirement of a posting. */
export interface GeneratedRequirement {
  readonly uri: string;
  readonly relation: 'ESSENTIAL' | 'OPTIONAL';
}

/** A posting row as written to the graph. */
export interface GeneratedPosting {
  readonly id: string;
  /** The job portal that published it (owns it: its PORTAL tokens may rank candidates for it). */
  readonly portalId: string;
  readonly title: string;
  readonly employer: string;
  readonly location: string;
  readonly occupationUri: string;
  /** Sorted by URI; at least one ESSENTIAL. */
  readonly requirements: readonly GeneratedRequirement[];
  readonly essentialCount: number;
  readonly optionalCount: number;
}

/** Bounds the unit tests check. */
export const POSTING_LIMITS = { maxDropped: 3, maxAdded: 3, maxFlipped: 2 } as const;

/** Job portals postings come from, by share of postings. */
export const PORTALS: readonly (readonly [string, number])[] = [
  ['eures', 50],
  ['jobboard', 30],
  ['careers', 20],
];

/** The portal id of a portal name in a population. */
export function portalId(prefix: string, portal: string): string {
  return `${prefix}portal-${portal}`;
}
const EMPLOYER_FIRST = [
  'Nordic',
  'Alpine',
  'Atlantic',
  'Baltic',
  'Central',
  'Delta',
  'Euro',
  'Iberian',
  'Lumen',
  'Meridian',
  'Polar',
  'Vista',
];
const EMPLOYER_SECOND = [
  'Systems',
  'Logistics',
  'Health',
  'Foods',
  'Energy',
  'Digital',
  'Works',
  'Partners',
  'Industries',
  'Services',
  'Care',
  'Build',
];
const CITIES = [
  'Berlin',
  'Munich',
  'Paris',
  'Lyon',
  'Madrid',
  'Barcelona',
  'Rome',
  'Milan',
  'Amsterdam',
  'Rotterdam',
  'Brussels',
  'Vienna',
  'Dublin',
  'Warsaw',
  'Stockholm',
  'Lisbon',
  'Helsinki',
  'Copenhagen',
  'Zurich',
  'Luxembourg',
];
const TITLE_FORMS: readonly ((label: string) => string)[] = [
  (l) => l,
  (l) => `Senior ${l}`,
  (l) => `Junior ${l}`,
  (l) => `${l} (m/f/d)`,
  (l) => `Lead ${l}`,
  (l) => `${l}, full time`,
];

function flip(relation: 'ESSENTIAL' | 'OPTIONAL'): 'ESSENTIAL' | 'OPTIONAL' {
  return relation === 'ESSENTIAL' ? 'OPTIONAL' : 'ESSENTIAL';
}

/** Skills to add: neighbours of required skills, else skills of another occupation. */
function additions(random: Random, space: SampleSpace, current: ReadonlyMap<string, unknown>, count: number): string[] {
  const out: string[] = [];
  const uris = [...current.keys()];
  for (let n = 0, tries = 0; n < count && tries < count * 10; tries += 1) {
    let candidate: string | undefined;
    if (random.chance(0.6)) {
      const options = space.neighbours.get(random.pick(uris)) ?? [];
      if (options.length > 0) candidate = random.pick(options);
    } else {
      const other = space.occupations[pickOccupation(space, random)]!;
      const pool = [...other.essential, ...other.optional];
      candidate = random.pick(pool);
    }
    if (candidate !== undefined && !current.has(candidate) && !out.includes(candidate)) {
      out.push(candidate);
      n += 1;
    }
  }
  return out;
}

/** Posting `index` (0-based): drops 0-3 requirements, adds 0-3, flips 0-2 relations. */
export function samplePosting(seed: number, prefix: string, index: number, space: SampleSpace): GeneratedPosting {
  const random = randomFor(seed, 'posting', index);
  let occupationIndex = pickOccupation(space, random);
  for (let tries = 0; space.occupations[occupationIndex]!.essential.length === 0 && tries < 50; tries += 1)
    occupationIndex = pickOccupation(space, random);
  const occupation = space.occupations[occupationIndex]!;

  const requirements = new Map<string, 'ESSENTIAL' | 'OPTIONAL'>();
  for (const uri of occupation.optional) requirements.set(uri, 'OPTIONAL');
  for (const uri of occupation.essential) requirements.set(uri, 'ESSENTIAL');

  const dropCount = Math.min(random.int(0, POSTING_LIMITS.maxDropped), requirements.size - 1);
  for (const uri of random.sampleWeighted([...requirements.keys()], () => 1, dropCount)) requirements.delete(uri);
  for (const uri of additions(random, space, requirements, random.int(0, POSTING_LIMITS.maxAdded))) {
    requirements.set(uri, random.chance(0.4) ? 'ESSENTIAL' : 'OPTIONAL');
  }
  for (const uri of random.sampleWeighted(
    [...requirements.keys()],
    () => 1,
    random.int(0, POSTING_LIMITS.maxFlipped),
  )) {
    requirements.set(uri, flip(requirements.get(uri)!));
  }
  // A posting with nothing essential cannot be matched meaningfully: promote one requirement.
  if (![...requirements.values()].includes('ESSENTIAL'))
    requirements.set([...requirements.keys()].sort()[0]!, 'ESSENTIAL');

  const sorted = [...requirements]
    .map(([uri, relation]) => ({ uri, relation }))
    .sort((a, b) => (a.uri < b.uri ? -1 : 1));
  const essentialCount = sorted.filter((r) => r.relation === 'ESSENTIAL').length;
  const label = occupation.label.charAt(0).toUpperCase() + occupation.label.slice(1);
  return {
    id: populationIds.posting(prefix, index),
    portalId: portalId(prefix, random.weighted(PORTALS)),
    title: random.pick(TITLE_FORMS)(label),
    employer: `${random.pick(EMPLOYER_FIRST)} ${random.pick(EMPLOYER_SECOND)}`,
    location: random.pick(CITIES),
    occupationUri: occupation.uri,
    requirements: sorted,
    essentialCount,
    optionalCount: sorted.length - essentialCount,
  };
}
