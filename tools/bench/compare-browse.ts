/**
 * Checks that credgraph and @neo4j/graphql return the same browse data for sampled occupations:
 * the same essential skills in the same order (label, then URI), each with the same first three
 * teaching credentials (title, then id) and their providers. Orders are compared exactly; when
 * they differ, the lists are also compared as sets, to tell an ordering difference from a data one.
 */
import { graphqlBody, postGraphql } from './post-graphql';

const CREDGRAPH_CHECK = `query BrowseCheck($uri: ID!) {
  occupation(uri: $uri) {
    essentialSkills(first: 20) { nodes { uri preferredLabel taughtBy(first: 3) { nodes { id title provider { name } } } } }
  }
}`;

const NEO4J_GRAPHQL_CHECK = `query BrowseCheck($uri: ID!) {
  occupations(where: { uri: { eq: $uri } }) {
    skillsConnection(where: { edge: { relation: { eq: "ESSENTIAL" } } }, first: 20, sort: [{ node: { preferredLabel: ASC } }, { node: { uri: ASC } }]) {
      edges { node { uri preferredLabel taughtBy(limit: 3, sort: [{ title: ASC }, { id: ASC }]) { id title provider { name } } } }
    }
  }
}`;

/** A browse answer reduced to comparable values. */
interface BrowseSkill {
  readonly uri: string;
  readonly label: string;
  readonly credentials: readonly string[];
}

/** The outcome of the comparison. */
export interface BrowseComparison {
  readonly occupations: number;
  /** Same skills and credentials in the same order. */
  readonly identical: number;
  /** Same skills and credentials, order aside. */
  readonly sameAsSets: number;
  /** Non-empty answers among the compared (occupations with essential skills). */
  readonly nonEmpty: number;
  readonly differences: readonly { readonly uri: string; readonly credgraph: string; readonly neo4jGraphql: string }[];
}

type CredgraphData = {
  occupation: {
    essentialSkills: {
      nodes: {
        uri: string;
        preferredLabel: string;
        taughtBy: { nodes: { id: string; title: string; provider: { name: string } | null }[] };
      }[];
    };
  } | null;
};
type Neo4jGraphqlData = {
  occupations: {
    skillsConnection: {
      edges: {
        node: {
          uri: string;
          preferredLabel: string;
          taughtBy: { id: string; title: string; provider: { name: string }[] }[];
        };
      }[];
    };
  }[];
};

function credentialKey(id: string, title: string, provider: string | undefined): string {
  return `${id}|${title}|${provider ?? ''}`;
}

const canonical = (skills: readonly BrowseSkill[]) => JSON.stringify(skills);
const asSet = (skills: readonly BrowseSkill[]) =>
  JSON.stringify(
    skills.map((s) => ({ ...s, credentials: [...s.credentials].sort() })).sort((a, b) => (a.uri < b.uri ? -1 : 1)),
  );

/** Compares the two servers on `uris`. */
export async function compareBrowse(
  credgraphUrl: string,
  neo4jGraphqlUrl: string,
  uris: readonly string[],
): Promise<BrowseComparison> {
  let identical = 0;
  let sameAsSets = 0;
  let nonEmpty = 0;
  const differences: { uri: string; credgraph: string; neo4jGraphql: string }[] = [];
  for (const uri of uris) {
    const [ours, theirs] = await Promise.all([
      postGraphql<CredgraphData>(credgraphUrl, graphqlBody(CREDGRAPH_CHECK, { uri })),
      postGraphql<Neo4jGraphqlData>(neo4jGraphqlUrl, graphqlBody(NEO4J_GRAPHQL_CHECK, { uri })),
    ]);
    if (ours.errors || theirs.errors)
      throw new Error(`browse check failed for ${uri}: ${JSON.stringify(ours.errors ?? theirs.errors)}`);
    const a: BrowseSkill[] = (ours.data?.occupation?.essentialSkills.nodes ?? []).map((s) => ({
      uri: s.uri,
      label: s.preferredLabel,
      credentials: s.taughtBy.nodes.map((c) => credentialKey(c.id, c.title, c.provider?.name)),
    }));
    const b: BrowseSkill[] = (theirs.data?.occupations[0]?.skillsConnection.edges ?? []).map(({ node: s }) => ({
      uri: s.uri,
      label: s.preferredLabel,
      credentials: s.taughtBy.map((c) => credentialKey(c.id, c.title, c.provider[0]?.name)),
    }));
    if (a.length > 0) nonEmpty += 1;
    const same = canonical(a) === canonical(b);
    if (same) identical += 1;
    if (asSet(a) === asSet(b)) sameAsSets += 1;
    if (!same && differences.length < 5)
      differences.push({ uri, credgraph: canonical(a).slice(0, 400), neo4jGraphql: canonical(b).slice(0, 400) });
  }
  return { occupations: uris.length, identical, sameAsSets, nonEmpty, differences };
}
