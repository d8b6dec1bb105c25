/**
 * Imports a course catalogue CSV: each row becomes a micro-credential of its provider through the
 * catalog's own validation and repository path, with ESCO skills mapped from its tags (TEACHES,
 * source MAPPED, confidence = the suggestion score, sourceText = the tag or matched label). Rows are validated before any write, then
 * written a batch per transaction; should a batch still fail, its rows are retried one by one so
 * one bad row never costs the others. Credential and provider ids are derived from the data, so
 * importing the same catalogue again updates instead of duplicating; and the same course from
 * another catalogue (same web address, or same provider and normalised title: see
 * `course-identity-keys.ts`) updates the credential first imported rather than adding one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Neo4jExecutor, QueryRunner } from '../db/neo4j-executor';
import type { CatalogRepository } from '../db/repositories/catalog-repository';
import {
  CREDENTIAL_LIST_LIMITS,
  MAX_SOURCE_TEXT_CHARS,
  validateCredentialInput,
  type CredentialInput,
  type ValidCredential,
} from '../domain/catalog/credential-input';
import { validateProviderInput, type ProviderRecord } from '../domain/catalog/provider-input';
import { DomainError } from '../domain/errors';
import { CatalogImportRepository } from '../db/repositories/catalog-import-repository';
import { resolveColumns, type CatalogMapping, type MappableField } from './catalog-mapping';
import { passesFilter, readCourseRow, RowRejection, type CourseRow } from './course-row';
import { SkillTagMapper, type SuggestFn, type TagStatistics } from './skill-tag-mapper';
import { seedHash, stableId } from './stable-id';
import { courseIdentityKeys } from './course-identity-keys';

/** Options of one import. */
export interface CatalogImportOptions {
  readonly mapping: CatalogMapping;
  /** Every course goes to this provider (created with `providerName` when missing). */
  readonly providerId?: string;
  readonly providerName?: string;
  /** Suggestions below this score are not linked (0-1). */
  readonly minConfidence: number;
  /** Courses written per transaction. */
  readonly batchSize?: number;
  /** Reads only the first N data rows. */
  readonly limit?: number;
  /** How many unmapped tags the summary lists. */
  readonly topUnmapped?: number;
  /** Called for every row read, with the bytes of the file the reader has consumed so far. */
  readonly onProgress?: (rowsRead: number, bytesRead: number) => void;
  /** Validate and map skills, write nothing (every valid course counts as created). */
  readonly dryRun?: boolean;
}

/** A row that was not imported, and why. */
export interface SkippedRow {
  /** 1-based data row (header excluded), counting unreadable records too. */
  readonly row: number;
  /** Physical line of the file, for records the CSV reader could not read. */
  readonly line?: number;
  readonly title: string | null;
  readonly reason: string;
}

/** What an import did. */
export interface CatalogImportSummary {
  readonly file: string;
  readonly mapping: string;
  readonly minConfidence: number;
  readonly dryRun: boolean;
  readonly rowsRead: number;
  /** Rows the mapping's filter left out. */
  readonly filteredOut: number;
  readonly imported: number;
  readonly created: number;
  readonly updated: number;
  /** Rows describing a course already imported from an earlier row of the same file. */
  readonly duplicates: number;
  readonly skipped: SkippedRow[];
  readonly providersCreated: number;
  readonly skillLinks: number;
  readonly skillLinksFromText: number;
  readonly coursesWithoutSkills: number;
  readonly rowWarnings: number;
  readonly tags: TagStatistics;
  /** Ids of the imported credentials, in row order. */
  readonly credentialIds: string[];
  readonly durationMs: number;
  /** Why the run stopped early (database failure, unreadable file), else null. */
  readonly aborted: string | null;
}

/**
 * A run that stopped before the end of the file. It carries the summary of what was done until
 * then, so a caller can still report it.
 */
export class CatalogImportAbortedError extends Error {
  constructor(
    readonly summary: CatalogImportSummary,
    cause: unknown,
  ) {
    super(summary.aborted ?? 'catalog import aborted', { cause });
    this.name = 'CatalogImportAbortedError';
  }
}

/**
 * Longest cell the importer reads, in characters. A longer cell is a broken or hostile file (a
 * course description is a few thousand characters); its row is skipped and reported, the cell is
 * never stored. Stored text is shortened further to the catalog's own limits.
 */
export const MAX_CATALOG_CELL_CHARS = 100_000;

