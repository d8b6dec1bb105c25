/**
 * The in-browser GraphQL explorer served at GET /graphql. The page inlines GraphiQL's scripts and
 * styles, so it works with no internet access (no CDN).
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

let cached: string | undefined;

/** The explorer page (rendered once; it is several megabytes). */
export function graphiqlPage(): string {
  cached ??= renderGraphiQL({
    endpoint: '/graphql',
    title: 'credgraph explorer',
    defaultQuery: `# Welcome to credgraph. Try:
{
  searchOccupations(text: "software developer", first: 3) {
    uri
    preferredLabel
    essentialSkills(first: 5) { totalCount nodes { preferredLabel } }
  }
}
`,
  } as Parameters<typeof renderGraphiQL>[0]);
  return cached;
}
