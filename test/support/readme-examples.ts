/**
 * The README's ```graphql examples, each with the demo persona its `# token:` line names, and a
 * runner that checks each answers without errors and with a meaningful, non-empty answer.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One example block of the README. */
export interface ReadmeExample {
  readonly query: string;
  /** Demo persona (`learner`, `advisor`, `portal`) or null for an anonymous call. */
  readonly persona: string | null;
  /** The block's first comment line, to name it in failures. */
  readonly title: string;
}

/** Every ```graphql block of README.md. */
export function readmeExamples(root: string): ReadmeExample[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, block]) => {
    const persona = /^# token: npm run token -- --demo (\w+)/m.exec(block!)?.[1] ?? null;
    const title =
      block!.split('\n').find((line) => line.startsWith('#') && !line.startsWith('# token:')) ?? block!.slice(0, 60);
    return { query: block!, persona, title };
  });
}

/** Posts one example to `url`, with the token `tokenFor` gives for its persona (as `npm run token -- --demo <persona>` prints it). */
export async function runExample(
  url: string,
  example: ReadmeExample,
  tokenFor: (persona: string) => string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (example.persona !== null) headers.authorization = `Bearer ${tokenFor(example.persona)}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: example.query }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** True when `value` holds at least one non-empty list or a non-null scalar at every leaf path taken. */
export function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (typeof value === 'object') return Object.values(value).some(hasContent);
  return true;
}
