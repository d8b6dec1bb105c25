/**
 * Turns free user text into a safe Lucene query for Neo4j full-text indexes. The text travels as a
 * parameter, but Lucene still parses it: unescaped `(`, `"` or `AND` would change the query or
 * fail it, so every term is escaped and the structure is ours alone. The query's size is bounded
 * whatever the text: at most {@link MAX_TERMS} terms of at most {@link MAX_TERM_LENGTH}
 * characters, each one analyser token, and at most {@link MAX_FUZZY_TERMS} fuzzy ones (Lucene
 * expands each into up to 50 terms), so it stays far below Lucene's 1,024-clause limit and a
 * fuzzy automaton is never built over a huge "word".
 */
import { BadInputError } from '../errors';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
// Characters the standard analyser splits words at (it keeps "node.js", "o'neil" and "a_b" whole).
const SEPARATOR = /[^\p{L}\p{N}\p{M}.'_]/gu;
// Scripts written without spaces: the analyser makes one token per character, so must we.
const PER_CHARACTER_SCRIPT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])/gu;

/** Most terms of one query (later words are ignored). */
export const MAX_TERMS = 32;
/** Longer "words" are glued text, URLs or hashes; they are ignored. */
export const MAX_TERM_LENGTH = 40;

/** What a search text without a usable word is told (longer words and and/or/not/to are dropped). */
export const NO_SEARCH_WORD_MESSAGE = `The search text must contain at least one word: letters or digits, at most ${MAX_TERM_LENGTH} characters, other than "and", "or", "not" and "to"`;
/** Most terms searched with edit distance 1. */
export const MAX_FUZZY_TERMS = 8;
const FUZZY_MIN_LENGTH = 8;

/** Lower-cased words of the text (compatibility forms folded, NFKC), without Lucene syntax. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .replace(SEPARATOR, ' ')
    .replace(PER_CHARACTER_SCRIPT, ' $1 ')
    .split(/\s+/)
    .filter(
      (term) =>
        /[\p{L}\p{N}]/u.test(term) && term.length <= MAX_TERM_LENGTH && !['and', 'or', 'not', 'to'].includes(term),
    )
    .slice(0, MAX_TERMS);
}

/**
 * Builds the ranked query: the whole phrase boosted, then all terms together, then each term
 * (with light fuzziness for words long enough to have typos).
 *
 * @example
 * toFullTextQuery('Software developer') // '"software developer"^4 OR (software AND developer)^2 OR software~1 OR developer~1'
 */
export function toFullTextQuery(text: string): string {
  const terms = searchTerms(text);
  if (terms.length === 0) {
    throw new BadInputError(NO_SEARCH_WORD_MESSAGE, {
      field: 'text',
      value: text.slice(0, 200),
    });
  }
  let fuzzy = 0;
  const single = terms.map((term) =>
    term.length >= FUZZY_MIN_LENGTH && fuzzy++ < MAX_FUZZY_TERMS ? `${term}~1` : term,
  );
  if (terms.length === 1) return `${terms[0]}^2 OR ${single[0]}`;
  return [`"${terms.join(' ')}"^4`, `(${terms.join(' AND ')})^2`, ...single].join(' OR ');
}

/** The normalised key a label is stored under for exact matching (NFKC, lower case, single spaces). */
export function labelKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
