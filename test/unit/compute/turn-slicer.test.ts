import { describe, expect, it } from 'vitest';
import { pauseIfTurnSpent, turnSpent } from '../../../src/compute/turn-slicer';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: the work a slice stands for
  }
}

describe('pauseIfTurnSpent', () => {
  // The budget belongs to the thread: a caller that did no work of its own still yields when
  // others spent the turn (here the test body plays the others).
  it('lets the event loop turn once the budget is spent', async () => {
    let fired = false;
    setImmediate(() => {
      fired = true;
    });
    busy(15);
    await pauseIfTurnSpent(5);
    expect(fired).toBe(true);
  });

  it('does not yield while the budget lasts', async () => {
    await pauseIfTurnSpent(5); // start from a fresh turn
    let fired = false;
    setImmediate(() => {
      fired = true;
    });
    await pauseIfTurnSpent(60_000);
    expect(fired).toBe(false);
  });
});

describe('turnSpent', () => {
  it('says whether pauseIfTurnSpent would wait: not in a fresh turn, yes once the budget is spent', async () => {
    busy(15);
    await pauseIfTurnSpent(5); // the event loop turns: a fresh budget
    expect(turnSpent(5)).toBe(false);
    busy(15);
    expect(turnSpent(5)).toBe(true);
    // A guarded loop over many small units still lets the event loop turn.
    let fired = false;
    setImmediate(() => {
      fired = true;
    });
    for (let unit = 0; unit < 10 && !fired; unit += 1) {
      busy(2);
      if (turnSpent(5)) await pauseIfTurnSpent(5);
    }
    expect(fired).toBe(true);
  });
});
