/** The page's only way to the API: POST /graphql on this origin, the API's own messages on failure. */

/** A failed call, carrying the API's messages and codes as a person should read them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Posts one operation; resolves `data`, or rejects with the API's first error(s). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The API cannot be reached. Is credgraph running?', 'NETWORK');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without a GraphQL response.`, undefined);
  }
  if (body.errors?.length) {
    const messages = [...new Set(body.errors.map((e) => e.message))].join(' · ');
    throw new ApiError(messages, body.errors[0]!.extensions?.code);
  }
  return body.data as T;
}

/** Demo sign-in (development only): a persona's token. */
export async function devSignIn(persona: 'advisor' | 'portal' | 'learner'): Promise<string> {
  const response = await fetch(`/dev/sign-in?persona=${persona}`, { method: 'POST' });
  if (response.status === 404)
    throw new ApiError(
      'Demo sign-in is off on this server (it is never available in production). Paste a token instead.',
      'NOT_FOUND',
    );
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token)
    throw new ApiError(body.error ?? `sign-in failed (HTTP ${response.status})`, undefined);
  return body.token;
}
