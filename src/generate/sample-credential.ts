/**
 * Synthetic micro-credentials whose skills hang together: each one starts from an occupation and
 * teaches some of the skills that occupation requires (essential ones preferred), sometimes a
 * broader or narrower neighbour of one of them, like a real course on part of a job.
 */
import type { Random } from './random';
import { randomFor } from './random';
import { localLanguage, type GeneratedProvider } from './sample-provider';
import { pickOccupation, type SampleSpace } from './sample-space';
import { DEFAULT_PREREQUISITE_SHARE, populationIds } from './population-options';

/** A taught skill link. */
export interface GeneratedTaughtSkill {
  readonly uri: string;
  readonly source: 'DECLARED' | 'MAPPED';
  readonly confidence: number;
}

/** A credential row as written to the graph (stored properties plus links). */
export interface GeneratedCredential {
  readonly id: string;
  readonly providerId: string;
  /** Index in `SampleSpace.occupations` of the occupation it was drawn from (not stored). */
  readonly occupationIndex: number;
  readonly props: {
    readonly title: string;
    readonly description: string;
    readonly country: string;
    readonly workloadHours: number;
    readonly ects: number | null;
    readonly eqfLevel: number;
    readonly priceAmount: number | null;
    readonly priceCurrency: string | null;
    readonly languages: readonly string[];
    readonly participationForm: 'ONLINE' | 'ONSITE' | 'BLENDED';
    readonly assessmentType: string | null;
    readonly qualityAssurance: string | null;
    readonly learningOutcomes: readonly string[];
  };
  readonly skills: readonly GeneratedTaughtSkill[];
  readonly prerequisiteUris: readonly string[];
}

/** Bounds the unit tests check. */
export const CREDENTIAL_LIMITS = {
  minSkills: 3,
  maxSkills: 12,
  minHours: 10,
  maxHours: 200,
  minEqf: 3,
  maxEqf: 7,
  maxPrerequisites: 2,
} as const;

