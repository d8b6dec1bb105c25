/**
 * The browse scenario served by @neo4j/graphql over the same database, for a side-by-side: minimal
 * type definitions for Occupation, Skill, MicroCredential and Provider whose `@relationship`
 * directives follow credgraph's relationship types, REQUIRES carrying its `relation` property,
 * on a plain Apollo standalone server.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';

/** Type definitions matching the graph model (only what browsing needs). */
export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Occupation @node {
    uri: ID!
    preferredLabel: String!
    skills: [Skill!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Requires")
  }
  type Requires @relationshipProperties {
    relation: String!
  }
  type Skill @node {
    uri: ID!
    preferredLabel: String!
    taughtBy: [MicroCredential!]! @relationship(type: "TEACHES", direction: IN)
  }
  type MicroCredential @node {
    id: ID!
    title: String!
    provider: [Provider!]! @relationship(type: "AWARDED_BY", direction: OUT)
  }
  type Provider @node {
    id: ID!
    name: String!
  }
`;

/**
 * The browse operation in @neo4j/graphql's dialect: the same fields, the essential skills as the
 * REQUIRES edges filtered on `relation`, ordered by label then URI, credentials by title then id,
 * with the same page sizes (a connection `first` for skills, `limit` for credentials).
 */
export const NEO4J_GRAPHQL_BROWSE_QUERY = `query Browse($uri: ID!) {
  occupations(where: { uri: { eq: $uri } }) {
    skillsConnection(
      where: { edge: { relation: { eq: "ESSENTIAL" } } }
      first: 20
      sort: [{ node: { preferredLabel: ASC } }, { node: { uri: ASC } }]
    ) {
      edges { node { preferredLabel taughtBy(limit: 3, sort: [{ title: ASC }, { id: ASC }]) { title provider { name } } } }
    }
  }
}`;

/** A running @neo4j/graphql server. */
export interface Neo4jGraphqlServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts @neo4j/graphql on a free port over its own driver to `uri`. */
export async function startNeo4jGraphqlServer(uri: string): Promise<Neo4jGraphqlServer> {
  // Its own driver with the library's defaults (it expects driver Integers, not JS numbers).
  const driver: Driver = neo4j.driver(uri, undefined, {
    maxConnectionPoolSize: 50,
    userAgent: 'credgraph-bench-neo4j-graphql',
  });
  const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(apollo, { listen: { host: '127.0.0.1', port: 0 } });
  return {
    url,
    async close() {
      await apollo.stop();
      await driver.close();
    },
  };
}
