/**
 * Streams the records of one CSV file with a real RFC-4180 parser (ESCO cells hold embedded
 * newlines). The header is checked against the columns the importer reads before any row is
 * produced; a malformed record (wrong field count, bad quoting) is reported with its row and line
 * and skipped, and the stream goes on.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { EscoImportError } from './esco-import-error';

/** One parsed record. */
export interface CsvRow {
  /** 1-based data record number (header excluded; malformed records are counted too). */
  readonly row: number;
  /** Physical line the record starts on (header = line 1). */
  readonly line: number;
  /** Bytes of the input consumed up to the end of this record, for progress. */
  readonly bytes: number;
  readonly values: Readonly<Record<string, string>>;
}

/** How {@link readCsvRows} reports and checks. */
export interface CsvReadOptions {
  /** The name used in messages (the file name as found). */
  readonly file: string;
  /** Columns that must be present in the header. */
  readonly columns: readonly string[];
  /** Accept records with fewer fields than the header (missing trailing cells read as ''). */
  readonly allowShortRows?: boolean;
  /** Receives the header (trimmed column names, in file order) once it has been checked. */
  readonly onHeader?: (columns: string[]) => void;
  /** Called for every malformed record, which is then skipped. */
  readonly onMalformed: (row: number, line: number, message: string) => void;
}

/**
 * Checks a header against required columns. Returns the missing ones (empty when fine).
 *
 * @example
 * missingColumns(['conceptUri', 'code'], ['conceptUri', 'preferredLabel']) // ['preferredLabel']
 */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  const present = new Set(header.map((name) => name.trim()));
  return required.filter((name) => !present.has(name));
}

/** Opens a file as a byte stream for {@link readCsvRows}. */
export function openCsvFile(filePath: string): Readable {
  return fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
}

/**
 * Parses `input` and yields its records in order.
 *
 * @throws EscoImportError when the file is empty or its header lacks a required column.
 */
export async function* readCsvRows(input: Readable, options: CsvReadOptions): AsyncGenerator<CsvRow> {
  let headerSeen = false;
  // Parse-time bookkeeping: csv-parse calls on_record/on_skip while parsing, ahead of what the
  // consumer has taken from its buffer, so row numbers must be assigned here and not on reading.
  let recordsSeen = 0;
  let lastLine = 1;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const missing = missingColumns(header, options.columns);
      if (missing.length > 0) {
        throw new EscoImportError(
          `${options.file}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} ` +
            `(header has: ${header.join(', ')})`,
          { file: options.file, missing },
        );
      }
      headerSeen = true;
      const columns = header.map((name) => name.trim());
      options.onHeader?.(columns);
      return columns;
    },
    relax_column_count: false,
    relax_column_count_less: options.allowShortRows ?? false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      recordsSeen += 1;
      const endLine = typeof error?.lines === 'number' ? error.lines : lastLine + 1;
      options.onMalformed(recordsSeen, Math.min(lastLine + 1, endLine), error?.message ?? 'malformed record');
      lastLine = endLine;
      return undefined;
    },
    on_record: (values: Record<string, string>, context) => {
      recordsSeen += 1;
      const row: CsvRow = { row: recordsSeen, line: lastLine + 1, bytes: context.bytes, values };
      lastLine = context.lines;
      return row;
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) {
      if (options.allowShortRows) {
        // csv-parse leaves the missing trailing columns out of the record entirely.
        for (const column of options.columns) (row.values as Record<string, string>)[column] ??= '';
      }
      yield row;
    }
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  if (!headerSeen) {
    throw new EscoImportError(`${options.file}: the file is empty (no header row)`, { file: options.file });
  }
}
