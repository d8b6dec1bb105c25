/**
 * CPU-profiles this process (the in-process server; the load generator runs in a worker thread)
 * around one piece of work, via the inspector, and writes a `.cpuprofile` that Chrome DevTools
 * or `speedscope` opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

/** Runs `work` under the profiler and writes the profile to `file`. */
export async function withCpuProfile<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
