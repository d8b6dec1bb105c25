/** One GraphQL POST over HTTP, as the benchmark's client sees it. */

/** A response: status, parsed body, the round trips credgraph reports, time taken. */
export interface GraphqlReply<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: { message: string; extensions?: { code?: string; details?: { reason?: string } } }[] | undefined;
  /** The codes of `extensions.warnings` (credgraph's PARTIAL_RESULT and the like), in order. */
  readonly warnings: readonly string[];
  /** `x-db-round-trips` (credgraph only; NaN elsewhere). */
  readonly roundTrips: number;
  readonly millis: number;
}

/** The JSON body of an operation. */
export function graphqlBody(query: string, variables: Record<string, unknown>, operationName?: string): string {
  return JSON.stringify(operationName === undefined ? { query, variables } : { query, variables, operationName });
}

/** POSTs `body` (see {@link graphqlBody}) to `url`, with an Authorization header when given. */
export async function postGraphql<T = Record<string, unknown>>(
  url: string,
  body: string,
  authorization = '',
): Promise<GraphqlReply<T>> {
  const started = performance.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(url, { method: 'POST', headers, body });
  const parsed = (await response.json()) as {
    data?: T;
    errors?: GraphqlReply<T>['errors'];
    extensions?: { warnings?: { code?: string }[] };
  };
  return {
    status: response.status,
    data: parsed.data ?? null,
    errors: parsed.errors,
    warnings: (parsed.extensions?.warnings ?? []).map((warning) => warning.code ?? ''),
    roundTrips: Number(response.headers.get('x-db-round-trips') ?? Number.NaN),
    millis: performance.now() - started,
  };
}