/** A record the CSV reader skipped (stray quote, ...), with the position it reported. */
/** The physical lines of a raw CSV record (none when the reader gave no raw text). */
function rawLines(raw: string | undefined): string[] {
  if (raw === undefined || raw === '') return [];
  return raw.replace(/(?:\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/);
}

interface UnreadableRecord {
  /** Records read before it. */
  readonly recordsBefore: number;
  readonly line: number;
  readonly reason: string;
}

interface CourseIdentity {
  readonly provider: ProviderRecord;
  readonly id: string;
  /** What the id is derived from: the catalogue's id, else the URL, else the title. */
  readonly idSeed: string;
  /** Keys shared by the same course in any catalogue (URL; provider + title). */
  readonly keys: readonly string[];
}

interface PreparedCourse {
  readonly row: number;
  readonly keys: readonly string[];
  readonly provider: ProviderRecord;
  readonly credential: ValidCredential;
  /** Skills that came from the description or outcomes rather than tags. */
  readonly textLinks: number;
}

const TEXT_LIMITS = { title: 300, description: 5000, outcome: 2000 };

function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Imports catalogue rows; see the module comment. */
export class CatalogImporter {
  private readonly imports = new CatalogImportRepository();

  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly catalog: CatalogRepository,
    private readonly suggest: SuggestFn,
  ) {}

  /**
   * Imports the CSV file at `file`. Bad rows (unreadable records, oversized cells, failed
   * validation) are skipped and listed in the summary; the rest is imported.
   *
   * @throws CatalogImportAbortedError when the run cannot go on (database down, unknown mapped
   *   column), with the summary of what was written until then.
   */
  async importFile(file: string, options: CatalogImportOptions): Promise<CatalogImportSummary> {
    const started = performance.now();
    const mapper = new SkillTagMapper(this.suggest, { minConfidence: options.minConfidence });
    const batchSize = options.batchSize ?? 50;
    const state = {
      rowsRead: 0,
      filteredOut: 0,
      imported: 0,
      created: 0,
      updated: 0,
      duplicates: 0,
      providersCreated: 0,
      skillLinks: 0,
      skillLinksFromText: 0,
      coursesWithoutSkills: 0,
      rowWarnings: 0,
      skipped: [] as SkippedRow[],
      credentialIds: [] as string[],
      seen: new Set<string>(),
    };
    let columns: Partial<Record<MappableField, string>> | undefined;
    let batch: CourseRow[] = [];

    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await mapper.prefetch(rows.flatMap((r) => r.tags));
      const prepared: PreparedCourse[] = [];
      for (const course of rows) {
        const identity = this.identify(course, options);
        if ('reason' in identity) {
          state.skipped.push(identity);
          continue;
        }
        // A repeated course (same id, URL, or provider and title) is neither mapped nor counted
        // again (its tags would count twice).
        if (state.seen.has(identity.id) || identity.keys.some((key) => state.seen.has(key))) {
          state.duplicates += 1;
          continue;
        }
        state.seen.add(identity.id);
        identity.keys.forEach((key) => {
          state.seen.add(key);
        });
        const outcome = await this.prepare(course, identity, mapper);
        if ('reason' in outcome) state.skipped.push(outcome);
        else prepared.push(outcome);
      }
      const written = options.dryRun
        ? { courses: prepared, existing: new Set<string>(), providersCreated: 0 }
        : await this.write(prepared, state.skipped);
      state.providersCreated += written.providersCreated;
      for (const course of written.courses) {
        state.imported += 1;
        state.credentialIds.push(course.credential.record.id);
        if (written.existing.has(course.credential.record.id)) state.updated += 1;
        else state.created += 1;
        const links = course.credential.skills;
        state.skillLinks += links.length;
        if (links.length === 0) state.coursesWithoutSkills += 1;
      }
      state.skillLinksFromText += written.courses.reduce((sum, c) => sum + c.textLinks, 0);
    };

    // A record the reader cannot parse (a stray quote, say) is skipped and reported rather than
    // ending the run; csv-parse resumes at the next record, and its position comes with the error.
    // relax_quotes is not used: it would import a stray quote's swallowed neighbours as one course.
    const unreadable: UnreadableRecord[] = [];
    const parser = fs.createReadStream(file).pipe(
      parse({
        bom: true,
        columns: (header: string[]) => header.map((h) => h.trim()),
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        // The raw text of a skipped record, to name the lines a stray quote swallowed into it.
        raw: true,
        skip_records_with_error: true,
        on_skip: (error, raw) => {
          const info = error as unknown as { records?: number; lines?: number };
          const recordsBefore = info.records ?? 0;
          const endLine = info.lines ?? 0;
          // A quote left open runs the record on over the following lines (to the end of the
          // file, unclosed): those rows are not imported, and each is reported, not lost silently.
          const swallowed = rawLines(raw).slice(1);
          const firstLine = Math.max(1, endLine - swallowed.length);
          const reason = `unreadable CSV record: ${error?.message ?? 'unknown error'}${
            swallowed.length > 0 ? `; its open quote ran over the next ${swallowed.length} line(s), not imported` : ''
          }`;
          // A bad closing quote is reported twice by the reader (the quote, then the quote left
          // open at the end of the file): one row, both reasons.
          const previous = unreadable.at(-1);
          if (previous !== undefined && previous.line === firstLine && previous.recordsBefore === recordsBefore) {
            unreadable[unreadable.length - 1] = {
              ...previous,
              reason: `${previous.reason}; ${reason.replace(/^unreadable CSV record: /, '')}`,
            };
          } else {
            unreadable.push({ recordsBefore, line: firstLine, reason });
          }
          swallowed.forEach((text, i) => {
            if (text.trim() === '') return;
            unreadable.push({
              recordsBefore,
              line: firstLine + 1 + i,
              reason: `line swallowed by the open quote of line ${firstLine}; not imported`,
            });
          });
        },
      }),
    );
    let row = 0;
    let bytesRead = 0;
    let limitReached = false;
    const countRow = (): boolean => {
      if (options.limit !== undefined && row >= options.limit) {
        limitReached = true;
        return false;
      }
      row += 1;
      state.rowsRead += 1;
      options.onProgress?.(state.rowsRead, bytesRead);
      return true;
    };
    // Records the reader skipped before the record that has `recordsBefore` predecessors.
    const takeUnreadable = (recordsBefore: number) => {
      while (unreadable.length > 0 && unreadable[0]!.recordsBefore < recordsBefore && !limitReached) {
        const skip = unreadable.shift()!;
        if (countRow()) state.skipped.push({ row, line: skip.line, title: null, reason: skip.reason });
      }
    };
    let aborted: unknown = null;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { records: number; bytes: number };
      }>) {
        bytesRead = info.bytes;
        takeUnreadable(info.records);
        if (!countRow()) break;
        columns ??= resolveColumns(options.mapping, Object.keys(record));
        if (!passesFilter(record, options.mapping)) {
          state.filteredOut += 1;
          continue;
        }
        const oversized = Object.entries(record).find(([, value]) => value.length > MAX_CATALOG_CELL_CHARS);
        if (oversized) {
          state.skipped.push({
            row,
            title: null,
            reason: `column "${oversized[0]}" holds ${oversized[1].length} characters, more than the ${MAX_CATALOG_CELL_CHARS} a cell may hold`,
          });
          continue;
        }
        try {
          const course = readCourseRow(row, record, columns, options.mapping);
          if (course.warnings.length > 0) state.rowWarnings += 1;
          batch.push(course);
        } catch (error) {
          if (!(error instanceof RowRejection)) throw error;
          state.skipped.push({ row, title: null, reason: error.message });
        }
        if (batch.length >= batchSize) await flush();
      }
      takeUnreadable(Number.POSITIVE_INFINITY);
      await flush();
    } catch (error) {
      aborted = error;
    } finally {
      parser.destroy();
    }
    const { seen: _seen, ...counts } = state;
    const summary: CatalogImportSummary = {
      file: path.basename(file),
      mapping: options.mapping.name,
      minConfidence: options.minConfidence,
      dryRun: options.dryRun ?? false,
      ...counts,
      skipped: [...counts.skipped].sort((a, b) => a.row - b.row),
      tags: mapper.statistics(options.topUnmapped ?? 20),
      durationMs: performance.now() - started,
      aborted: aborted === null ? null : aborted instanceof Error ? aborted.message : String(aborted),
    };
    if (aborted !== null) throw new CatalogImportAbortedError(summary, aborted);
    return summary;
  }

  /** The provider and stable id of a course; a course without a provider is skipped. */
  private identify(course: CourseRow, options: CatalogImportOptions): CourseIdentity | SkippedRow {
    const providerName = options.providerName ?? course.providerName ?? options.providerId;
    if (providerName === undefined || providerName === null)
      return {
        row: course.row,
        title: course.title,
        reason: 'no provider (map a provider column, set defaults.provider or pass --provider-id)',
      };
    try {
      const provider = validateProviderInput({
        id: options.providerId ?? stableId('prov', `name|${providerName.trim().toLowerCase()}`, providerName),
        name: shorten(providerName.trim(), 300),
      });
      const idSeed = course.id ?? course.url ?? course.title.trim().toLowerCase();
      const url = course.url !== null && isHttpUrl(course.url) ? course.url : null;
      return {
        provider,
        id: `mc-${seedHash(`${provider.id}|${idSeed}`, 20)}`,
        idSeed,
        keys: courseIdentityKeys(provider.id, course.title, url),
      };
    } catch (error) {
      if (error instanceof DomainError) return { row: course.row, title: course.title, reason: error.message };
      throw error;
    }
  }

  /**
   * Validates a course, then maps its skills and validates it with them. A course failing
   * validation is skipped with the reason before any look-up is spent on it.
   */
  private async prepare(
    course: CourseRow,
    identity: CourseIdentity,
    mapper: SkillTagMapper,
  ): Promise<PreparedCourse | SkippedRow> {
    const input: CredentialInput = {
      id: identity.id,
      title: shorten(course.title, TEXT_LIMITS.title),
      description: course.description === null ? null : shorten(course.description, TEXT_LIMITS.description),
      providerId: identity.provider.id,
      country: course.country,
      learningOutcomes: course.learningOutcomes
        .slice(0, CREDENTIAL_LIST_LIMITS.learningOutcomes)
        .map((o) => shorten(o, TEXT_LIMITS.outcome)),
      workloadHours: course.workloadHours !== null && course.workloadHours <= 10_000 ? course.workloadHours : null,
      languages: course.languages.slice(0, CREDENTIAL_LIST_LIMITS.languages),
      participationForm: course.participationForm,
      price: course.price,
      url: course.url !== null && isHttpUrl(course.url) ? course.url : null,
      sourceFormat: 'CSV',
      sourceId: shorten(identity.idSeed, 2000),
    };
    try {
      validateCredentialInput(input);
    } catch (error) {
      if (error instanceof DomainError) return { row: course.row, title: course.title, reason: error.message };
      throw error;
    }
    const text = [course.description, ...course.learningOutcomes]
      .filter((t): t is string => t !== null && t.trim() !== '')
      .join('\n');
    const skills = await mapper.mapCourse(course.tags, text === '' ? null : text);
    const credential = validateCredentialInput({
      ...input,
      skills: skills.map((s) => ({
        uri: s.uri,
        source: 'MAPPED',
        confidence: s.confidence,
        sourceText: s.evidence === '' ? null : s.evidence.slice(0, MAX_SOURCE_TEXT_CHARS),
      })),
    });
    return {
      row: course.row,
      keys: identity.keys,
      provider: identity.provider,
      credential,
      textLinks: skills.filter((s) => s.from === 'text').length,
    };
  }

  /** Writes a batch in one transaction; when that fails, each course alone. */
  private async write(
    courses: PreparedCourse[],
    skipped: SkippedRow[],
  ): Promise<{ courses: PreparedCourse[]; existing: Set<string>; providersCreated: number }> {
    const none = { courses: [], existing: new Set<string>(), providersCreated: 0 };
    if (courses.length === 0) return none;
    try {
      return await this.executor.transaction('WRITE', (tx) => this.writeBatch(courses, tx));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (courses.length === 1) {
        skipped.push({ row: courses[0]!.row, title: courses[0]!.credential.record.title, reason: error.message });
        return none;
      }
    }
    const written: PreparedCourse[] = [];
    const existing = new Set<string>();
    let providersCreated = 0;
    for (const course of courses) {
      const result = await this.write([course], skipped);
      written.push(...result.courses);
      result.existing.forEach((id) => {
        existing.add(id);
      });
      providersCreated += result.providersCreated;
    }
    return { courses: written, existing, providersCreated };
  }

  /**
   * Writes a batch. The courses' identity keys are locked first, so a course another catalogue
   * already brought in (same URL, else same provider and title) takes that credential's id and
   * updates it, even when both imports run at once.
   */
  private async writeBatch(
    batch: PreparedCourse[],
    tx: QueryRunner,
  ): Promise<{ courses: PreparedCourse[]; existing: Set<string>; providersCreated: number }> {
    const owners = await this.imports.lockCredentialKeys(
      batch.flatMap((c) => c.keys),
      tx,
    );
    const courses = batch.map((course) => {
      const owner = course.keys.map((key) => owners.get(key)).find((id) => id !== undefined);
      if (owner === undefined || owner === course.credential.record.id) return course;
      return { ...course, credential: { ...course.credential, record: { ...course.credential.record, id: owner } } };
    });
    const providers = [...new Map(courses.map((c) => [c.provider.id, c.provider])).values()];
    const found = await this.imports.findExistingRecords(
      [],
      courses.map((c) => c.credential.record.id),
      tx,
    );
    const created = await this.imports.createMissingProviders(providers, tx);
    for (const course of courses) await this.catalog.mergeCredential(course.credential, null, tx);
    await this.imports.linkCredentialKeys(
      courses.map((c) => ({ credentialId: c.credential.record.id, keys: c.keys })),
      tx,
    );
    return { courses, existing: new Set(found.credentialIds), providersCreated: created.size };
  }
}
