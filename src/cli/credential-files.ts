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
import { credentialsOfPresentation } from '../domain/verification/presentation';
import { isCompactJws } from '../services/verification/vc-jwt-check';

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
  const learner =
    outcome.learnerId === null
      ? ''
      : `, holder ${terminalText(outcome.learnerId)} (${outcome.learnerCreated ? 'new learner' : 'existing learner'})`;
  const lines = [
    `imported ${terminalText(file)}: ${outcome.format} "${terminalText(outcome.title)}" as ${terminalText(outcome.credentialId)} (${outcome.created ? 'created' : 'updated'}), ` +
      `provider ${terminalText(outcome.providerId)}${outcome.providerCreated ? ' (new)' : ''}${learner}`,
  ];
  const issuer = outcome.verification.issuer ? ` (issuer ${terminalText(outcome.verification.issuer)})` : '';
  lines.push(`  verification: ${outcome.verification.status}${issuer}`);
  for (const check of outcome.verification.checks) {
    if (check.outcome !== 'PASSED') lines.push(`    ${check.check} ${check.outcome}: ${terminalText(check.message)}`);
  }
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
      if (size > MAX_CREDENTIAL_FILE_BYTES)
        throw new Error(`the file has ${size} bytes, more than the ${MAX_CREDENTIAL_FILE_BYTES} a credential may have`);
      const text = fs.readFileSync(file, 'utf8');
      // A VC-JWT file holds the compact token itself, not JSON.
      document = isCompactJws(text) ? text.trim() : JSON.parse(text);
    } catch (error) {
      rejected += 1;
      write(
        `rejected ${terminalText(file)}: cannot read it as JSON or a VC-JWT: ${terminalText((error as Error).message)}\n`,
      );
      continue;
    }
    let parts: unknown[] | null;
    try {
      parts = credentialsOfPresentation(document);
    } catch (error) {
      rejected += 1;
      write(`rejected ${terminalText(file)}: ${terminalText(rejectionReason(error))}\n`);
      continue;
    }
    // A presentation's credentials are imported one by one; the file counts as rejected if any is.
    const items =
      parts === null
        ? [{ label: file, document }]
        : parts.map((part, i) => ({ label: `${file}#${i}`, document: part }));
    let fileRejected = false;
    for (const item of items) {
      try {
        write(describeImport(item.label, await importDocument(item.document)) + '\n');
      } catch (error) {
        fileRejected = true;
        write(`rejected ${terminalText(item.label)}: ${terminalText(rejectionReason(error))}\n`);
      }
    }
    if (fileRejected) rejected += 1;
  }
  write(`${files.length - rejected} of ${files.length} file(s) imported, ${rejected} rejected\n`);
  return { imported: files.length - rejected, rejected };
}
