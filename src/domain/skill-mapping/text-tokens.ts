/**
 * Words of a skill text as the matcher sees them: lower-cased, NFC, split on anything but letters
 * and digits (keeping technology names such as "c#", "c++", "node.js" whole), with a Porter stem
 * and a flag for words that carry no skill meaning. Labels and free text go through the same
 * function, so "developing web applications" and "develop web application" meet on the same stems.
 */
import { porterStem } from './porter-stemmer';

/** One word of a text. */
export interface Token {
  /** Lower-cased word as written (after spelling normalisation). */
  readonly word: string;
  /** Matching key: the Porter stem of the word, with British and American spellings folded. */
  readonly stem: string;
  /** True for function words and job-ad filler ("experience", "strong", ...). */
  readonly stop: boolean;
}

// Function words, plus words every job ad or course blurb uses around a skill without naming one.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her his how i if in into is it its ' +
    'may me might more most must my no nor not of on once only or other our ours out over own same shall she should so some such than that the their ' +
    'them then there these they this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours etc e g eg e.g ie i.e via per within without across among also any all each both either every least less many much few ' +
    'able ability abilities experience experienced experiences knowledge knowledgeable skill skills skilled strong solid good great excellent ' +
    'proven demonstrated proficiency proficient familiarity familiar understanding understand year years required requirement requirements ' +
    'preferred preferably plus ideally candidate candidates including include includes related relevant equivalent highly well basic ' +
    'advanced intermediate beginner beginners introduction intro course courses fundamentals fundamental essentials essential applied ' +
    'level levels new using use used like likes looking seek seeking someone'
  ).split(' '),
);

// Written in capitals for emphasis, these stay function words.
const CONNECTIVES = new Set([
  'and',
  'or',
  'not',
  'the',
  'of',
  'to',
  'in',
  'for',
  'with',
  'a',
  'an',
  'as',
  'at',
  'on',
  'by',
]);

// Tokens keep "#", "++" and inner dots so "c#", "c++", "asp.net" and "node.js" stay one word.
// Only Latin-script words: the labels are English, and a run of CJK characters (no spaces between
// words) would reach Lucene as one "word" its analyser splits into hundreds of clauses.
const TOKEN = /[\p{Script=Latin}\p{N}]+(?:\.[\p{Script=Latin}\p{N}]+)*(?:\+\+|#)?/gu;
// Longer "words" are URLs, hashes or glued text; no skill is named that way.
const MAX_WORD_LENGTH = 40;
// Anonymisation markers such as "<ORGANIZATION>" in job-ad corpora.
const PLACEHOLDER = /<[A-Z_]+>/g;

/** Folds the -ise/-ize and -yse/-yze spellings (ESCO writes British English). */
function foldSpelling(word: string): string {
  return word
    .replace(/^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$/u, '$1iz$2')
    .replace(/^(\p{L}{2,})yz(e|es|ed|ing|er|ers)$/u, '$1ys$2');
}

/** The stem a word is matched on. */
export function stemOf(word: string): string {
  const stem = porterStem(foldSpelling(word));
  // "analysis" stems to "analysi" but "analyse" to "analys"; one stem for both.
  return stem.length > 4 && stem.endsWith('si') ? stem.slice(0, -1) : stem;
}

/** True when the (lower-case) word carries no skill meaning on its own. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || (word.length === 1 && !/[\p{N}]/u.test(word) && word !== 'c' && word !== 'r');
}

// Stemming dominates indexing the ~120k ESCO labels and descriptions, whose words repeat; the
// cache is bounded (cleared when full) so arbitrary request text cannot grow it without limit.
const FORMS_CACHE = new Map<string, { word: string; stem: string; stop: boolean }>();
const FORMS_CACHE_MAX = 200_000;

function wordForms(lower: string): { word: string; stem: string; stop: boolean } {
  let forms = FORMS_CACHE.get(lower);
  if (!forms) {
    if (FORMS_CACHE.size >= FORMS_CACHE_MAX) FORMS_CACHE.clear();
    forms = { word: foldSpelling(lower), stem: stemOf(lower), stop: isStopWord(lower) };
    FORMS_CACHE.set(lower, forms);
  }
  return forms;
}

/**
 * Splits a text into tokens. Compatibility forms are folded first (NFKC): full-width letters,
 * ligatures and the like read as the plain word, so "ｊａｖａ" or "ﬁnance" match "java" and
 * "finance" (of ESCO's 50,709 labels, NFKC changes only 50, each a no-break space).
 *
 * @example
 * tokenize('Developing C# and Node.js apps').map((t) => t.stem) // ['develop', 'c#', 'and', 'node.js', 'app']
 */
export function tokenize(text: string): Token[] {
  const cleaned = text.normalize('NFKC').replace(PLACEHOLDER, ' ');
  // An upper-case word in mixed-case text is a name ("LESS", "IT"), never filler.
  const mixedCase = /\p{Ll}/u.test(cleaned);
  return [...cleaned.matchAll(TOKEN)]
    .filter(([raw]) => raw.length <= MAX_WORD_LENGTH)
    .map(([raw]) => {
      const lower = raw.toLowerCase();
      const acronym =
        mixedCase && raw.length >= 2 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw) && !CONNECTIVES.has(lower);
      const forms = wordForms(lower);
      return { word: forms.word, stem: forms.stem, stop: !acronym && forms.stop };
    });
}

/** The tokens that carry meaning. */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter((token) => !token.stop);
}
