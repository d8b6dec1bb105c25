import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { keepInstanceShape } from './kept-instance-shape';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A weak reference to a fresh instance, kept or not; the instance has no other reference. */
function weaklyHeld(kept: boolean): WeakRef<object> {
  const instance = { items: [1, 2, 3] };
  if (kept) keepInstanceShape(instance);
  return new WeakRef(instance);
}

// A weak reference's target survives the turn that made it, so collect on later turns.
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepInstanceShape', () => {
  it('keeps an instance alive once every other reference is gone, where one not kept is collected', async () => {
    const kept = weaklyHeld(true);
    const dropped = weaklyHeld(false);
    await nextTurn();
    collectGarbage();
    await nextTurn();
    collectGarbage();
    expect(kept.deref()).toEqual({ items: [1, 2, 3] });
    expect(dropped.deref()).toBeUndefined();
  });
});
