/**
 * Turns free user text into a safe Lucene query for Neo4j full-text indexes. The text travels as a
 * parameter, but Lucene still parses it: unescaped `(`, `"` or `AND` would change the query or
 * fail it, so every term is escaped and the structure is ours alone.
 */
import { BadInputError } from '../errors';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const MAX_TERMS = 32;

/** Lower-cased words of the text, without Lucene syntax. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .filter((term) => term !== '' && !['and', 'or', 'not', 'to'].includes(term))
    .slice(0, MAX_TERMS);
}

/**
 * Builds the ranked query: the whole phrase boosted, then all terms together, then each term
 * (with light fuzziness for words long enough to have typos).
 *
 * @example
 * toFullTextQuery('Software developer') // '"software developer"^4 OR (software AND developer)^2 OR software OR developer~1'
 */
export function toFullTextQuery(text: string): string {
  const terms = searchTerms(text);
  if (terms.length === 0) {
    throw new BadInputError('The search text must contain at least one word', { text });
  }
  const single = terms.map((term) => (term.length >= 8 ? `${term}~1` : term));
  if (terms.length === 1) return `${terms[0]}^2 OR ${single[0]}`;
  return [`"${terms.join(' ')}"^4`, `(${terms.join(' AND ')})^2`, ...single].join(' OR ');
}

/** The normalised key a label is stored under for exact matching (lower case, single spaces). */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
