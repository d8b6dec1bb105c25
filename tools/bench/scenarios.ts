/**
 * The benchmark scenarios: one GraphQL operation each, with a pool of varied variables (different
 * occupations, learners, postings, search texts) drawn from the population with a seeded PRNG, so
 * a run never measures one cached request and two runs measure the same requests.
 */
import { Random } from '../../src/generate/random';
import { populationIds } from '../../src/generate/population-options';
import type { SampleSpace } from '../../src/generate/sample-space';
import type { ScenarioName } from './bench-options';

/** One scenario: an operation and the variables of its request pool. */
export interface Scenario {
  readonly name: ScenarioName | 'browse@neo4j-graphql';
  readonly query: string;
  readonly operationName: string;
  readonly pool: readonly Record<string, unknown>[];
  /** Target median latency at concurrency 16, in ms (none: reported only). */
  readonly targetMedianMs: number | null;
}

/** The credgraph browse operation, as the brief states it. */
export const BROWSE_QUERY = `query Browse($uri: ID!) {
  occupation(uri: $uri) {
    essentialSkills(first: 20) { nodes { preferredLabel taughtBy(first: 3) { nodes { title provider { name } } } } }
  }
}`;

const QUERIES: Readonly<Record<ScenarioName, { query: string; operationName: string; targetMedianMs: number | null }>> = {
  browse: { query: BROWSE_QUERY, operationName: 'Browse', targetMedianMs: 10 },
  searchSkills: {
    operationName: 'SearchSkills',
    query: 'query SearchSkills($text: String!) { searchSkills(text: $text, first: 10) { uri preferredLabel } }',
    targetMedianMs: null,
  },
  coverage: {
    operationName: 'Coverage',
    query: `query Coverage($learnerId: ID!, $occupationUri: ID!) {
  coverage(subject: { learnerId: $learnerId }, target: { occupationUri: $occupationUri }) {
    score essentialCoverage optionalCoverage
    counts { essential { covered partial missing } optional { covered partial missing } }
    requirements { skill { uri preferredLabel } relation status credit matchKind }
  }
}`,
    targetMedianMs: 15,
  },
  rankOccupations: {
    operationName: 'RankOccupations',
    query: `query RankOccupations($learnerId: ID!) {
  rankOccupations(subject: { learnerId: $learnerId }, first: 10) { totalCount nodes { occupation { uri preferredLabel } score essentialCoverage } }
}`,
    targetMedianMs: 100,
  },
  rankCandidates: {
    operationName: 'RankCandidates',
    query: `query RankCandidates($postingId: ID!) {
  rankCandidates(target: { jobPostingId: $postingId }, first: 10) { totalCount nodes { displayName score essentialCoverage } }
}`,
    targetMedianMs: 300,
  },
  recommendCourses: {
    operationName: 'RecommendCourses',
    query: `query RecommendCourses($learnerId: ID!, $occupationUri: ID!) {
  recommendCourses(subject: { learnerId: $learnerId }, target: { occupationUri: $occupationUri }) {
    status optimal solver objectiveValue lowerBound totalHours steps { order credential { id title } }
  }
}`,
    targetMedianMs: 150,
  },
  reskillingPaths: {
    operationName: 'ReskillingPaths',
    query: `query ReskillingPaths($learnerId: ID!) {
  reskillingPaths(subject: { learnerId: $learnerId }, first: 5, candidates: 20) {
    occupation { uri preferredLabel } reachesFullCoverage plan { objectiveValue optimal steps { credential { id } } }
  }
}`,
    targetMedianMs: null,
  },
};

/** What pools are drawn from. */
export interface PoolSource {
  readonly space: SampleSpace;
  readonly prefix: string;
  readonly learners: number;
  readonly postings: number;
  readonly seed: number;
  readonly size: number;
}

/** A search text as a user would type it: one or two words of a skill label. */
function searchText(random: Random, label: string): string {
  const words = label.split(/[^A-Za-z]+/).filter((w) => w.length >= 3);
  if (words.length === 0) return label;
  const start = random.int(0, words.length - 1);
  return words.slice(start, start + (random.chance(0.4) ? 2 : 1)).join(' ');
}

/** Occupation URIs with essential skills, drawn uniformly. */
export function sampleOccupationUris(space: SampleSpace, random: Random, count: number): string[] {
  const withEssentials = space.occupations.filter((o) => o.essential.length > 0);
  return Array.from({ length: count }, () => random.pick(withEssentials).uri);
}

/** The variables pool of a scenario. */
export function buildPool(name: ScenarioName, source: PoolSource): Record<string, unknown>[] {
  const random = new Random(source.seed * 7919 + name.length * 104729 + name.charCodeAt(0));
  const learner = () => populationIds.learner(source.prefix, random.int(0, source.learners - 1));
  const occupations = sampleOccupationUris(source.space, random, source.size);
  const labels = [...source.space.skillLabels.values()];
  return Array.from({ length: source.size }, (_, i): Record<string, unknown> => {
    switch (name) {
      case 'browse':
        return { uri: occupations[i] };
      case 'searchSkills':
        return { text: searchText(random, random.pick(labels)) };
      case 'coverage':
      case 'recommendCourses':
        return { learnerId: learner(), occupationUri: occupations[i] };
      case 'rankOccupations':
      case 'reskillingPaths':
        return { learnerId: learner() };
      case 'rankCandidates':
        return { postingId: populationIds.posting(source.prefix, random.int(0, source.postings - 1)) };
    }
  });
}

/** The scenario `name` with its pool. */
export function buildScenario(name: ScenarioName, source: PoolSource): Scenario {
  const spec = QUERIES[name];
  return { name, query: spec.query, operationName: spec.operationName, targetMedianMs: spec.targetMedianMs, pool: buildPool(name, source) };
}
