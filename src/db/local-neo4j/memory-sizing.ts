/**
 * Memory of the local Neo4j, sized for the machine it runs on. A fixed 1 GiB heap starved large
 * imports on big machines and was too much on small ones; Neo4j's own guidance is to give heap and
 * page cache together about half of a dedicated machine, and this one shares it with the API.
 */
import os from 'node:os';

/** The JVM heap and Neo4j page cache, in JVM/Neo4j size syntax (`1536m`). */
export interface LocalNeo4jMemory {
  readonly heap: string;
  readonly pageCache: string;
}

const MIB = 1024 * 1024;

function clampMib(bytes: number, minMib: number, maxMib: number): string {
  return `${Math.min(maxMib, Math.max(minMib, Math.floor(bytes / MIB)))}m`;
}

/**
 * Heap: an eighth of total memory, within [512 MiB, 4 GiB]. Page cache: a sixteenth, within
 * [256 MiB, 2 GiB] (the full ESCO store is a few hundred MiB). Together at most ~19 % of memory.
 *
 * @example
 * localNeo4jMemory(24 * 1024 ** 3) // { heap: '3072m', pageCache: '1536m' }
 * localNeo4jMemory(2 * 1024 ** 3)  // { heap: '512m', pageCache: '256m' }
 */
export function localNeo4jMemory(totalBytes: number = os.totalmem()): LocalNeo4jMemory {
  return { heap: clampMib(totalBytes / 8, 512, 4096), pageCache: clampMib(totalBytes / 16, 256, 2048) };
}
