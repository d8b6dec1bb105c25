/**
 * The catalog import's progress (#13.9): a bar with percentage and time left on a terminal when the
 * size is known, plain lines (with percentage and time left when the size is known) otherwise.
 */
import { describe, expect, it } from 'vitest';
import { createImportProgress, formatDuration, PLAIN_LINE_EVERY } from '../../../src/cli/import-progress';

/** A stream that records what is written; `isTTY` chooses the terminal or the plain display. */
function stream(isTTY: boolean) {
  let text = '';
  return {
    isTTY,
    columns: 120,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}
// Escape sequences of the bar's redraws, removed to read what a terminal shows.
const visible = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '\n');

describe('createImportProgress', () => {
  it('on a terminal with a known size: a bar with the percentage, rows and time left', () => {
    const out = stream(true);
    const progress = createImportProgress(out, { unit: 'bytes', size: 1000 });
    progress.update(40, 250);
    progress.update(80, 500);
    progress.stop();
    const shown = visible(out.text());
    expect(shown).toMatch(/50% \| 80 rows \| time left \S+/);
    expect(shown).toMatch(/[█░]{30}/);
  });

  it('with --limit the size is rows', () => {
    const out = stream(true);
    const progress = createImportProgress(out, { unit: 'rows', size: 200 });
    progress.update(50, 999_999);
    progress.stop();
    expect(visible(out.text())).toMatch(/25% \| 50 rows/);
  });

  it('not a terminal: a plain line every 500 rows with percentage and time left, no redraws', () => {
    const out = stream(false);
    let clock = 0;
    const progress = createImportProgress(out, { unit: 'bytes', size: 4000 }, () => clock);
    for (let rows = 1; rows <= 2 * PLAIN_LINE_EVERY; rows += 1) {
      clock = rows * 10; // 10 ms a row
      progress.update(rows, rows * 2);
    }
    progress.stop();
    // 500 rows, 1000 of 4000 bytes in 5 s: 25%, 15 s left; 1000 rows, 2000 bytes in 10 s: 50%, 10 s left.
    expect(out.text()).toBe('500 rows read (25%, about 15s left)\n1000 rows read (50%, about 10s left)\n');
  });

  it('size unknown: plain row counts, also on a terminal', () => {
    const out = stream(true);
    const progress = createImportProgress(out, null);
    progress.update(PLAIN_LINE_EVERY, 10);
    progress.stop();
    expect(out.text()).toBe('500 rows read\n');
  });

  it('formats the time left', () => {
    expect([formatDuration(12.4), formatDuration(185), formatDuration(3720)]).toEqual(['12s', '3m 05s', '1h 02m']);
  });
});
