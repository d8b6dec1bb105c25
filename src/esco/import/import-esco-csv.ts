/**
 * Imports an ESCO CSV release folder into the graph.
 *
 * Order: ISCO groups, skill groups, collections (kept in memory), skills, occupations, then the
 * relation files, then the derived counts and the GraphMeta record. All writes MERGE on URIs and
 * SET every property from the row, links are MERGEd, and the REQUIRES counts are recomputed from
 * the graph at the end, so a run stopped anywhere and run again ends in the same graph as one
 * uninterrupted run, and a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import { Batcher, type RowRef } from './batcher';
import { openCsvFile, readCsvRows, type CsvRow } from './csv-rows';
import {
  ESCO_FILES,
  resolveEscoFiles,
  type EscoFileKey,
  type ResolvedEscoFile,
  type ResolvedEscoFiles,
} from './esco-files';
import { EscoGraphRepository } from './esco-graph-repository';
import type {
  IscoGroupRecord,
  LinkKind,
  LinkRecord,
  OccupationRecord,
  SkillGroupRecord,
  SkillRecord,
} from './esco-records';
import { silentProgress, type ImportProgress } from './import-progress';
import type { FileSummary, ImportSummary } from './import-summary';
import { IssueLog } from './issue-log';
import { assertUtf8File } from './utf8-check';
import {
  mapBroaderRow,
  mapCollectionRow,
  mapHierarchyRow,
  mapIscoGroupRow,
  mapOccupationRow,
  mapOccupationSkillRow,
  mapSkillGroupRow,
  mapSkillRow,
  mapSkillSkillRow,
  type Mapped,
} from './row-mapping';
import { abortError, WriteQueue } from './write-queue';

/** Rows per write transaction. Measured on the full v1.1.1 release (see tools/bench-import.ts). */
export const DEFAULT_BATCH_SIZE = 5_000;

/** The release assumed when the caller names none. */
export const DEFAULT_ESCO_VERSION = 'v1.1.1';

/** Options of {@link importEscoCsv}. */
export interface ImportEscoCsvOptions {
  /** Stop at the first bad row (malformed, unknown reference) instead of skipping it. */
  readonly strict?: boolean;
  /** Rows per write transaction; default {@link DEFAULT_BATCH_SIZE}. */
  readonly batchSize?: number;
  readonly progress?: ImportProgress;
  /** Aborts between batches; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** ESCO release recorded in GraphMeta; default {@link DEFAULT_ESCO_VERSION}. */
  readonly version?: string;
  /** Issues kept in the summary (all are counted); default 200. */
  readonly maxIssues?: number;
  /** GraphMeta.source; default `csv:<absolute folder>`. */
  readonly source?: string;
  /** Write the GraphMeta record at the end (default true); off for partial or test folders. */
  readonly recordGraphMeta?: boolean;
}

/** The endpoint labels of each link kind, for messages. */
const ENDPOINTS: Readonly<Record<LinkKind, readonly [string, string]>> = {
  'skill-broader': ['skill', 'broader skill'],
  'skill-in-group': ['skill', 'skill group'],
  'group-broader': ['skill group', 'broader skill group'],
  'occupation-broader': ['occupation', 'broader occupation'],
  'occupation-isco-group': ['occupation', 'ISCO group'],
  'isco-broader': ['ISCO group', 'broader ISCO group'],
  'skill-related': ['skill', 'related skill'],
  'occupation-skill': ['occupation', 'skill'],
};

/** Counters of the file being read. */
interface FileCounts {
  rows: number;
  imported: number;
  ignored: number;
}

/** What {@link CsvImportRun.readFile} calls for each row and at the end of the file. */
interface FileHandler {
  row(row: CsvRow): Promise<void> | undefined | void;
  flush?(): Promise<void>;
}

/** Rows of a collection file, checked against the concepts once those are read. */
interface CollectionRows {
  readonly file: ResolvedEscoFile;
  readonly members: Array<{ uri: string; ref: RowRef }>;
}

/**
 * Imports the ESCO CSV release in `dir` (v1.1.x or v1.2.x file names) and returns what was read,
 * imported and skipped. Rejects with `EscoImportError` for a missing file or column, a file that
 * is not UTF-8 (before anything is written) and, when `strict`, for the first bad row; or with the
 * abort reason. Rows with values over `ESCO_FIELD_LIMITS` (row-mapping.ts) and rows swallowed by an unbalanced
 * quote are reported and skipped.
 *
 * @example
 * const summary = await importEscoCsv(executor, '../shared/data/esco', { progress: consoleProgress() });
 * console.log(formatImportSummary(summary));
 */
