import { describe, expect, it } from 'vitest';
import { loadHighs } from './load-highs';
import { renderLpText } from './lp-format';
import type { LinearModel } from './linear-model';

describe('renderLpText', () => {
  it('renders generated names only, with binaries, bounds and rows', () => {
    const model: LinearModel = {
      sense: 'maximize',
      columns: [
        { kind: 'x', objective: 0 },
        { kind: 'y', objective: 0.5 },
        { kind: 'x', objective: -2 },
      ],
      rows: [
        {
          terms: [
            [1, 1],
            [0, -1],
            [2, -1],
          ],
          sense: '<=',
          rhs: 0,
        },
      ],
    };
    expect(renderLpText(model).text).toBe(
      [
        'Maximize',
        ' obj: + 0 x0 + 0.5 y0 - 2 x1',
        'Subject To',
        ' r0: + 1 y0 - 1 x0 - 1 x1 <= 0',
        'Bounds',
        ' 0 <= x0 <= 1',
        ' 0 <= y0 <= 1',
        ' 0 <= x1 <= 1',
        'Binary',
        ' x0 x1',
        'End',
        '',
      ].join('\n'),
    );
    expect(renderLpText(model, { relax: true }).text).not.toContain('Binary');
  });

  it('refuses non-finite numbers and dangling columns', () => {
    const column = { kind: 'x' as const, objective: Number.NaN };
    expect(() => renderLpText({ sense: 'minimize', columns: [column], rows: [] })).toThrow(/non-finite/);
    expect(() =>
      renderLpText({
        sense: 'minimize',
        columns: [{ kind: 'x', objective: 1 }],
        rows: [{ terms: [[3, 1]], sense: '>=', rhs: 1 }],
      }),
    ).toThrow(/unknown column/);
  });

  it('produces text HiGHS parses, including wrapped long rows and exponent notation', async () => {
    const n = 50;
    const model: LinearModel = {
      sense: 'minimize',
      columns: Array.from({ length: n }, (_, i) => ({ kind: 'x' as const, objective: i === 7 ? 1e-7 : 3 + i })),
      rows: [
        { terms: Array.from({ length: n }, (_, i) => [i, 1] as const), sense: '>=', rhs: 2 },
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          sense: '<=',
          rhs: 0,
        },
      ],
    };
    const { text, columnNames } = renderLpText(model);
    const highs = await loadHighs();
    const result = highs.solve(text, { output_flag: false });
    expect(result.Status).toBe('Optimal');
    if (result.Status !== 'Optimal') return;
    expect(result.ObjectiveValue).toBeCloseTo(1e-7 + 5, 9);
    const primal = (column: number): number => (result.Columns[columnNames[column]!] as { Primal: number }).Primal;
    expect(primal(7)).toBeCloseTo(1, 9);
    expect(primal(2)).toBeCloseTo(1, 9);
  });
});
