/**
 * The in-browser GraphQL explorer served at GET /graphql. The page inlines GraphiQL's scripts and
 * styles, so it works with no internet access (no CDN).
 */
let cached: string | undefined;

/**
 * Headers of the page: never framed (clickjacking of a signed-in explorer), no type sniffing, no
 * referrer. No script policy: the page's scripts are inline by design.
 */
export const GRAPHIQL_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The explorer page (rendered once; it is several megabytes). Its module is loaded on the first
 * request for it, not at start: the module's source is 9 MB of inlined scripts, which V8 keeps in
 * the heap for as long as the module is loaded, and production serves no explorer by default.
 */
export async function graphiqlPage(): Promise<string> {
  if (cached !== undefined) return cached;
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
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
