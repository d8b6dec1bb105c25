/**
 * `npm run demo:seed -- [--esco seed/esco] [--out seed/demo]` (`node dist/src/cli/make-demo-seed.js`):
 * builds the invented demo catalog, learners, grants and postings from the ESCO demo seed (see
 * `src/generate/demo/build-demo-data.ts`) and writes them as JSON. Same seed, same output.
 */
import { parseArgs } from 'node:util';
import { buildDemoData, DEFAULT_DEMO_OPTIONS } from '../generate/demo/build-demo-data';
import { readDemoSource } from '../generate/demo/read-demo-source';
import { defaultDemoDir, writeDemoFiles } from '../generate/demo/demo-files';
import { defaultSeedDir } from '../esco/import/demo-seed';
import { runCli } from './run-cli';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { esco: { type: 'string' }, out: { type: 'string' } } });
  const data = buildDemoData(readDemoSource(values.esco ?? defaultSeedDir()), DEFAULT_DEMO_OPTIONS);
  const out = values.out ?? defaultDemoDir();
  writeDemoFiles(out, data);
  process.stdout.write(
    `demo data written to ${out}: ${data.providers.length} providers, ${data.credentials.length} credentials, ` +
      `${data.learners.length} learners, ${data.postings.length} postings\n`,
  );
}

runCli(
  'make-demo-seed',
  main,
  'usage: make-demo-seed [--esco seed/esco] [--out seed/demo]\n\nWrites the invented demo catalog, learners, grants and postings (deterministic) from the ESCO demo seed.',
);