const SKILL_COUNTS: readonly (readonly [number, number])[] = [
  [3, 14],
  [4, 16],
  [5, 15],
  [6, 13],
  [7, 11],
  [8, 9],
  [9, 7],
  [10, 6],
  [11, 5],
  [12, 4],
];
const EQF_LEVELS: readonly (readonly [number, number])[] = [
  [3, 10],
  [4, 22],
  [5, 30],
  [6, 26],
  [7, 12],
];
const FORMS: readonly (readonly ['ONLINE' | 'ONSITE' | 'BLENDED', number])[] = [
  ['ONLINE', 50],
  ['BLENDED', 20],
  ['ONSITE', 30],
];
const CURRENCIES: readonly (readonly [string, number])[] = [
  ['EUR', 85],
  ['GBP', 5],
  ['CHF', 4],
  ['SEK', 3],
  ['PLN', 3],
];
const ASSESSMENTS: readonly (readonly [string | null, number])[] = [
  ['written exam', 25],
  ['project', 20],
  ['portfolio', 10],
  ['online quiz', 20],
  ['practical assessment', 15],
  [null, 10],
];
const QUALITY: readonly (readonly [string | null, number])[] = [
  ['accredited by a national agency', 30],
  ['ISO 21001', 10],
  ['institutional quality assurance', 30],
  ['EQAVET-aligned', 10],
  [null, 20],
];
const TITLES: readonly ((skill: string, occupation: string) => string)[] = [
  (s) => `Introduction to ${s}`,
  (s) => `${capitalise(s)}: foundations`,
  (s) => `Advanced ${s}`,
  (s) => `${capitalise(s)} in practice`,
  (s) => `Certificate in ${s}`,
  (s) => `Applied ${s}`,
  (s) => `${capitalise(s)} essentials`,
  (_, o) => `Professional skills for the ${o}`,
  (s, o) => `${capitalise(s)} for the ${o}`,
  (_, o) => `Upskilling: ${o}`,
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Provider index skewed towards the first ones: a few large providers, a long tail. */
function pickProvider(random: Random, count: number): number {
  return Math.min(count - 1, Math.floor(count * random.next() ** 1.8));
}

/** Hours between 10 and 200, log-normal around 30 (most courses are short), in round numbers. */
export function sampleHours(random: Random): number {
  const raw = Math.min(CREDENTIAL_LIMITS.maxHours, Math.max(CREDENTIAL_LIMITS.minHours, random.logNormal(30, 0.75)));
  return raw < 20 ? Math.round(raw) : Math.min(CREDENTIAL_LIMITS.maxHours, Math.round(raw / 5) * 5);
}

/**
 * Credential `index` (0-based). `providers` are the population's providers (their country
 * decides the course language besides English); `prerequisiteShare` of credentials name 1-2
 * prerequisite skills.
 */
export function sampleCredential(
  seed: number,
  prefix: string,
  index: number,
  space: SampleSpace,
  providers: readonly GeneratedProvider[],
  prerequisiteShare: number = DEFAULT_PREREQUISITE_SHARE,
): GeneratedCredential {
  const random = randomFor(seed, 'credential', index);
  const occupationIndex = pickOccupation(space, random);
  const occupation = space.occupations[occupationIndex]!;
  const wanted = random.weighted(SKILL_COUNTS);
  const essential = new Set(occupation.essential);
  const pool = [...occupation.essential, ...occupation.optional.filter((uri) => !essential.has(uri))];
  const taught = random.sampleWeighted(pool, (uri) => (essential.has(uri) ? 3 : 1), wanted);

  // Courses sometimes reach one step up or down the hierarchy from what the job names.
  const extra = random.chance(0.3) ? (random.chance(0.25) ? 2 : 1) : 0;
  for (let n = 0; n < extra && taught.length < CREDENTIAL_LIMITS.maxSkills; n += 1) {
    const withNeighbours = taught.filter((uri) =>
      (space.neighbours.get(uri) ?? []).some((other) => !taught.includes(other)),
    );
    if (withNeighbours.length === 0) break;
    const options = space.neighbours.get(random.pick(withNeighbours))!.filter((other) => !taught.includes(other));
    taught.push(random.pick(options));
  }
  // Short pools (few requirements) are topped up from neighbours, else stay at the pool size (≥ 3).
  while (taught.length < CREDENTIAL_LIMITS.minSkills) {
    const options = taught.flatMap((uri) => space.neighbours.get(uri) ?? []).filter((other) => !taught.includes(other));
    if (options.length === 0) break;
    taught.push(random.pick(options));
  }

  const skills = taught.map((uri) => {
    const mapped = random.chance(0.15);
    return {
      uri,
      source: mapped ? ('MAPPED' as const) : ('DECLARED' as const),
      confidence: mapped ? random.int(50, 95) / 100 : 1,
    };
  });
  // Prerequisites: essential skills of the same occupation the course does not teach itself.
  const untaught = occupation.essential.filter((uri) => !taught.includes(uri));
  const prerequisiteUris =
    random.chance(prerequisiteShare) && untaught.length > 0
      ? random.sampleWeighted(untaught, () => 1, random.chance(0.8) ? 1 : 2)
      : [];

  const provider = providers[pickProvider(random, providers.length)]!;
  const hours = sampleHours(random);
  const ects = random.chance(0.8) ? Math.max(0.5, Math.round((hours / (25 + random.next() * 5)) * 2) / 2) : null;
  const priceKind = random.weighted([
    ['free', 12],
    ['missing', 10],
    ['paid', 78],
  ] as const);
  const priceAmount =
    priceKind === 'free'
      ? 0
      : priceKind === 'missing'
        ? null
        : Math.min(5000, Math.max(20, Math.round(random.logNormal(8 * hours, 0.6) / 10) * 10));
  const priceCurrency = priceAmount === null ? null : priceAmount === 0 ? 'EUR' : random.weighted(CURRENCIES);
  const local = localLanguage(provider.country);
  const languageKind = random.weighted([
    ['en', 60],
    ['local', 25],
    ['both', 15],
  ] as const);
  const languages =
    local === 'en' || languageKind === 'en' ? ['en'] : languageKind === 'local' ? [local] : ['en', local];
  const firstLabel = space.skillLabels.get(taught[0]!) ?? 'a skill';
  const title = random.pick(TITLES)(firstLabel, occupation.label);

  return {
    id: populationIds.credential(prefix, index),
    providerId: provider.id,
    occupationIndex,
    props: {
      title,
      description: `Synthetic course drawn from the skills of the occupation "${occupation.label}" (generated population).`,
      country: provider.country,
      workloadHours: hours,
      ects,
      eqfLevel: random.weighted(EQF_LEVELS),
      priceAmount,
      priceCurrency,
      languages,
      participationForm: random.weighted(FORMS),
      assessmentType: random.weighted(ASSESSMENTS),
      qualityAssurance: random.weighted(QUALITY),
      learningOutcomes: taught.slice(0, 3).map((uri) => `Can apply: ${space.skillLabels.get(uri) ?? uri}`),
    },
    skills,
    prerequisiteUris,
  };
}
