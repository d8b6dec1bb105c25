/**
 * Where the demo data lives (`seed/demo/`) and how it is read and written: one JSON file per kind,
 * pretty-printed so a regeneration shows as a readable diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoPath } from '../../config/repo-root';
import type { DemoData } from './build-demo-data';

/** File name per part of the demo data. */
export const DEMO_FILES = {
  providers: 'providers.json',
  credentials: 'catalog.json',
  learners: 'learners.json',
  postings: 'postings.json',
  personas: 'personas.json',
} as const satisfies Record<keyof DemoData, string>;

/** Absolute path of the repository's `seed/demo/` folder, from compiled or source code alike. */
export function defaultDemoDir(): string {
  return repoPath('seed', 'demo');
}

/** Writes every part of `data` to `dir`. */
export function writeDemoFiles(dir: string, data: DemoData): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [key, file] of Object.entries(DEMO_FILES)) {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(data[key as keyof DemoData], null, 1) + '\n');
  }
}

/** Reads the demo data written by `writeDemoFiles`. */
export function readDemoFiles(dir: string = defaultDemoDir()): DemoData {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
  return Object.fromEntries(Object.entries(DEMO_FILES).map(([key, file]) => [key, read(file)])) as unknown as DemoData;
}
