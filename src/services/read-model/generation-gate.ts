/**
 * The rule both cross-request caches follow (`CachedConceptReads`, `CachedTeachingPages`): they
 * hold answers of one generation of the read model (its full loads, or its catalogue), empty
 * themselves when it moves on, and keep a read that overlapped the change out of the new one.
 */
export class GenerationGate {
  private generation: unknown;

  /**
   * @param current the generation once this process's own writes are visible
   * @param onChange empties the caches
   */
  constructor(
    private readonly current: () => Promise<unknown>,
    private readonly onChange: () => void,
  ) {}

  /**
   * Enters a read: empties the caches if the generation moved on, and returns the generation
   * the read belongs to.
   *
   * @example
   * const generation = await gate.enter();
   * const rows = await source.read(missing);
   * if (gate.isCurrent(generation)) cache.set(...); // else the rows may be of either generation
   */
  async enter(): Promise<unknown> {
    const generation = await this.current();
    if (generation !== this.generation) {
      this.onChange();
      this.generation = generation;
    }
    return generation;
  }

  /** Whether answers read in `generation` may still be cached (no other read saw a newer one). */
  isCurrent(generation: unknown): boolean {
    return this.generation === generation;
  }
}
