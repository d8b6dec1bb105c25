/**
 * The demo catalog and population (issue #13): invented providers, micro-credentials per seed
 * occupation, learners with holdings, advisor grants and a demo portal's postings, built from
 * the ESCO demo seed alone. Pure and deterministic (sfc32 streams from one seed), so
 * `npm run demo:seed` regenerates `seed/demo/` byte for byte.
 *
 * Every occupation's essential skills are split into courses of three to five skills, all taught
 * in English, so a plan to any seed occupation can close every essential gap (the README's plan
 * example answers PLANNED); optional skills get a few extra courses in other languages.
 */
import { compareStrings } from '../../domain/coverage/compare-strings';
import { randomFor, type Random } from '../random';
import type { GeneratedProvider } from '../sample-provider';
import type { GeneratedCredential } from '../sample-credential';
import type { GeneratedLearner } from '../sample-learner';
import type { GeneratedPosting } from '../sample-posting';

/** The ESCO facts the demo is built from (read from `seed/esco/`). */
export interface DemoSource {
  readonly occupations: readonly {
    readonly uri: string;
    readonly label: string;
    readonly essential: readonly string[];
    readonly optional: readonly string[];
  }[];
  /** Skill URI → preferred label. */
  readonly skillLabels: ReadonlyMap<string, string>;
  /** URIs of knowledge concepts (noun phrases; the others are verb phrases like "manage staff"). */
  readonly knowledge: ReadonlySet<string>;
}

/** A demo credential: the generator's shape plus an optional stack it is part of. */
export interface DemoCredential extends Omit<GeneratedCredential, 'occupationIndex'> {
  readonly partOfId: string | null;
}

/** A demo learner: the generator's shape plus the advisors they granted. */
export interface DemoLearner extends GeneratedLearner {
  readonly advisorSubjects: readonly string[];
}

/** Who the README's example tokens stand for. */
export interface DemoPersonas {
  readonly advisor: { readonly sub: string };
  readonly portal: { readonly sub: string; readonly portalId: string };
  readonly learner: { readonly sub: string; readonly learnerId: string };
  /** Occupation and posting the README examples use. */
  readonly exampleOccupationUri: string;
  readonly examplePostingId: string;
}

/** Everything `seed/demo/` holds. */
export interface DemoData {
  readonly providers: readonly GeneratedProvider[];
  readonly credentials: readonly DemoCredential[];
  readonly learners: readonly DemoLearner[];
  readonly postings: readonly GeneratedPosting[];
  readonly personas: DemoPersonas;
}

