/**
 * Collects import issues: counts all of them (overall and per file) but keeps only the first
 * `max` in memory, so a badly broken file cannot flood the summary. In strict mode the first
 * issue stops the import.
 */
import { EscoImportError } from './esco-import-error';
import type { ImportIssue } from './import-summary';

/** Issue collector of one import run. */
export class IssueLog {
  private readonly kept: ImportIssue[] = [];
  private total = 0;
  private readonly skippedByFile = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly strict: boolean,
  ) {}

  /** Records an issue; throws {@link EscoImportError} instead when the import is strict. */
  add(issue: ImportIssue): void {
    if (this.strict) {
      const where = issue.line === undefined ? `row ${issue.row}` : `row ${issue.row} (line ${issue.line})`;
      throw new EscoImportError(`${issue.file} ${where}: ${issue.message}`, {
        source: { file: issue.file, row: issue.row, ...(issue.line === undefined ? {} : { line: issue.line }) },
        reason: issue.skipped ? 'SKIPPED_ROW' : 'BAD_ROW',
      });
    }
    this.total += 1;
    if (issue.skipped) this.skippedByFile.set(issue.file, (this.skippedByFile.get(issue.file) ?? 0) + 1);
    if (this.kept.length < this.max) this.kept.push(issue);
  }

  /** Rows of `file` reported as skipped so far. */
  skipped(file: string): number {
    return this.skippedByFile.get(file) ?? 0;
  }

  get count(): number {
    return this.total;
  }

  get issues(): readonly ImportIssue[] {
    return this.kept;
  }
}
