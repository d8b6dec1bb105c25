/**
 * Small probes the security tests share: reading the graph directly (to check what a mutation
 * really wrote, independently of the API's answer) and reducing an answer to its error code.
 */
import type { TestServer } from './test-server';

/** Runs one Cypher statement on the test server's database and returns plain row objects. */
export async function readGraph(
  server: TestServer,
  query: string,
  params: Record<string, unknown> = {},
): Promise<any[]> {
  const res = await server.db.driver.executeQuery(query, params);
  return res.records.map((r) => r.toObject());
}

/**
 * The first error's `extensions.code`, or `OK` when the answer has no error.
 *
 * @example
 * errorCodeOf({ errors: undefined }) // 'OK'
 */
export function errorCodeOf(res: { errors?: { extensions?: { code?: string } }[] | undefined }): string {
  return res.errors === undefined ? 'OK' : String(res.errors[0]?.extensions?.code);
}
