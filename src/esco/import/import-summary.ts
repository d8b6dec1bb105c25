/**
 * What an ESCO import reports: rows read, imported and skipped per file, and the problems found,
 * each tied to a file and row so the source can be fixed.
 */
import { terminalText } from '../../domain/text/terminal-text';
import type { EscoFileKey } from './esco-files';

/**
 * One problem in the input. `row` is the 1-based data record (the header is not counted, and a
 * record spanning several lines counts once); `line` is the physical line the record starts on
 * (the header is line 1), which is what an editor shows.
 */
export interface ImportIssue {
  readonly file: string;
  readonly row: number;
  readonly line?: number;
  readonly message: string;
  /** True when the row was not written; false for a warning on a row that was written. */
  readonly skipped: boolean;
}

/** Counts of one file. `rows` = `imported` + `skipped` + `ignored`. */
export interface FileSummary {
  readonly key: EscoFileKey;
  /** The file name as found in the folder. */
  readonly file: string;
  readonly rows: number;
  readonly imported: number;
  /** Rows not written because they were malformed or referred to unknown concepts. */
  readonly skipped: number;
  /** Well-formed rows with nothing new, e.g. hierarchy rows for groups already in skillGroups. */
  readonly ignored: number;
  readonly durationMs: number;
}

/** The result of {@link importEscoCsv}. */
export interface ImportSummary {
  readonly version: string;
  readonly dir: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly batchSize: number;
  /** Write transactions committed. */
  readonly batches: number;
  readonly files: readonly FileSummary[];
  /** Optional files that were absent (their data is simply not imported). */
  readonly missingOptionalFiles: readonly string[];
  /** All issues found; `issues` holds the first of them, up to the cap. */
  readonly issueCount: number;
  readonly issues: readonly ImportIssue[];
}

/**
 * A human-readable report for the CLI; at most `maxIssues` issues are listed one by one. Text from
 * the data (file names, messages quoting cells) is escaped with {@link terminalText}.
 */
export function formatImportSummary(summary: ImportSummary, maxIssues = 20): string {
  const lines: string[] = [];
  lines.push(
    `ESCO ${terminalText(summary.version)} from ${terminalText(summary.dir)}: ${(summary.durationMs / 1000).toFixed(1)} s, ${summary.batches} batches of up to ${summary.batchSize} rows`,
  );
  const width = Math.max(...summary.files.map((file) => terminalText(file.file).length), 4);
  lines.push(
    `${'file'.padEnd(width)}  ${'rows'.padStart(8)}  ${'imported'.padStart(8)}  ${'skipped'.padStart(8)}  ${'ignored'.padStart(8)}`,
  );
  for (const file of summary.files) {
    lines.push(
      `${terminalText(file.file).padEnd(width)}  ${String(file.rows).padStart(8)}  ${String(file.imported).padStart(8)}  ` +
        `${String(file.skipped).padStart(8)}  ${String(file.ignored).padStart(8)}`,
    );
  }
  if (summary.missingOptionalFiles.length > 0)
    lines.push(`optional files not present: ${summary.missingOptionalFiles.map(terminalText).join(', ')}`);
  if (summary.issueCount === 0) {
    lines.push('no issues');
  } else {
    const listed = summary.issues.slice(0, maxIssues);
    const shown =
      listed.length < summary.issueCount ? ` (first ${listed.length} shown; skipped rows per file in the table)` : '';
    lines.push(`${summary.issueCount} issue(s)${shown}:`);
    for (const issue of listed) {
      const where = issue.line === undefined ? `row ${issue.row}` : `row ${issue.row} (line ${issue.line})`;
      lines.push(
        `  ${terminalText(issue.file)} ${where}: ${issue.skipped ? 'skipped: ' : ''}${terminalText(issue.message)}`,
      );
    }
  }
  return lines.join('\n');
}
