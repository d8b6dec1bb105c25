/**
 * Writes CSV the way the ESCO release does (RFC 4180: comma-separated, CRLF between records, a
 * field quoted only when it holds a comma, quote or line break; line breaks inside fields stay
 * as they are), so generated subsets read exactly like the release.
 */

/**
 * One CSV record with its CRLF terminator.
 *
 * @example
 * csvLine(['a', 'b,c', 'say "hi"', 'x\ny']) // 'a,"b,c","say ""hi""","x\ny"\r\n'
 */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',') + '\r\n';
}