export async function importEscoCsv(
  executor: Neo4jExecutor,
  dir: string,
  options: ImportEscoCsvOptions = {},
): Promise<ImportSummary> {
  const absolute = path.resolve(dir);
  return new CsvImportRun(new EscoGraphRepository(executor), resolveEscoFiles(absolute), options).execute();
}

class CsvImportRun {
  private readonly startedAt = new Date();
  private readonly batchSize: number;
  private readonly progress: ImportProgress;
  private readonly issues: IssueLog;
  private readonly queue: WriteQueue;
  private readonly summaries = new Map<EscoFileKey, FileSummary>();
  private readonly groupUris = new Set<string>();
  private readonly skillUris = new Set<string>();
  private readonly occupationUris = new Set<string>();
  private readonly skillCollections = new Map<string, Set<string>>();
  private readonly researchOccupations = new Set<string>();
  private readonly collectionFiles: CollectionRows[] = [];
  private currentFile = '';

  constructor(
    private readonly repo: EscoGraphRepository,
    private readonly files: ResolvedEscoFiles,
    private readonly options: ImportEscoCsvOptions,
  ) {
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    this.progress = options.progress ?? silentProgress;
    this.issues = new IssueLog(options.maxIssues ?? 200, options.strict ?? false);
    this.queue = new WriteQueue(options.signal, (rows, batches) =>
      this.progress.batchCommitted(this.currentFile, rows, batches),
    );
  }

  async execute(): Promise<ImportSummary> {
    let completed = false;
    try {
      // Every file is checked before the first write: a wrongly encoded file must not leave the
      // files before it imported.
      for (const file of this.files.files.values()) await assertUtf8File(file.path, file.name);
      await this.importIscoGroups();
      await this.importSkillGroups();
      await this.importHierarchyGroups();
      for (const spec of ESCO_FILES) {
        if (spec.collection !== undefined || spec.key === 'researchOccupations') await this.readCollection(spec.key);
      }
      await this.importSkills();
      await this.importOccupations();
      this.checkCollections();
      await this.importLinks('skillPillarRelations', mapBroaderRow);
      await this.importLinks('occupationPillarRelations', mapBroaderRow);
      await this.importLinks('skillSkillRelations', mapSkillSkillRow);
      await this.importLinks('occupationSkillRelations', mapOccupationSkillRow);
      this.throwIfAborted();
      await this.repo.updateOccupationCounts();
      if (this.options.recordGraphMeta ?? true) {
        await this.repo.mergeGraphMeta({
          version: this.options.version ?? DEFAULT_ESCO_VERSION,
          importedAt: new Date().toISOString(),
          source: this.options.source ?? `csv:${this.files.dir}`,
        });
      }
      completed = true;
    } finally {
      await this.queue.settle();
      // A failed import may have written some batches: read models must not keep the graph of before.
      if (!completed && this.queue.batches > 0) await this.repo.markReadModelsStale().catch(() => undefined);
      this.progress.stop();
    }
    return {
      version: this.options.version ?? DEFAULT_ESCO_VERSION,
      dir: this.files.dir,
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      batchSize: this.batchSize,
      batches: this.queue.batches,
      files: ESCO_FILES.flatMap((spec) => this.summaries.get(spec.key) ?? []),
      missingOptionalFiles: this.files.missingOptional.map((spec) => spec.names[0]!),
      issueCount: this.issues.count,
      issues: this.issues.issues,
    };
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw abortError(this.options.signal);
  }

  /** Reports a bad row of the current file; it was not written. */
  private skip(file: string, ref: RowRef, message: string): void {
    this.issues.add({
      file,
      row: ref.row,
      ...(ref.line === undefined ? {} : { line: ref.line }),
      message,
      skipped: true,
    });
  }

  private warn(file: string, ref: RowRef, message: string): void {
    this.issues.add({
      file,
      row: ref.row,
      ...(ref.line === undefined ? {} : { line: ref.line }),
      message,
      skipped: false,
    });
  }

