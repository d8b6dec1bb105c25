/**
 * The per-file loop of `credentials:import`: each file is read, checked and imported on its own,
 * so a bad file (unreadable, too large, not JSON, nested too deep, rejected) is reported and the
 * run goes on with the next one. Every printed value from a file goes through
 * {@link terminalText}.
 */
import fs from 'node:fs';
import { DomainError } from '../domain/errors';
import { terminalText } from '../domain/text/terminal-text';
import type { CredentialImportOutcome } from '../services/credential-import-service';

/**
 * Largest credential file read, in bytes. Real ELM documents with embedded images are about
 * 100 KB; the API's own body limit (`MAX_BODY_BYTES`) is 1 MB by default.
 */
export const MAX_CREDENTIAL_FILE_BYTES = 10_000_000;

/** Counts of one run. */
export interface CredentialFilesResult {
  readonly imported: number;
  readonly rejected: number;
}

function describeImport(file: string, outcome: CredentialImportOutcome): string {
  const learner = outcome.learnerId === null ? '' : `, holder ${terminalText(outcome.learnerId)} (${outcome.learnerCreated ? 'new learner' : 'existing learner'})`;
  const lines = [
    `imported ${terminalText(file)}: ${outcome.format} "${terminalText(outcome.title)}" as ${terminalText(outcome.credentialId)} (${outcome.created ? 'created' : 'updated'}), ` +
      `provider ${terminalText(outcome.providerId)}${outcome.providerCreated ? ' (new)' : ''}${learner}`,
  ];
  for (const warning of outcome.warnings) lines.push(`  warning: ${terminalText(warning)}`);
  return lines.join('\n');
}

/** The reason a file was rejected, as a client would see it (unexpected failures propagate). */
function rejectionReason(error: unknown): string {
  if (error instanceof DomainError) return `${error.message} [${error.code}]`;
  throw error;
}

/**
 * Imports `files` one by one with `importDocument`, writing one report line (or block) per file
 * and a final count through `write`.
 *
 * @throws what `importDocument` throws other than a DomainError (database down, ...): the run stops.
 */
export async function importCredentialFiles(
  files: readonly string[],
  importDocument: (document: unknown) => Promise<CredentialImportOutcome>,
  write: (text: string) => void,
): Promise<CredentialFilesResult> {
  let rejected = 0;
  for (const file of files) {
    let document: unknown;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_CREDENTIAL_FILE_BYTES) throw new Error(`the file has ${size} bytes, more than the ${MAX_CREDENTIAL_FILE_BYTES} a credential may have`);
      document = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      rejected += 1;
      write(`rejected ${terminalText(file)}: cannot read it as JSON: ${terminalText((error as Error).message)}\n`);
      continue;
    }
    try {
      write(describeImport(file, await importDocument(document)) + '\n');
    } catch (error) {
      rejected += 1;
      write(`rejected ${terminalText(file)}: ${terminalText(rejectionReason(error))}\n`);
    }
  }
  write(`${files.length - rejected} of ${files.length} file(s) imported, ${rejected} rejected\n`);
  return { imported: files.length - rejected, rejected };
}
