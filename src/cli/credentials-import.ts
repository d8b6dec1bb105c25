/**
 * `npm run credentials:import -- <files...>` (`node dist/src/cli/credentials-import.js …`): imports
 * credential documents (Open Badges 2.0/3.0, ELM / European Digital Credentials, JSON or JSON-LD,
 * a VC-JWT file, or a verifiable presentation whose credentials are imported one by one), each
 * verified first (the verification is printed),
 * into the configured database (NEO4J_URI, else the local Neo4j), each in its own transaction,
 * and prints per file what was imported or why it was rejected. Exit status: 0 when every file was
 * imported, 1 when any was rejected (or the run failed), 2 on bad usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { CatalogRepository } from '../db/repositories/catalog-repository';
import { LearnerRepository } from '../db/repositories/learner-repository';
import { DomainError } from '../domain/errors';
import { CredentialImportService, type CredentialImportOutcome } from '../services/credential-import-service';
import { createCredentialVerifier } from '../services/verification/create-credential-verifier';
import { credentialsOfPresentation } from '../domain/verification/presentation';
import { isCompactJws } from '../services/verification/vc-jwt-check';
import { runCli } from './run-cli';

const USAGE = 'usage: credentials-import <file.json|file.jsonld>...';

function describeImport(file: string, outcome: CredentialImportOutcome): string {
  const learner = outcome.learnerId === null ? '' : `, holder ${outcome.learnerId} (${outcome.learnerCreated ? 'new learner' : 'existing learner'})`;
  const lines = [`imported ${file}: ${outcome.format} "${outcome.title}" as ${outcome.credentialId} (${outcome.created ? 'created' : 'updated'}), provider ${outcome.providerId}${outcome.providerCreated ? ' (new)' : ''}${learner}`];
  lines.push(`  verification: ${outcome.verification.status}${outcome.verification.issuer ? ` (issuer ${outcome.verification.issuer})` : ''}`);
  for (const check of outcome.verification.checks) {
    if (check.outcome !== 'PASSED') lines.push(`    ${check.check} ${check.outcome}: ${check.message}`);
  }
  for (const warning of outcome.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}

/** The reason a file was rejected, as a client would see it (unexpected failures propagate). */
function rejectionReason(error: unknown): string {
  if (error instanceof DomainError) return `${error.message} [${error.code}]`;
  throw error;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
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
  const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
  const config = loadConfig();
  const service = new CredentialImportService(db.executor, new CatalogRepository(db.executor), new LearnerRepository(db.executor), createCredentialVerifier(config));
  let rejected = 0;
  try {
    for (const file of parsed.positionals) {
      let document: unknown;
      try {
        const text = fs.readFileSync(file, 'utf8');
        // A VC-JWT file holds the compact token itself, not JSON.
        document = isCompactJws(text) ? text.trim() : JSON.parse(text);
      } catch (error) {
        rejected += 1;
        process.stdout.write(`rejected ${file}: cannot read it as JSON or a VC-JWT: ${(error as Error).message}\n`);
        continue;
      }
      let parts: unknown[] | null;
      try {
        parts = credentialsOfPresentation(document);
      } catch (error) {
        rejected += 1;
        process.stdout.write(`rejected ${file}: ${rejectionReason(error)}\n`);
        continue;
      }
      // A presentation's credentials are imported one by one; the file counts as rejected if any is.
      const items = parts === null ? [{ label: file, document }] : parts.map((d, i) => ({ label: `${file}#${i}`, document: d }));
      let fileRejected = false;
      for (const item of items) {
        try {
          process.stdout.write(describeImport(item.label, await service.importDocument(item.document)) + '\n');
        } catch (error) {
          fileRejected = true;
          process.stdout.write(`rejected ${item.label}: ${rejectionReason(error)}\n`);
        }
      }
      if (fileRejected) rejected += 1;
    }
  } finally {
    await db.close();
  }
  const total = parsed.positionals.length;
  process.stdout.write(`${total - rejected} of ${total} file(s) imported, ${rejected} rejected\n`);
  return rejected > 0 ? 1 : 0;
}

runCli('credentials-import', main);
