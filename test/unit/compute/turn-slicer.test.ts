import { describe, expect, it } from 'vitest';
import { pauseIfTurnSpent } from '../../../src/compute/turn-slicer';

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
