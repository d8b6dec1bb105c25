/**
 * Streams the records of one CSV file with a real RFC-4180 parser (ESCO cells hold embedded
 * newlines). The header is checked against the columns the importer reads before any row is
 * produced; a malformed record (wrong field count, bad quoting) is reported with its row and line
 * and skipped, and the stream goes on.
 *
 * An unclosed quote makes a parser read the following lines as the rest of one field: those rows
 * vanish into a single bad record (or, when a later quote happens to close it with the right field
 * count, into one well-formed record with embedded CSV in a cell). The reader looks at the raw
 * text of every record and counts each swallowed line that starts like a row of these files
 * ({@link looksLikeRowStart}) as a row of its own, reported as skipped, so the summary's row and
 * skip counts match the file.
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
 * True when a line, found inside a record, starts like a data row of an ESCO file: optional bare
 * type words and then a concept URI, each followed by a comma and more of the row
 * (`KnowledgeSkillCompetence,http://…,knowledge,…`, `http://…,essential,…`). Labels, descriptions
 * and the URI lists of `inScheme` cells never start that way (checked on the whole v1.1.1 release).
 *
 * @example
 * looksLikeRowStart('Occupation,http://data.europa.eu/esco/occupation/1,2512,...') // true
 * looksLikeRowStart('manage musical staff') // false
 */
export function looksLikeRowStart(line: string): boolean {
  // The URI is bare or wholly quoted, and more of the row follows its comma: a line such as
  // `http://…/isco",` or `http://…/isco,` (the middle of a quoted multi-URI inScheme cell) is not a row.
  return /^(?:[A-Za-z][\w/ -]*,)*(?:"https?:\/\/[^\s",]+"|https?:\/\/[^\s",]+),[^\s]/.test(line);
}

/** Lines after the first of a record's raw text that start like rows: 1-based offsets from its first line. */
function swallowedLines(raw: string | undefined): number[] {
  if (raw === undefined || !/[\r\n]/.test(raw)) return [];
  const lines = raw.split(/\r\n|\n|\r/);
  const found: number[] = [];
  for (let i = 1; i < lines.length; i += 1) if (looksLikeRowStart(lines[i]!)) found.push(i);
  return found;
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
          { source: { file: options.file }, items: missing },
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
    // The raw text of each record, to find rows an unclosed quote swallowed.
    raw: true,
    on_skip: (error: CsvError | undefined, raw?: string) => {
      recordsSeen += 1;
      const startLine = lastLine + 1;
      const endLine = typeof error?.lines === 'number' ? error.lines : lastLine + 1;
      const swallowed = swallowedLines(raw);
      const row = recordsSeen;
      const note =
        swallowed.length === 0 ? '' : `; it swallowed the next ${swallowed.length} row(s), also not imported`;
      options.onMalformed(row, Math.min(startLine, endLine), `${error?.message ?? 'malformed record'}${note}`);
      reportSwallowed(row, startLine, swallowed);
      lastLine = endLine;
      return undefined;
    },
    on_record: ({ record: values, raw }: { record: Record<string, string>; raw: string }, context) => {
      recordsSeen += 1;
      const startLine = lastLine + 1;
      lastLine = context.lines;
      const swallowed = swallowedLines(raw);
      if (swallowed.length > 0) {
        // A stray quote closed by a later one: the record parsed, but holds other rows in a cell.
        const row = recordsSeen;
        options.onMalformed(
          row,
          startLine,
          `a quoted cell runs over ${swallowed.length} following row(s) (unbalanced quote); the record and the row(s) it swallowed were not imported`,
        );
        reportSwallowed(row, startLine, swallowed);
        return null;
      }
      const row: CsvRow = { row: recordsSeen, line: startLine, bytes: context.bytes, values };
      return row;
    },
  });
  /** Counts and reports each row swallowed by the record `row` that starts on `startLine`. */
  function reportSwallowed(row: number, startLine: number, offsets: readonly number[]): void {
    for (const offset of offsets) {
      recordsSeen += 1;
      options.onMalformed(
        recordsSeen,
        startLine + offset,
        `row swallowed by the unbalanced quote of row ${row} (line ${startLine}); not imported`,
      );
    }
  }
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
    throw new EscoImportError(`${options.file}: the file is empty (no header row)`, { source: { file: options.file } });
  }
}
