/**
 * A client's text as an error message quotes it: the first characters only, so a refusal of a
 * 900 KB argument is not itself 900 KB long and does not reflect the caller's text back whole.
 */

/** Characters of a bad value that a message quotes. */
export const QUOTED_EXCERPT_CHARS = 40;

/**
 * `value` in double quotes, cut to `max` characters with its full length named when longer.
 *
 * @example
 * quotedExcerpt('12a') // '"12a"'
 * quotedExcerpt('x'.repeat(900_000)) // '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (900000 characters)'
 */
export function quotedExcerpt(value: string, max = QUOTED_EXCERPT_CHARS): string {
  if (value.length <= max) return `"${value}"`;
  return `"${value.slice(0, max)}…" (${value.length} characters)`;
}
