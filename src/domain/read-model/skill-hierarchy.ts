/**
 * The skill→skill BROADER hierarchy in compressed sparse rows (parents and children of each
 * skill id in two Int32Arrays), answering what `expand-skill-hierarchy` answers: the skills within
 * a depth above and below each given skill, with the shortest distance.
 */
import type { ExpansionRow } from '../coverage/orient-links';
import type { Interner } from './interner';

/** Adjacency of one direction: the neighbours of node i are `targets[offsets[i]..offsets[i+1])`. */
interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

function adjacency(nodeCount: number, from: Int32Array, to: Int32Array): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (const node of from) offsets[node + 1]! += 1;
  for (let i = 0; i < nodeCount; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(from.length);
  for (let e = 0; e < from.length; e += 1) targets[fill[from[e]!]!++] = to[e]!;
  return { offsets, targets };
}

/** The immutable skill hierarchy (ESCO changes only with an import, which rebuilds the model). */
export class SkillHierarchy {
  private readonly up: Adjacency;
  private readonly down: Adjacency;
  /** Scratch distance per skill for breadth-first searches (-1: not reached). */
  private readonly seen: Int32Array;

  /**
   * @param skills the interner holding every skill id (ids below `skillCount`)
   * @param narrower `narrower[e]` has BROADER to `broader[e]`
   */
  constructor(
    private readonly skills: Interner,
    readonly skillCount: number,
    narrower: Int32Array,
    broader: Int32Array,
  ) {
    this.up = adjacency(skillCount, narrower, broader);
    this.down = adjacency(skillCount, broader, narrower);
    this.seen = new Int32Array(skillCount).fill(-1);
  }

  /** The number of BROADER links. */
  get linkCount(): number {
    return this.up.targets.length;
  }

  /** Approximate bytes of the arrays. */
  get bytes(): number {
    return (this.up.offsets.length + this.up.targets.length) * 8 + this.seen.length * 4;
  }

  /**
   * One row per skill within `depth` steps below (NARROWER) or above (BROADER) each given skill,
   * at the shortest distance; unknown URIs give no rows, `depth < 1` none at all. A skill reached
   * through a cycle back to itself is listed, as the variable-length match lists it.
   */
  expand(uris: readonly string[], depth: number): ExpansionRow[] {
    const rows: ExpansionRow[] = [];
    if (depth < 1) return rows;
    for (const uri of uris) {
      const id = this.skills.lookup(uri);
      if (id === undefined || id >= this.skillCount) continue;
      this.walk(id, depth, this.down, 'NARROWER', uri, rows);
      this.walk(id, depth, this.up, 'BROADER', uri, rows);
    }
    return rows;
  }

  private walk(
    start: number,
    depth: number,
    edges: Adjacency,
    kind: 'NARROWER' | 'BROADER',
    skillUri: string,
    rows: ExpansionRow[],
  ): void {
    const reached: number[] = [];
    let frontier = [start];
    for (let distance = 1; distance <= depth && frontier.length > 0; distance += 1) {
      const next: number[] = [];
      for (const node of frontier) {
        for (let e = edges.offsets[node]!; e < edges.offsets[node + 1]!; e += 1) {
          const target = edges.targets[e]!;
          if (this.seen[target] !== -1) continue;
          this.seen[target] = distance;
          reached.push(target);
          next.push(target);
          rows.push({ skillUri, relatedUri: this.skills.value(target), kind, distance });
        }
      }
      frontier = next;
    }
    for (const node of reached) this.seen[node] = -1;
  }
}
