/**
 * Operation names come from clients, so using them as metric labels unchecked would let anyone
 * create unbounded time series. This admits the first `max` distinct values and folds the rest
 * into one `other` label.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly overflow = 'other',
  ) {}

  /** `value` if it is already known or there is room for it, else the overflow label. */
  label(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return this.overflow;
    this.seen.add(value);
    return value;
  }
}
