import { describe, expect, it } from 'vitest';
import { allocatorInMaps, currentAllocator } from '../../../src/server/memory-allocator';
import { createAppMetrics } from '../../../src/server/metrics/app-metrics';

const line = (file: string) => `7f3a1c000000-7f3a1c02a000 r-xp 00000000 fe:01 1835 ${file}`;

describe('memory allocator', () => {
  it('names jemalloc only when its library is mapped', () => {
    const libc = line('/usr/lib/x86_64-linux-gnu/libc.so.6');
    expect(allocatorInMaps([libc, line('/usr/lib/x86_64-linux-gnu/libjemalloc.so.2')].join('\n'))).toBe('jemalloc');
    expect(allocatorInMaps([line('/usr/local/lib/libjemalloc.so'), libc].join('\n'))).toBe('jemalloc');
    expect(allocatorInMaps([libc, line('[heap]'), line('/usr/bin/node')].join('\n'))).toBe('system');
    // A folder named after it, or a file that only mentions it, is not the library.
    expect(allocatorInMaps(line('/opt/libjemalloc-build/libc.so.6'))).toBe('system');
    expect(allocatorInMaps(line('/srv/notes-about-libjemalloc.so.txt.d/data'))).toBe('system');
    expect(allocatorInMaps('')).toBe('system');
  });

  it('exports the allocator of this process as a labelled gauge', async () => {
    const metrics = createAppMetrics({ load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }), maxPoolSize: 1 });
    const allocator = currentAllocator();
    expect(allocator === 'jemalloc' || allocator === 'system').toBe(true);
    expect(await metrics.render()).toContain(`credgraph_memory_allocator_info{allocator="${allocator}"} 1`);
  });
});
