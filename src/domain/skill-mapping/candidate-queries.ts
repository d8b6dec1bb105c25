/**
 * Plans the full-text look-ups that gather candidate skills for a text. Every window of one to
 * three consecutive content words becomes one Lucene query over the label index, so a label
 * sharing a specific phrase with the text is found even when the whole text would drown it; one
 * query over labels and descriptions adds skills described, rather than named, by the text.
 * Ranking happens afterwards (see `scoreCandidates`); these queries only have to find.
 */
import { BadInputError } from '../errors';
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
}

export const DEFAULT_CANDIDATE_PLAN: CandidatePlanOptions = {
  maxWindow: 3,
  windowLimits: [25, 25, 15],
  wholeTextLimit: 50,
  descriptionLimit: 50,
  maxLabelQueries: 150,
  maxTokens: 60,
};

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

function escapeTerm(term: string): string {
  return term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * The Lucene clause of one word: the word itself, or any indexed word starting with its stem
 * (the index does not stem, so "develop*" is what finds "developer" and "development").
 */
export function wordClause(token: Token): string {
  if (/^\p{L}+$/u.test(token.word) && token.stem.length >= 4 && token.stem !== token.word) {
    return `(${escapeTerm(token.word)} OR ${escapeTerm(token.stem)}*)`;
  }
  if (/^\p{L}+$/u.test(token.word) && token.word.length >= 4) return `(${escapeTerm(token.word)} OR ${escapeTerm(token.word)}*)`;
  return escapeTerm(token.word);
}

/**
 * Plans the candidate look-ups of a text.
 *
 * @throws BadInputError when the text holds no content word.
 * @example
 * planCandidateQueries('web development').labelQueries.map((q) => q.query)
 * // ['(web OR web*)', '(development OR develop*)', '+(web OR web*) +(development OR develop*)']
 */
export function planCandidateQueries(text: string, options: CandidatePlanOptions = DEFAULT_CANDIDATE_PLAN): CandidatePlan {
  const tokens = dedupeAdjacent(contentTokens(text)).slice(0, options.maxTokens);
  if (tokens.length === 0) throw new BadInputError('The text must contain at least one word that can name a skill', { text: text.slice(0, 200) });
  const clauses = tokens.map(wordClause);
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
  const distinctClauses = [...new Set(clauses)];
  const whole = distinctClauses.join(' OR ');
  const queries = labelQueries.slice(0, options.maxLabelQueries);
  if (tokens.length > 1) queries.push({ query: whole, limit: options.wholeTextLimit });
  return { labelQueries: queries, textQuery: whole, textLimit: options.descriptionLimit };
}

function dedupeAdjacent(tokens: Token[]): Token[] {
  return tokens.filter((token, i) => i === 0 || tokens[i - 1]!.stem !== token.stem);
}
