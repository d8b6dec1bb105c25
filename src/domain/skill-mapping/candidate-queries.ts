/**
 * Plans the full-text look-ups that gather candidate skills for a text. Every window of one to
 * three consecutive content words becomes one Lucene query over the label index, so a label
 * sharing a specific phrase with the text is found even when the whole text would drown it; one
 * query over labels and descriptions adds skills described, rather than named, by the text.
 * Ranking happens afterwards (see `rankCandidates`); these queries only have to find.
 */
import { BadInputError } from '../errors';
import type { LabelVocabulary } from './label-vocabulary';
import { contentTokens, type Token } from './text-tokens';

/** One query over the `skill_labels` index. */
export interface LabelQuery {
  readonly query: string;
  readonly limit: number;
}

/** The look-ups of one text. */
export interface CandidatePlan {
  /** Queries over preferred/alternative/hidden labels (`skill_labels`). */
  readonly labelQueries: readonly LabelQuery[];
  /** One query over labels and descriptions (`skill_text`). */
  readonly textQuery: string;
  readonly textLimit: number;
}

/** Limits of the plan; the defaults were tuned on the validation sentences. */
export interface CandidatePlanOptions {
  readonly maxWindow: number;
  readonly windowLimits: readonly number[];
  readonly wholeTextLimit: number;
  readonly descriptionLimit: number;
  /** Caps the number of label queries for long texts (later windows are dropped first). */
  readonly maxLabelQueries: number;
  /** Content words considered (a course description can be long). */
  readonly maxTokens: number;
  /** Word forms asked per word. */
  readonly maxForms: number;
}

/** Limits used by the service. */
export const DEFAULT_CANDIDATE_PLAN: CandidatePlanOptions = {
  maxWindow: 3,
  windowLimits: [25, 25, 15],
  wholeTextLimit: 50,
  descriptionLimit: 50,
  maxLabelQueries: 250,
  maxTokens: 120,
  maxForms: 12,
};

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

function escapeTerm(term: string): string {
  return term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * The Lucene clause of one word over the label index: the word and every word of the ESCO labels
 * sharing its stem. The index does not stem, so "budget" must be asked as "budget OR budgets" to
 * reach "manage budgets"; naming the forms (rather than a prefix query) keeps Lucene's term
 * weighting, so the shortest and most specific labels come first.
 */
export function labelWordClause(token: Token, vocabulary: LabelVocabulary, maxForms: number): string {
  const forms = [...new Set([token.word, ...vocabulary.forms(token.stem).slice(0, maxForms)])].map(escapeTerm);
  return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
}

/**
 * The clause of one word over labels and descriptions: the word, or any word starting with its
 * stem, since descriptions use words no label does. (Naming the label forms here instead was
 * measured worse: the description query's role is recall of the unnamed, not precision.)
 */
export function textWordClause(token: Token): string {
  const word = escapeTerm(token.word);
  if (/^\p{L}+$/u.test(token.stem) && token.stem.length >= 4) return `(${word} OR ${escapeTerm(token.stem)}*)`;
  return word;
}

/**
 * Plans the candidate look-ups of a text.
 *
 * @throws BadInputError when the text holds no content word.
 * @example
 * planCandidateQueries('web development', vocabulary).labelQueries.map((q) => q.query)
 * // ['web', '(development OR develop)', '+web +(development OR develop)', 'web OR (development OR develop)']
 */
export function planCandidateQueries(text: string, vocabulary: LabelVocabulary, options: CandidatePlanOptions = DEFAULT_CANDIDATE_PLAN): CandidatePlan {
  const tokens = dedupeAdjacent(contentTokens(text)).slice(0, options.maxTokens);
  if (tokens.length === 0) throw new BadInputError('The text must contain at least one word that can name a skill', { text: text.slice(0, 200) });
  const clauses = tokens.map((token) => labelWordClause(token, vocabulary, options.maxForms));
  const seen = new Set<string>();
  const labelQueries: LabelQuery[] = [];
  for (let size = 1; size <= options.maxWindow; size += 1) {
    for (let start = 0; start + size <= tokens.length; start += 1) {
      const window = clauses.slice(start, start + size);
      const key = tokens.slice(start, start + size).map((t) => t.stem).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const query = size === 1 ? window[0]! : window.map((clause) => `+${clause}`).join(' ');
      labelQueries.push({ query, limit: options.windowLimits[size - 1] ?? options.windowLimits.at(-1)! });
    }
  }
  const queries = labelQueries.slice(0, options.maxLabelQueries);
  // Lucene refuses a query of more than 1024 clauses once prefixes are expanded (up to 16 terms
  // each), so whole-text queries keep the rarest words of a long text and fewer forms per word.
  const distinct = distinctStems(tokens);
  if (tokens.length > 1) {
    queries.push({ query: rarest(distinct, vocabulary, WHOLE_TEXT_WORDS).map((t) => labelWordClause(t, vocabulary, WHOLE_TEXT_FORMS)).join(' OR '), limit: options.wholeTextLimit });
  }
  const textQuery = rarest(distinct, vocabulary, DESCRIPTION_WORDS).map(textWordClause).join(' OR ');
  return { labelQueries: queries, textQuery, textLimit: options.descriptionLimit };
}

const WHOLE_TEXT_WORDS = 80;
const WHOLE_TEXT_FORMS = 4;
const DESCRIPTION_WORDS = 40;

/** The `max` rarest tokens, in text order. */
function rarest(tokens: Token[], vocabulary: LabelVocabulary, max: number): Token[] {
  if (tokens.length <= max) return tokens;
  const keep = new Set([...tokens].sort((a, b) => vocabulary.idf(b.stem) - vocabulary.idf(a.stem)).slice(0, max));
  return tokens.filter((t) => keep.has(t));
}

function distinctStems(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.stem) && seen.add(t.stem));
}

function dedupeAdjacent(tokens: Token[]): Token[] {
  return tokens.filter((token, i) => i === 0 || tokens[i - 1]!.stem !== token.stem);
}
