/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
import fs from 'node:fs';
import path from 'node:path';
import { repoPath } from '../config/repo-root';
import { printCredgraphSchema } from '../graphql/print-schema';
import { runCli } from './run-cli';

async function main(): Promise<void> {
  const target = repoPath('schema', 'schema.graphql');
  fs.writeFileSync(target, await printCredgraphSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

runCli(
  'emit-schema',
  main,
  'usage: emit-schema\n\nWrites schema/schema.graphql (the SDL of the GraphQL API) from the code.',
);
