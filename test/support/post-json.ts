/** A raw HTTP answer: status, headers, body text and the body parsed as a GraphQL response. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: {
    data?: any;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

/**
 * POSTs `body` as JSON to `url` and reads the whole answer, for tests that need the HTTP status,
 * headers or a body the GraphQL test client (`gql`) would not send.
 *
 * @example
 * const res = await postJson(server.url, { query: '{ __typename }' }, await bearer({ sub: 'a', roles: ['ADMIN'] }));
 * expect(res.status).toBe(200);
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: RawResponse['json'] = {};
  try {
    json = JSON.parse(text) as RawResponse['json'];
  } catch {
    // Left empty: the caller asserts on `text` or `status` for non-JSON answers.
  }
  return { status: response.status, headers: response.headers, text, json };
}
