/**
 * A small seeded pseudo-random generator (sfc32) with the draws the population generator needs.
 * `Math.random` is never used: a population must be reproducible from its seed alone.
 */

/** Mixes 32-bit words into one well-spread word (murmur3's finaliser over an FNV-style fold). */
function mix32(words: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const word of words) {
    h = Math.imul(h ^ (word >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** The 32-bit FNV-1a hash of a string (names the random stream of an entity kind). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A 32-bit seed derived from the population seed, a stream name and indices. Every entity draws
 * from its own stream, so entity i is the same whatever else is generated (counts, order, batch
 * sizes), which keeps runs reproducible and makes small populations prefixes of larger ones.
 *
 * @example
 * new Random(deriveSeed(1, 'credential', 42)).next() // always the same number
 */
export function deriveSeed(seed: number, stream: string, ...indices: number[]): number {
  return mix32([seed, Math.floor(seed / 2 ** 32), hashString(stream), ...indices]);
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit state words. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // The first outputs of a freshly seeded sfc32 are correlated with the seed: discard them.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element; throws on an empty list (a programming error). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An element chosen with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** A standard normal draw (Box–Muller; one of the pair is discarded to keep streams simple). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is avoided
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal draw with the given median and spread (σ of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * `k` distinct elements, each drawn with probability proportional to its weight among those
   * not yet drawn (fewer when the list is shorter). Order of drawing is kept.
   */
  sampleWeighted<T>(items: readonly T[], weight: (item: T) => number, k: number): T[] {
    const left = items.map((item) => ({ item, weight: weight(item) }));
    const out: T[] = [];
    while (out.length < k && left.length > 0) {
      const total = left.reduce((sum, entry) => sum + entry.weight, 0);
      let r = this.next() * total;
      let index = left.length - 1;
      for (let i = 0; i < left.length; i += 1) {
        r -= left[i]!.weight;
        if (r < 0) {
          index = i;
          break;
        }
      }
      out.push(left[index]!.item);
      left.splice(index, 1);
    }
    return out;
  }
}

/** A seeded random stream for one entity: `randomFor(seed, 'learner', 17)`. */
export function randomFor(seed: number, stream: string, ...indices: number[]): Random {
  return new Random(deriveSeed(seed, stream, ...indices));
}
