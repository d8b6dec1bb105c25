/**
 * A small synthetic ESCO sample space for generator unit tests: 40 occupations over 300 skills
 * with a skill hierarchy, built through the same `buildSampleSpace` the generator uses.
 */
import { buildSampleSpace, type SampleSpace } from '../../../src/generate/sample-space';

const skill = (i: number) => `http://data.europa.eu/esco/skill/s-${String(i).padStart(4, '0')}`;

/** The fixture space for a seed (popularity weights depend on it). */
export function fixtureSpace(seed = 1): SampleSpace {
  const occupations = Array.from({ length: 40 }, (_, o) => ({
    uri: `http://data.europa.eu/esco/occupation/o-${String(o).padStart(3, '0')}`,
    label: `occupation ${o}`,
    // Occupation o requires a window of skills; neighbours overlap, as in ESCO.
    essential: Array.from({ length: 3 + (o % 9) }, (_, k) => skill((o * 7 + k) % 300)),
    optional: Array.from({ length: o % 4 === 0 ? 0 : 2 + (o % 11) }, (_, k) => skill((o * 7 + 50 + k) % 300)),
  }));
  // Two occupations too small to seed a credential: the space must drop them.
  occupations.push({
    uri: 'http://data.europa.eu/esco/occupation/tiny',
    label: 'tiny',
    essential: [skill(1)],
    optional: [skill(2)],
  });
  const links = Array.from({ length: 290 }, (_, i) => ({
    narrowerUri: skill(i + 10),
    broaderUri: skill(Math.floor(i / 3)),
  }));
  const labels = Array.from({ length: 300 }, (_, i) => ({ uri: skill(i), label: `skill label ${i}` }));
  return buildSampleSpace(seed, occupations, links, labels);
}
