import type { LinearModel } from './linear-model';

/** CPLEX LP text for a {@link LinearModel}, plus the name given to each column. */
export interface LpText {
  readonly text: string;
  /** `columnNames[i]` is the LP name of `model.columns[i]`. */
  readonly columnNames: readonly string[];
}

const TERMS_PER_LINE = 8;

/**
 * Renders `model` as CPLEX LP text. Names are generated, never taken from data: columns are
 * `x0, x1, …` and `y0, y1, …` numbered per kind, rows `r0, r1, …`. Every column appears in the
 * objective (with coefficient 0 if need be) so that the parser declares it, and long sums are
 * wrapped because LP readers may limit line length. With `relax`, `x` columns are continuous
 * in [0, 1] (the LP relaxation); otherwise they are binary. Throws a plain `Error` on
 * non-finite numbers, which would be a programming error upstream.
 *
 * @example
 * renderLpText({ sense: 'minimize', columns: [{ kind: 'x', objective: 3 }],
 *   rows: [{ terms: [[0, 1]], sense: '>=', rhs: 1 }] }).text
 * // "Minimize\n obj: + 3 x0\nSubject To\n r0: + 1 x0 >= 1\nBounds\n 0 <= x0 <= 1\nBinary\n x0\nEnd\n"
 */
export function renderLpText(model: LinearModel, options: { relax?: boolean } = {}): LpText {
  const counters = { x: 0, y: 0 };
  const columnNames = model.columns.map((column) => `${column.kind}${counters[column.kind]++}`);
  const lines: string[] = [model.sense === 'minimize' ? 'Minimize' : 'Maximize'];
  lines.push(
    ...wrap(
      ' obj:',
      model.columns.map((column, index) => term(column.objective, columnNames[index]!)),
    ),
  );
  lines.push('Subject To');
  model.rows.forEach((row, rowIndex) => {
    if (row.terms.length === 0) throw new Error(`row ${rowIndex} has no terms`);
    const terms = row.terms.map(([column, coefficient]) => {
      const name = columnNames[column];
      if (name === undefined) throw new Error(`row ${rowIndex} refers to unknown column ${column}`);
      return term(coefficient, name);
    });
    const body = wrap(` r${rowIndex}:`, terms);
    body[body.length - 1] += ` ${row.sense} ${numeral(row.rhs)}`;
    lines.push(...body);
  });
  lines.push('Bounds');
  for (const name of columnNames) lines.push(` 0 <= ${name} <= 1`);
  const binaries = columnNames.filter((_name, index) => !options.relax && model.columns[index]!.kind === 'x');
  if (binaries.length > 0) {
    lines.push('Binary');
    for (let start = 0; start < binaries.length; start += TERMS_PER_LINE) {
      lines.push(` ${binaries.slice(start, start + TERMS_PER_LINE).join(' ')}`);
    }
  }
  lines.push('End', '');
  return { text: lines.join('\n'), columnNames };
}

function term(coefficient: number, name: string): string {
  return `${coefficient < 0 ? '-' : '+'} ${numeral(Math.abs(coefficient))} ${name}`;
}

/** JS shortest round-trip notation (`1e-7`, `2.5e+21`) is valid LP syntax; NaN/∞ are not. */
function numeral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`non-finite number in linear model: ${value}`);
  return String(value);
}

/** Continuation lines start with whitespace; a line never starts a new section by accident. */
function wrap(head: string, terms: readonly string[]): string[] {
  const lines: string[] = [];
  for (let start = 0; start < terms.length; start += TERMS_PER_LINE) {
    const chunk = terms.slice(start, start + TERMS_PER_LINE).join(' ');
    lines.push(start === 0 ? `${head} ${chunk}` : ` ${chunk}`);
  }
  if (lines.length === 0) lines.push(head);
  return lines;
}
