/**
 * Interned dates compared once with a day, instead of once per holding: a ranking checks the
 * validity of tens of thousands of holdings against the same `asOf`, and each check compared two
 * strings. Dates are strings compared as the database compares them (lexically), so a verdict
 * per distinct date is the same answer.
 */
import type { Interner } from './interner';

/**
 * For one day at a time, whether each interned date is on or before it and whether it is after
 * it. Interned ids never change, so only dates interned since the last call are compared again;
 * asking for another day starts over.
 *
 * @example
 * const dates = new Interner();
 * const a = dates.intern('2024-01-01');
 * const verdicts = new DatesAgainstDay(dates).on('2024-06-01');
 * verdicts.onOrBefore[a]; // 1
 * verdicts.after[a]; // 0
 */
export class DatesAgainstDay {
  private day: string | null = null;
  private compared = 0;
  private onOrBefore = new Uint8Array(0);
  private after = new Uint8Array(0);

  constructor(private readonly dates: Interner) {}

  /**
   * The verdicts for `day`, indexed by interned date id: `onOrBefore[id]` is 1 when the date is
   * ≤ `day`, `after[id]` is 1 when it is > `day`. Valid until the next call.
   */
  on(day: string): { readonly onOrBefore: Uint8Array; readonly after: Uint8Array } {
    if (day !== this.day) {
      this.day = day;
      this.compared = 0;
    }
    const size = this.dates.size;
    if (size > this.onOrBefore.length) {
      const capacity = Math.max(size, this.onOrBefore.length * 2, 64);
      const onOrBefore = new Uint8Array(capacity);
      onOrBefore.set(this.onOrBefore.subarray(0, this.compared));
      const after = new Uint8Array(capacity);
      after.set(this.after.subarray(0, this.compared));
      this.onOrBefore = onOrBefore;
      this.after = after;
    }
    for (let id = this.compared; id < size; id += 1) {
      const date = this.dates.value(id);
      this.onOrBefore[id] = date <= day ? 1 : 0;
      this.after[id] = date > day ? 1 : 0;
    }
    this.compared = size;
    return { onOrBefore: this.onOrBefore, after: this.after };
  }
}