  /**
   * Streams one file: `setup` gets the file's counters and name and returns the row handler and
   * a final flush. Batches still in flight are drained before the summary is taken, so its
   * counts are final.
   */
  private async readFile(key: EscoFileKey, setup: (counts: FileCounts, file: string) => FileHandler): Promise<void> {
    const file = this.files.files.get(key);
    if (!file) return;
    this.throwIfAborted();
    const started = performance.now();
    this.currentFile = file.name;
    this.progress.startFile(file.name, fs.statSync(file.path).size);
    const counts: FileCounts = { rows: 0, imported: 0, ignored: 0 };
    const handler = setup(counts, file.name);
    const skippedBefore = this.issues.skipped(file.name);
    const rows = readCsvRows(openCsvFile(file.path), {
      file: file.name,
      columns: file.spec.columns,
      allowShortRows: file.spec.shortRows ?? false,
      onMalformed: (row, line, message) => {
        counts.rows += 1;
        this.skip(file.name, { row, line }, `malformed CSV record: ${message}`);
      },
    });
    for await (const row of rows) {
      counts.rows += 1;
      const pending = handler.row(row);
      if (pending !== undefined) await pending;
      if (counts.rows % 1_000 === 0) this.progress.update(file.name, counts.rows, row.bytes);
    }
    if (handler.flush) await handler.flush();
    await this.queue.drain();
    const summary: FileSummary = {
      key,
      file: file.name,
      rows: counts.rows,
      imported: counts.imported,
      skipped: this.issues.skipped(file.name) - skippedBefore,
      ignored: counts.ignored,
      durationMs: Math.round(performance.now() - started),
    };
    this.summaries.set(key, summary);
    this.progress.finishFile(summary);
  }

  /** Handles a mapped row: reports a rejection, a warning, or passes the record on. */
  private accept<T>(file: string, row: CsvRow, mapped: Mapped<T>): T | undefined {
    if (!mapped.ok) {
      this.skip(file, row, mapped.message);
      return undefined;
    }
    if (mapped.warning !== undefined) this.warn(file, row, mapped.warning);
    return mapped.record;
  }

  private async importIscoGroups(): Promise<void> {
    await this.readFile('iscoGroups', (counts, file) => {
      const batcher = new Batcher<IscoGroupRecord>(this.batchSize, this.queue, async (records) => {
        await this.repo.mergeIscoGroups(records);
        counts.imported += records.length;
      });
      return {
        row: (row) => {
          const record = this.accept(file, row, mapIscoGroupRow(row.values));
          return record ? batcher.add(record, row) : undefined;
        },
        flush: () => batcher.flush(),
      };
    });
  }

  private async importSkillGroups(): Promise<void> {
    await this.readFile('skillGroups', (counts, file) => {
      const batcher = new Batcher<SkillGroupRecord>(this.batchSize, this.queue, async (records) => {
        await this.repo.mergeSkillGroups(records);
        counts.imported += records.length;
      });
      return {
        row: (row) => {
          const record = this.accept(file, row, mapSkillGroupRow(row.values));
          if (!record) return undefined;
          this.groupUris.add(record.uri);
          return batcher.add(record, row);
        },
        flush: () => batcher.flush(),
      };
    });
  }

  /**
   * The hierarchy file repeats skillGroups_en.csv, but in v1.1.1 it also names 7 groups that
   * file lacks (and which broaderRelationsSkillPillar links to); only those are written.
   */
  private async importHierarchyGroups(): Promise<void> {
    await this.readFile('skillsHierarchy', (counts, file) => {
      const batcher = new Batcher<SkillGroupRecord>(this.batchSize, this.queue, async (records) => {
        await this.repo.mergeSkillGroups(records);
        counts.imported += records.length;
      });
      return {
        row: (row) => {
          const record = this.accept(file, row, mapHierarchyRow(row.values));
          if (!record) return undefined;
          if (this.groupUris.has(record.uri)) {
            counts.ignored += 1;
            return undefined;
          }
          this.groupUris.add(record.uri);
          return batcher.add(record, row);
        },
        flush: () => batcher.flush(),
      };
    });
  }

  /** Reads a collection file into memory; its members are written as properties of their concepts. */
  private async readCollection(key: EscoFileKey): Promise<void> {
    const resolved = this.files.files.get(key);
    if (!resolved) return;
    const collection = resolved.spec.collection;
    const rows: CollectionRows = { file: resolved, members: [] };
    await this.readFile(key, (counts, file) => ({
      row: (row) => {
        const uri = this.accept(file, row, mapCollectionRow(row.values));
        if (uri === undefined) return;
        counts.imported += 1;
        rows.members.push({ uri, ref: { row: row.row, line: row.line } });
        if (collection === undefined) {
          this.researchOccupations.add(uri);
        } else {
          let names = this.skillCollections.get(uri);
          if (!names) {
            names = new Set();
            this.skillCollections.set(uri, names);
          }
          names.add(collection);
        }
      },
    }));
    this.collectionFiles.push(rows);
  }

