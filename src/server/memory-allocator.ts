/**
 * Which C allocator this process runs with: jemalloc when `tools/start-with-allocator.sh` (the way
 * `npm start` runs the server) found and preloaded it, otherwise the system's (glibc's malloc).
 * Reported at start and in `/metrics`, because memory under load differs by about 100 MiB between
 * the two and nothing else in the process shows which one it got.
 */
import fs from 'node:fs';

/** The allocators told apart. */
export type MemoryAllocator = 'jemalloc' | 'system';

let cached: MemoryAllocator | null | undefined;

/**
 * The allocator named by a process's memory map (the text of `/proc/<pid>/maps`): jemalloc when its
 * library is mapped, the system's otherwise.
 *
 * @example
 * allocatorInMaps('7f…-7f… r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n'); // 'jemalloc'
 * allocatorInMaps('7f…-7f… r-xp 00000000 08:01 456 /usr/lib/x86_64-linux-gnu/libc.so.6\n'); // 'system'
 */
export function allocatorInMaps(maps: string): MemoryAllocator {
  return /\/libjemalloc[^/\s]*\.so[^/\s]*$/m.test(maps) ? 'jemalloc' : 'system';
}

/**
 * This process's allocator, read once from `/proc/self/maps` (null where there is no procfs: the
 * allocator is then unknown rather than guessed).
 */
export function currentAllocator(): MemoryAllocator | null {
  if (cached !== undefined) return cached;
  try {
    cached = allocatorInMaps(fs.readFileSync('/proc/self/maps', 'utf8'));
  } catch {
    cached = null;
  }
  return cached;
}
