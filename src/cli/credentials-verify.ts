/**
 * `npm run credentials:verify -- <files...> [--status-list <file>]...`: verifies credential files
 * (JSON-LD with an embedded proof, or a VC-JWT in a text file) without a database and prints each
 * check. Fetches did:web documents, JWKS and status lists as the server would (VC_FETCH,
 * VC_FETCH_TIMEOUT_MS). Exit status: 0 when every file is VERIFIED, 1 otherwise, 2 on bad usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { createCredentialVerifier } from '../services/verification/create-credential-verifier';
import { runCli } from './run-cli';

const USAGE = 'usage: credentials-verify <file.json|file.jwt>... [--status-list <file.json>]...';

/** A file's credential: parsed JSON, or the trimmed text when it is not JSON (a VC-JWT). */
function readCredential(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text.trim();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'status-list': { type: 'string', multiple: true, default: [] } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const verifier = createCredentialVerifier(loadConfig());
  const statusLists = (parsed.values['status-list'] ?? []).map(
    (f) => JSON.parse(fs.readFileSync(f, 'utf8')) as unknown,
  );
  let notVerified = 0;
  for (const file of parsed.positionals) {
    const { verification } = await verifier.verify(readCredential(file), { statusLists });
    if (verification.status !== 'VERIFIED') notVerified += 1;
    process.stdout.write(
      `${file}: ${verification.status}${verification.issuer ? ` (issuer ${verification.issuer})` : ''}\n`,
    );
    for (const c of verification.checks) process.stdout.write(`  ${c.outcome.padEnd(12)} ${c.check}: ${c.message}\n`);
  }
  return notVerified > 0 ? 1 : 0;
}

runCli(
  'credentials-verify',
  main,
  `${USAGE}\n\nVerifies credential files (JSON-LD with an embedded proof, or a VC-JWT) without a database and prints\nevery check. Exit 0 when every file is VERIFIED, 1 otherwise, 2 on bad usage.`,
);