  /** Collection rows naming a concept absent from skills/occupations were not applied: report them. */
  private checkCollections(): void {
    for (const { file, members } of this.collectionFiles) {
      const known = file.spec.key === 'researchOccupations' ? this.occupationUris : this.skillUris;
      const what = file.spec.key === 'researchOccupations' ? 'occupation' : 'skill';
      let unknown = 0;
      for (const member of members) {
        if (known.has(member.uri)) continue;
        unknown += 1;
        this.skip(file.name, member.ref, `unknown ${what} ${member.uri}`);
      }
      const summary = this.summaries.get(file.spec.key);
      if (summary && unknown > 0) {
        this.summaries.set(file.spec.key, {
          ...summary,
          imported: summary.imported - unknown,
          skipped: summary.skipped + unknown,
        });
      }
    }
  }

  private async importSkills(): Promise<void> {
    await this.readFile('skills', (counts, file) => {
      const batcher = new Batcher<SkillRecord>(this.batchSize, this.queue, async (records) => {
        await this.repo.mergeSkills(records);
        counts.imported += records.length;
      });
      return {
        row: (row) => {
          const uri = (row.values['conceptUri'] ?? '').trim();
          const collections = [...(this.skillCollections.get(uri) ?? [])];
          const record = this.accept(file, row, mapSkillRow(row.values, collections));
          if (!record) return undefined;
          this.skillUris.add(record.uri);
          return batcher.add(record, row);
        },
        flush: () => batcher.flush(),
      };
    });
  }

  private async importOccupations(): Promise<void> {
    await this.readFile('occupations', (counts, file) => {
      const batcher = new Batcher<OccupationRecord>(this.batchSize, this.queue, async (records, refs) => {
        const unlinked = await this.repo.mergeOccupations(records);
        counts.imported += records.length;
        for (const index of unlinked) {
          const code = records[index]!.iscoGroupCode;
          this.warn(file, refs[index]!, `unknown ISCO group code "${code}": occupation imported without IN_ISCO_GROUP`);
        }
      });
      return {
        row: (row) => {
          const uri = (row.values['conceptUri'] ?? '').trim();
          const record = this.accept(file, row, mapOccupationRow(row.values, this.researchOccupations.has(uri)));
          if (!record) return undefined;
          this.occupationUris.add(record.uri);
          return batcher.add(record, row);
        },
        flush: () => batcher.flush(),
      };
    });
  }

  /**
   * Streams a relation file. Each link kind has its own batches (one query per kind), and links
   * the graph cannot take because an endpoint is missing are reported with their row.
   */
  private async importLinks(key: EscoFileKey, map: (values: CsvRow['values']) => Mapped<LinkRecord>): Promise<void> {
    await this.readFile(key, (counts, file) => {
      const batchers = new Map<LinkKind, Batcher<LinkRecord>>();
      const batcherFor = (kind: LinkKind): Batcher<LinkRecord> => {
        let batcher = batchers.get(kind);
        if (!batcher) {
          batcher = new Batcher<LinkRecord>(this.batchSize, this.queue, async (records, refs) => {
            const unmatched = await this.repo.mergeLinks(kind, records);
            counts.imported += records.length - unmatched.length;
            const [fromName, toName] = ENDPOINTS[kind];
            for (const miss of unmatched) {
              const record = records[miss.index]!;
              const missing = [
                ...(miss.fromFound ? [] : [`unknown ${fromName} ${record.from}`]),
                ...(miss.toFound ? [] : [`unknown ${toName} ${record.to}`]),
              ];
              this.skip(file, refs[miss.index]!, missing.join('; '));
            }
          });
          batchers.set(kind, batcher);
        }
        return batcher;
      };
      return {
        row: (row) => {
          const record = this.accept(file, row, map(row.values));
          return record ? batcherFor(record.kind).add(record, row) : undefined;
        },
        flush: async () => {
          for (const batcher of batchers.values()) await batcher.flush();
        },
      };
    });
  }
}
