/**
 * The benchmark scenarios: one GraphQL operation each, with a pool of varied variables (different
 * occupations, learners, postings, search texts) drawn from the population with a seeded PRNG, so
 * a run never measures one cached request and two runs measure the same requests.
 */
import { Random } from '../../src/generate/random';
import { populationIds } from '../../src/generate/population-options';
import { samplePosting } from '../../src/generate/sample-posting';
import type { SampleSpace } from '../../src/generate/sample-space';
import type { ScenarioName } from './bench-options';

/** Who sends a request: nobody (public data), the learner it is about, or the posting's portal. */
export type RequestAuth =
  | { readonly role: 'ANONYMOUS' }
  | { readonly role: 'LEARNER'; readonly learnerId: string }
  | { readonly role: 'PORTAL'; readonly portalId: string };

/** One request of a pool: its variables and its caller. */
export interface PoolRequest {
  readonly variables: Record<string, unknown>;
  readonly auth: RequestAuth;
}

/** One scenario: an operation and its request pool. */
export interface Scenario {
  readonly name: ScenarioName | 'browse@neo4j-graphql';
  readonly query: string;
  readonly operationName: string;
  readonly pool: readonly PoolRequest[];
  /** Target median latency at concurrency 16, in ms (none: reported only). */
  readonly targetMedianMs: number | null;
}

/** The credgraph browse operation, as the brief states it. */
export const BROWSE_QUERY = `query Browse($uri: ID!) {
  occupation(uri: $uri) {
    essentialSkills(first: 20) { nodes { preferredLabel taughtBy(first: 3) { nodes { title provider { name } } } } }
  }
}`;

/** reskillingPaths over the `candidates` closest occupations (20 in the table, 200 in the heavy phase). */
const RESKILLING_QUERY = (candidates: number) => `query ReskillingPaths($learnerId: ID!) {
  reskillingPaths(subject: { learnerId: $learnerId }, first: 5, candidates: ${candidates}) {
    occupation { uri preferredLabel } reachesFullCoverage
    plan { objectiveValue optimal solveMillis coverageAfter { score essentialCoverage } steps { credential { id } } }
  }
}`;

const QUERIES: Readonly<Record<ScenarioName, { query: string; operationName: string; targetMedianMs: number | null }>> =
  {
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
    status optimal solver objectiveValue lowerBound totalHours solveMillis
    coverageAfter { score essentialCoverage } steps { order credential { id title } }
  }
}`,
      targetMedianMs: 150,
    },
    nextCourses: {
      operationName: 'NextCourses',
      query: `query NextCourses($learnerId: ID!, $occupationUri: ID!) {
  nextCourses(subject: { learnerId: $learnerId }, target: { occupationUri: $occupationUri }, first: 5) {
    credential { id } cost coverageGain scoreGain gainPerCost
  }
}`,
      targetMedianMs: null,
    },
    reskillingPaths: {
      operationName: 'ReskillingPaths',
      query: RESKILLING_QUERY(20),
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

/**
 * The request pool of a scenario. Learner operations are sent by that learner (their own token),
 * rankCandidates by the portal owning the posting, public reads anonymously: the access guard
 * runs as in production.
 */
export function buildPool(name: ScenarioName, source: PoolSource): PoolRequest[] {
  const random = new Random(source.seed * 7919 + name.length * 104729 + name.charCodeAt(0));
  const anonymous: RequestAuth = { role: 'ANONYMOUS' };
  const learner = () => populationIds.learner(source.prefix, random.int(0, source.learners - 1));
  const occupations = sampleOccupationUris(source.space, random, source.size);
  const labels = [...source.space.skillLabels.values()];
  return Array.from({ length: source.size }, (_, i): PoolRequest => {
    switch (name) {
      case 'browse':
        return { variables: { uri: occupations[i] }, auth: anonymous };
      case 'searchSkills':
        return { variables: { text: searchText(random, random.pick(labels)) }, auth: anonymous };
      case 'coverage':
      case 'recommendCourses':
      case 'nextCourses': {
        const learnerId = learner();
        return { variables: { learnerId, occupationUri: occupations[i] }, auth: { role: 'LEARNER', learnerId } };
      }
      case 'rankOccupations':
      case 'reskillingPaths': {
        const learnerId = learner();
        return { variables: { learnerId }, auth: { role: 'LEARNER', learnerId } };
      }
      case 'rankCandidates': {
        const index = random.int(0, source.postings - 1);
        // The posting's portal is recomputed from the generator (same seed, same sample space).
        const posting = samplePosting(source.seed, source.prefix, index, source.space);
        return { variables: { postingId: posting.id }, auth: { role: 'PORTAL', portalId: posting.portalId } };
      }
      default:
        throw new Error(`unknown scenario ${String(name satisfies never)}`);
    }
  });
}

/** The scenario `name` with its pool. */
export function buildScenario(name: ScenarioName, source: PoolSource): Scenario {
  const spec = QUERIES[name];
  return {
    name,
    query: spec.query,
    operationName: spec.operationName,
    targetMedianMs: spec.targetMedianMs,
    pool: buildPool(name, source),
  };
}

/**
 * reskillingPaths over `candidates` occupations: the heavy plan of the event-loop phase (the
 * issue's freeze was `candidates: 200`). Same learners as the reskillingPaths scenario.
 */
export function buildHeavyPlanScenario(candidates: number, source: PoolSource): Scenario {
  return {
    ...buildScenario('reskillingPaths', source),
    query: RESKILLING_QUERY(candidates),
    targetMedianMs: null,
  };
}

/** The scenarios of the memory measurement's mixed heavy load: ranking and planning. */
export const MIXED_HEAVY_SCENARIOS: readonly ScenarioName[] = [
  'rankOccupations',
  'rankCandidates',
  'recommendCourses',
  'reskillingPaths',
];
