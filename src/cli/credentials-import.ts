/**
 * `npm run credentials:import -- <files...>` (`node dist/src/cli/credentials-import.js …`): imports
 * credential documents (Open Badges 2.0/3.0, ELM / European Digital Credentials, JSON or JSON-LD)
 * into the configured database (NEO4J_URI, else the local Neo4j), each in its own transaction,
 * and prints per file what was imported or why it was rejected (a bad file never stops the run:
 * see `credential-files.ts` for the limits). Exit status: 0 when every file was
 * imported, 1 when any was rejected (or the run failed), 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { CatalogRepository } from '../db/repositories/catalog-repository';
import { LearnerRepository } from '../db/repositories/learner-repository';
import { CredentialImportService } from '../services/credential-import-service';
import { SkillSuggestionService } from '../services/skill-suggestion/skill-suggestion-service';
import { createCredentialVerifier } from '../services/verification/create-credential-verifier';
import { importCredentialFiles } from './credential-files';
import { runCli } from './run-cli';

const USAGE = 'usage: credentials-import <file.json|file.jsonld|file.jwt>...';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config, { info: (message) => process.stderr.write(message + '\n') });
  const service = new CredentialImportService(
    db.executor,
    new CatalogRepository(db.executor),
    new LearnerRepository(db.executor),
    createCredentialVerifier(config),
    new SkillSuggestionService(db.executor),
  );
  try {
    const result = await importCredentialFiles(
      parsed.positionals,
      (document) => service.importDocument(document),
      (text) => process.stdout.write(text),
    );
    return result.rejected > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

runCli(
  'credentials-import',
  main,
  `${USAGE}\n\nImports Open Badges 2.0/3.0, ELM (European Digital Credential) and VC-JWT credential files, each in its\nown transaction, and prints what was imported or why a file was rejected. Exit 1 when any is rejected.`,
);
