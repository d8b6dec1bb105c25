/**
 * `npm run esco:sync -- --occupation <uri> [--occupation <uri> …]`
 * (`node dist/src/cli/esco-sync.js`): refreshes occupations, their skills and links from the ESCO
 * API (ESCO_API_URL, release ESCO_VERSION) into the configured database. Each occupation is
 * written in one transaction; exit status 1 when any failed, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { EscoApiClient } from '../esco/api/esco-api-client';
import { syncOccupationFromApi } from '../esco/sync/sync-occupation';
import { terminalText } from '../domain/text/terminal-text';
import { runCli } from './run-cli';

const USAGE = 'usage: esco-sync --occupation <uri> [--occupation <uri> …] [--version v1.1.1] [--language en]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        occupation: { type: 'string', multiple: true },
        version: { type: 'string' },
        language: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const uris = values.occupation ?? [];
  if (uris.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }

  const config = loadConfig();
  const client = new EscoApiClient({
    baseUrl: config.esco.apiUrl,
    selectedVersion: values.version ?? config.esco.version,
    ...(values.language === undefined ? {} : { language: values.language }),
    onRetry: (event) =>
      process.stderr.write(
        `ESCO API ${event.endpoint}: attempt ${event.attempt} failed (${terminalText(event.reason)}), retrying in ${event.delayMs} ms\n`,
      ),
  });
  const db = await openDatabase(config, { info: (message) => process.stderr.write(message + '\n') });
  let failed = 0;
  try {
    for (const uri of uris) {
      try {
        const summary = await syncOccupationFromApi(db.executor, client, uri);
        process.stdout.write(
          `${terminalText(summary.preferredLabel)} (${terminalText(summary.occupationUri)}), ESCO ${terminalText(summary.version)}: ${summary.essential} essential, ` +
            `${summary.optional} optional skills; ${summary.skillsWritten} skills written, ${summary.removedRequires} stale links removed, ` +
            `placeholders created: ${summary.created.skills} skills, ${summary.created.skillGroups} skill groups, ` +
            `${summary.created.iscoGroups} ISCO groups; ${summary.linksSkipped} links to concepts not in the graph skipped\n`,
        );
      } catch (error) {
        failed += 1;
        process.stderr.write(
          `${terminalText(uri)}: ${terminalText(error instanceof Error ? error.message : String(error))}\n`,
        );
      }
    }
  } finally {
    await client.close();
    await db.close();
  }
  return failed === 0 ? 0 : 1;
}

runCli(
  'esco-sync',
  main,
  `${USAGE}\n\nFetches occupations with their skills from the ESCO API and writes them to the configured database.`,
);
