/**
 * Synthetic awarding bodies: a name, a type, a European country. Names are invented from word
 * lists; no real organisation is meant.
 */
import { randomFor } from './random';
import { populationIds } from './population-options';

/** A provider row as written to the graph. */
export interface GeneratedProvider {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly type: string;
  readonly url: string;
}

/** Countries of providers, weighted roughly by the size of their training markets. */
export const PROVIDER_COUNTRIES: readonly (readonly [string, number])[] = [
  ['DE', 18],
  ['FR', 15],
  ['ES', 10],
  ['IT', 10],
  ['NL', 8],
  ['BE', 5],
  ['AT', 4],
  ['IE', 5],
  ['PL', 6],
  ['SE', 4],
  ['PT', 4],
  ['FI', 3],
  ['DK', 3],
  ['CH', 3],
  ['LU', 1],
];

/** The language taught in a country besides English (English when none of the usual five). */
export function localLanguage(country: string): string {
  switch (country) {
    case 'DE':
    case 'AT':
    case 'CH':
    case 'LU':
      return 'de';
    case 'FR':
    case 'BE':
      return 'fr';
    case 'ES':
      return 'es';
    case 'NL':
      return 'nl';
    case 'IT':
      return 'it';
    default:
      return 'en';
  }
}

const TYPES: readonly (readonly [string, number])[] = [
  ['university', 30],
  ['vocational school', 25],
  ['company', 20],
  ['MOOC platform', 10],
  ['training centre', 15],
];
const PLACES = [
  'Northern',
  'Southern',
  'Central',
  'Coastal',
  'Alpine',
  'Rhine',
  'Danube',
  'Baltic',
  'Atlantic',
  'Lakeside',
  'Hillside',
  'Riverside',
  'Metropolitan',
  'Regional',
  'Capital',
];
const TOPICS = [
  'Applied Sciences',
  'Technology',
  'Business',
  'Health',
  'Engineering',
  'Arts',
  'Digital Skills',
  'Management',
  'Logistics',
  'Hospitality',
  'Green Skills',
  'Crafts',
];
const STEMS: Readonly<Record<string, readonly string[]>> = {
  university: ['University of', 'Institute of', 'Academy of'],
  'vocational school': ['College of', 'Vocational School of', 'Polytechnic of'],
  company: ['Training Services for', 'Corporate Academy for', 'Learning Lab for'],
  'MOOC platform': ['Open Courses in', 'Online Campus for', 'Learn'],
  'training centre': ['Centre for', 'Skills Centre for', 'Workshop for'],
};

/** Provider `index` (0-based) of a population. */
export function sampleProvider(seed: number, prefix: string, index: number): GeneratedProvider {
  const random = randomFor(seed, 'provider', index);
  const type = random.weighted(TYPES);
  const country = random.weighted(PROVIDER_COUNTRIES);
  const name = `${random.pick(PLACES)} ${random.pick(STEMS[type]!)} ${random.pick(TOPICS)} ${index + 1}`;
  const id = populationIds.provider(prefix, index);
  return { id, name, country, type, url: `https://provider-${index + 1}.example.org/` };
}