/** Inputs of the generator besides the ESCO seed. */
export interface DemoOptions {
  readonly seed: number;
  /** ISO date holdings and postings are dated against (kept fixed so output does not drift). */
  readonly referenceDate: string;
  readonly learners: number;
  readonly postings: number;
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = { seed: 13, referenceDate: '2026-01-15', learners: 48, postings: 40 };

export const DEMO_PERSONAS_BASE = {
  advisor: { sub: 'demo-advisor' },
  portal: { sub: 'demo-portal', portalId: 'demo-portal' },
  learner: { sub: 'demo-ann', learnerId: 'demo-ann' },
} as const;

/** "data analyst": Ann's target and the README's example occupation. */
export const DATA_ANALYST_URI = 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2';

// Invented names: no real organisation is meant (each carries "(invented)" in the data).
const PROVIDERS: readonly (readonly [string, string, string])[] = [
  ['Northwind Academy', 'DE', 'TRAINING_PROVIDER'],
  ['Contoso Institute of Technology', 'NL', 'UNIVERSITY'],
  ['Lakeside Vocational College', 'IE', 'VET_PROVIDER'],
  ['Aurora Skills Hub', 'FI', 'TRAINING_PROVIDER'],
  ['Iberia Open University', 'ES', 'UNIVERSITY'],
  ['Danube Technical School', 'AT', 'VET_PROVIDER'],
  ['Baltic Digital Academy', 'PL', 'TRAINING_PROVIDER'],
  ['Rhône Learning Centre', 'FR', 'VET_PROVIDER'],
  ['Adriatic Health Education', 'IT', 'TRAINING_PROVIDER'],
  ['Nordlys Polytechnic', 'SE', 'UNIVERSITY'],
  ['Tagus Professional School', 'PT', 'VET_PROVIDER'],
  ['Fjord Energy Training', 'DK', 'TRAINING_PROVIDER'],
  ['Alpine Business School', 'CH', 'UNIVERSITY'],
  ['Flanders Skills Academy', 'BE', 'VET_PROVIDER'],
  ['Meridian Online Learning', 'LU', 'TRAINING_PROVIDER'],
  ['Hanseatic Logistics Institute', 'DE', 'TRAINING_PROVIDER'],
  ['Seine Hospitality School', 'FR', 'VET_PROVIDER'],
  ['Vistula Engineering College', 'PL', 'UNIVERSITY'],
];

const LOCAL_LANGUAGE: Readonly<Record<string, string>> = {
  DE: 'de',
  AT: 'de',
  CH: 'de',
  LU: 'fr',
  FR: 'fr',
  BE: 'fr',
  ES: 'es',
  PT: 'pt',
  IT: 'it',
  PL: 'pl',
  NL: 'nl',
  SE: 'sv',
  FI: 'fi',
  DK: 'da',
  IE: 'en',
};

const FIRST_NAMES = [
  'Ann',
  'Bruno',
  'Chiara',
  'Dario',
  'Elif',
  'Femke',
  'Goran',
  'Helena',
  'Ines',
  'Jonas',
  'Katarzyna',
  'Luca',
  'Marta',
  'Niels',
  'Oona',
  'Pedro',
  'Quentin',
  'Rasa',
  'Sofia',
  'Tomasz',
  'Ulla',
  'Viktor',
  'Wiebke',
  'Xavier',
  'Yara',
  'Zoltan',
];
const LAST_NAMES = [
  'Andersen',
  'Bianchi',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Horvat',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Laine',
  'Moreau',
  'Novak',
  'Olsen',
  'Papadopoulos',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tamm',
];
const EMPLOYERS = [
  'Bluefin Analytics (invented)',
  'Greenfield Energy (invented)',
  'St. Brigid Hospital Group (invented)',
  'Kestrel Logistics (invented)',
  'Harbour Hotels (invented)',
  'Ironbridge Manufacturing (invented)',
  'Polaris Software (invented)',
  'Linden Accounting (invented)',
];
const CITIES = [
  'Berlin',
  'Lyon',
  'Madrid',
  'Milan',
  'Rotterdam',
  'Dublin',
  'Vienna',
  'Kraków',
  'Lisbon',
  'Helsinki',
  'Gothenburg',
  'Aarhus',
  'Brussels',
  'Luxembourg',
];
const ASSESSMENTS = ['written exam', 'project', 'portfolio', 'online quiz', 'practical assessment'];
const QUALITY = ['accredited by a national agency', 'ISO 21001', 'institutional quality assurance', 'EQAVET-aligned'];
const FORMS = ['ONLINE', 'BLENDED', 'ONSITE'] as const;
const SENIORITY = ['Junior', '', 'Senior', 'Trainee', 'Lead'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function courseTitle(
  random: Random,
  skills: readonly { label: string; knowledge: boolean }[],
  occupation: string,
): string {
  const [first, second] = skills;
  const pair = second ? ` and ${second.label}` : '';
  const templates = first!.knowledge
    ? [
        () => `${capitalise(first!.label)} for ${occupation}s`,
        () => `Foundations of ${first!.label}`,
        () => `Applied ${first!.label}`,
        () => `${capitalise(occupation)} essentials: ${first!.label}${pair}`,
      ]
    : [
        () => `How to ${first!.label}${pair}`,
        () => `${capitalise(first!.label)}: a practical course`,
        () => `Learning to ${first!.label}`,
        () => `${capitalise(occupation)} toolkit: ${first!.label}${pair}`,
      ];
  return random.pick(templates)();
}

function chunk<T>(items: readonly T[], random: Random): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < items.length) {
    const size = items.length - i <= 5 ? items.length - i : random.int(3, 5);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * Builds the demo data from the seed's occupations.
 *
 * @example
 * const demo = buildDemoData(readDemoSource('seed/esco'), DEFAULT_DEMO_OPTIONS);
 */
export function buildDemoData(source: DemoSource, options: DemoOptions = DEFAULT_DEMO_OPTIONS): DemoData {
  const describe = (uri: string) => ({
    label: source.skillLabels.get(uri) ?? uri,
    knowledge: source.knowledge.has(uri),
  });
  const occupations = [...source.occupations].sort((a, b) => compareStrings(a.uri, b.uri));
  const providers: GeneratedProvider[] = PROVIDERS.map(([name, country, type]) => ({
    id: `demo-provider-${slug(name)}`,
    name: `${name} (invented)`,
    country,
    type,
    url: `https://${slug(name)}.example.org`,
  }));

  const credentials: DemoCredential[] = [];
  /** Occupation URI → ids of its core (essential-skill) courses, in teaching order. */
  const coreCourses = new Map<string, string[]>();
  for (const [index, occupation] of occupations.entries()) {
    const random = randomFor(options.seed, 'demo-credentials', index);
    const provider = providers[index % providers.length]!;
    const essential = [...occupation.essential].sort(compareStrings);
    const groups = chunk(essential, random);
    // Every sixth occupation with enough courses gets a stacked programme its courses are part of.
    const stackId = groups.length >= 3 && index % 6 === 0 ? `demo-mc-${slug(occupation.label)}-programme` : null;
    if (stackId !== null) {
      credentials.push(
        makeCredential(random, {
          id: stackId,
          provider,
          partOfId: null,
          skills: [],
          prerequisiteUris: [],
          title: `Professional certificate: ${occupation.label}`,
          occupation: occupation.label,
          languages: ['en'],
          hours: 0,
          outcomes: [],
        }),
      );
    }
    const ids: string[] = [];
    groups.forEach((skills, g) => {
      const id = `demo-mc-${slug(occupation.label)}-${g + 1}`;
      // Later courses of a track ask for one skill the first course teaches (a real sequence).
      const prerequisiteUris = g > 0 && random.chance(0.35) ? [groups[0]![0]!] : [];
      const languages = random.chance(0.3)
        ? ['en', LOCAL_LANGUAGE[provider.country] ?? 'de'].filter((v, i, a) => a.indexOf(v) === i)
        : ['en'];
      credentials.push(
        makeCredential(random, {
          id,
          provider: g % 2 === 0 ? provider : providers[(index + 7) % providers.length]!,
          partOfId: stackId,
          skills,
          prerequisiteUris,
          title: courseTitle(random, skills.map(describe), occupation.label),
          occupation: occupation.label,
          languages,
          hours: random.int(4, 10) * skills.length,
          outcomes: skills.map(describe),
        }),
      );
      ids.push(id);
    });
    coreCourses.set(occupation.uri, ids);
    const optional = [...occupation.optional].sort(compareStrings).slice(0, 8);
    chunk(optional, random)
      .slice(0, 1)
      .forEach((skills) => {
        const other = providers[(index + 3) % providers.length]!;
        credentials.push(
          makeCredential(random, {
            id: `demo-mc-${slug(occupation.label)}-extra`,
            provider: other,
            partOfId: null,
            skills,
            prerequisiteUris: [],
            title: courseTitle(random, skills.map(describe), occupation.label),
            occupation: occupation.label,
            languages: [LOCAL_LANGUAGE[other.country] ?? 'en'],
            hours: random.int(3, 8) * skills.length,
            outcomes: skills.map(describe),
          }),
        );
      });
  }

  const byUri = new Map(occupations.map((o) => [o.uri, o]));
  const learners: DemoLearner[] = [];
  const reference = Date.parse(`${options.referenceDate}T00:00:00Z`);
  const day = (offset: number) => new Date(reference + offset * 86_400_000).toISOString().slice(0, 10);
  for (let n = 0; n < options.learners; n += 1) {
    const random = randomFor(options.seed, 'demo-learners', n);
    const isAnn = n === 0;
    const target = isAnn ? byUri.get(DATA_ANALYST_URI)! : random.pick(occupations);
    const current = isAnn ? target : random.chance(0.5) ? target : random.pick(occupations);
    const courses = coreCourses.get(current.uri) ?? [];
    // Ann holds half of her target's courses; others a random share of their current track.
    const held = isAnn
      ? courses.slice(0, Math.max(1, Math.floor(courses.length / 2)))
      : courses.filter(() => random.chance(0.5));
    const holdings = held.map((credentialId) => {
      const issued = -random.int(30, 900);
      return {
        credentialId,
        issuedOn: day(issued),
        expiresOn: random.chance(0.3) ? day(issued + 365 * 3) : null,
        verified: false,
      };
    });
    const declared = [...current.optional]
      .sort(compareStrings)
      .filter(() => random.chance(0.15))
      .slice(0, 4);
    const first = isAnn ? 'Ann' : FIRST_NAMES[n % FIRST_NAMES.length]!;
    const id = isAnn ? DEMO_PERSONAS_BASE.learner.learnerId : `demo-learner-${String(n).padStart(2, '0')}`;
    learners.push({
      id,
      displayName: `${first} ${LAST_NAMES[(n * 7) % LAST_NAMES.length]} (invented)`,
      // Ann and two of every three others consent to being matched by portals.
      matchingConsent: isAnn || n % 3 !== 0,
      holdings,
      declaredSkillUris: declared,
      targetOccupationUris: [target.uri],
      advisorSubjects: isAnn || n % 4 === 1 ? [DEMO_PERSONAS_BASE.advisor.sub] : [],
    } as DemoLearner);
  }

  const postings: GeneratedPosting[] = [];
  // The learners' targets first, so the portal has candidates for its postings.
  const postingOccupations = [
    byUri.get(DATA_ANALYST_URI)!,
    ...[...new Set(learners.map((l) => l.targetOccupationUris[0]!))].map((u) => byUri.get(u)!),
  ].filter((o, i, all) => all.indexOf(o) === i);
  for (let n = 0; n < options.postings; n += 1) {
    const random = randomFor(options.seed, 'demo-postings', n);
    const occupation = postingOccupations[n % postingOccupations.length]!;
    const optional = [...occupation.optional]
      .sort(compareStrings)
      .filter(() => random.chance(0.3))
      .slice(0, 6);
    const seniority = random.pick(SENIORITY);
    postings.push({
      id: `demo-posting-${String(n + 1).padStart(2, '0')}`,
      portalId: DEMO_PERSONAS_BASE.portal.portalId,
      title: `${seniority ? `${seniority} ` : ''}${occupation.label}`,
      employer: random.pick(EMPLOYERS),
      location: random.pick(CITIES),
      occupationUri: occupation.uri,
      requirements: [
        ...occupation.essential.map((uri) => ({ uri, relation: 'ESSENTIAL' as const })),
        ...optional.map((uri) => ({ uri, relation: 'OPTIONAL' as const })),
      ].sort((a, b) => compareStrings(a.uri, b.uri)),
      essentialCount: occupation.essential.length,
      optionalCount: optional.length,
    } as GeneratedPosting);
  }

  return {
    providers,
    credentials,
    learners,
    postings,
    personas: { ...DEMO_PERSONAS_BASE, exampleOccupationUri: DATA_ANALYST_URI, examplePostingId: postings[0]!.id },
  };
}

interface CredentialDraft {
  readonly id: string;
  readonly provider: GeneratedProvider;
  readonly partOfId: string | null;
  readonly skills: readonly string[];
  readonly prerequisiteUris: readonly string[];
  readonly title: string;
  readonly occupation: string;
  readonly languages: readonly string[];
  readonly hours: number;
  readonly outcomes: readonly { label: string; knowledge: boolean }[];
}

function makeCredential(random: Random, draft: CredentialDraft): DemoCredential {
  const hours = draft.hours > 0 ? draft.hours : 60;
  const priceRoll = random.next();
  // About one in ten is free and one in twelve states no price, as in real catalogues.
  const priceAmount = priceRoll < 0.1 ? 0 : priceRoll < 0.18 ? null : Math.round((hours * random.int(8, 30)) / 5) * 5;
  return {
    id: draft.id,
    providerId: draft.provider.id,
    partOfId: draft.partOfId,
    props: {
      title: draft.title,
      description: `An invented demo course for ${draft.occupation}s (${hours} hours). Not a real offer.`,
      country: draft.provider.country,
      workloadHours: hours,
      ects: Math.round((hours / 25) * 2) / 2 || 0.5,
      eqfLevel: random.int(4, 6),
      priceAmount,
      priceCurrency: priceAmount === null ? null : 'EUR',
      languages: [...draft.languages],
      participationForm: random.pick(FORMS),
      assessmentType: random.pick(ASSESSMENTS),
      qualityAssurance: random.pick(QUALITY),
      learningOutcomes:
        draft.outcomes.length > 0
          ? draft.outcomes.map((o) =>
              o.knowledge ? `Explains ${o.label} as a ${draft.occupation} needs it` : `Can ${o.label}`,
            )
          : [`Completes the courses of the ${draft.occupation} programme`],
    },
    skills: draft.skills.map((uri) => ({ uri, source: 'DECLARED' as const, confidence: 1 })),
    prerequisiteUris: [...draft.prerequisiteUris],
  };
}
