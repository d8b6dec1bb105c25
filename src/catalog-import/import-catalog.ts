/**
 * Imports a course catalogue CSV: each row becomes a micro-credential of its provider through the
 * catalog's own validation and repository path, with ESCO skills mapped from its tags (TEACHES,
 * source MAPPED, confidence = the suggestion score). Rows are validated before any write, then
 * written a batch per transaction; should a batch still fail, its rows are retried one by one so
 * one bad row never costs the others. Credential and provider ids are derived from the data, so
 * importing the same catalogue again updates instead of duplicating.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Neo4jExecutor, QueryRunner } from '../db/neo4j-executor';
import type { CatalogRepository } from '../db/repositories/catalog-repository';
import { validateCredentialInput, type CredentialInput, type ValidCredential } from '../domain/catalog/credential-input';
import { validateProviderInput, type ProviderRecord } from '../domain/catalog/provider-input';
import { DomainError } from '../domain/errors';
import { CatalogImportRepository } from '../db/repositories/catalog-import-repository';
import { resolveColumns, type CatalogMapping, type MappableField } from './catalog-mapping';
import { passesFilter, readCourseRow, RowRejection, type CourseRow } from './course-row';
import { SkillTagMapper, type SuggestFn, type TagStatistics } from './skill-tag-mapper';
import { seedHash, stableId } from './stable-id';

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
  readonly onProgress?: (rowsRead: number) => void;
  /** Validate and map skills, write nothing (every valid course counts as created). */
  readonly dryRun?: boolean;
}

/** A row that was not imported, and why. */
export interface SkippedRow {
  readonly row: number;
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
}

interface CourseIdentity {
  readonly provider: ProviderRecord;
  readonly id: string;
  /** What the id is derived from: the catalogue's id, else the URL, else the title. */
  readonly idSeed: string;
}

interface PreparedCourse {
  readonly row: number;
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

  /** Imports the CSV file at `file`. */
  async importFile(file: string, options: CatalogImportOptions): Promise<CatalogImportSummary> {
    const started = performance.now();
    const mapper = new SkillTagMapper(this.suggest, { minConfidence: options.minConfidence });
    const batchSize = options.batchSize ?? 50;
    const state = {
      rowsRead: 0, filteredOut: 0, imported: 0, created: 0, updated: 0, duplicates: 0, providersCreated: 0,
      skillLinks: 0, skillLinksFromText: 0, coursesWithoutSkills: 0, rowWarnings: 0,
      skipped: [] as SkippedRow[], credentialIds: [] as string[], seen: new Set<string>(),
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
        // A repeated course is neither mapped nor counted again (its tags would count twice).
        if (state.seen.has(identity.id)) {
          state.duplicates += 1;
          continue;
        }
        state.seen.add(identity.id);
        const outcome = await this.prepare(course, identity, mapper);
        if ('reason' in outcome) state.skipped.push(outcome);
        else prepared.push(outcome);
      }
      const written = options.dryRun ? { courses: prepared, existing: new Set<string>(), providersCreated: 0 } : await this.write(prepared, state.skipped);
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

    const parser = fs.createReadStream(file).pipe(parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim()), relax_column_count: true, skip_empty_lines: true }));
    let row = 0;
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row += 1;
      if (options.limit !== undefined && row > options.limit) break;
      columns ??= resolveColumns(options.mapping, Object.keys(record));
      state.rowsRead += 1;
      options.onProgress?.(state.rowsRead);
      if (!passesFilter(record, options.mapping)) {
        state.filteredOut += 1;
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
    parser.destroy();
    await flush();
    const { seen: _seen, ...counts } = state;
    return {
      file: path.basename(file),
      mapping: options.mapping.name,
      minConfidence: options.minConfidence,
      dryRun: options.dryRun ?? false,
      ...counts,
      tags: mapper.statistics(options.topUnmapped ?? 20),
      durationMs: performance.now() - started,
    };
  }

  /** The provider and stable id of a course; a course without a provider is skipped. */
  private identify(course: CourseRow, options: CatalogImportOptions): CourseIdentity | SkippedRow {
    const providerName = options.providerName ?? course.providerName ?? options.providerId;
    if (providerName === undefined || providerName === null) return { row: course.row, title: course.title, reason: 'no provider (map a provider column, set defaults.provider or pass --provider-id)' };
    try {
      const provider = validateProviderInput({
        id: options.providerId ?? stableId('prov', `name|${providerName.trim().toLowerCase()}`, providerName),
        name: shorten(providerName.trim(), 300),
      });
      const idSeed = course.id ?? course.url ?? course.title.trim().toLowerCase();
      return { provider, id: `mc-${seedHash(`${provider.id}|${idSeed}`, 20)}`, idSeed };
    } catch (error) {
      if (error instanceof DomainError) return { row: course.row, title: course.title, reason: error.message };
      throw error;
    }
  }

  /**
   * Validates a course, then maps its skills and validates it with them. A course failing
   * validation is skipped with the reason before any look-up is spent on it.
   */
  private async prepare(course: CourseRow, identity: CourseIdentity, mapper: SkillTagMapper): Promise<PreparedCourse | SkippedRow> {
    const input: CredentialInput = {
      id: identity.id,
      title: shorten(course.title, TEXT_LIMITS.title),
      description: course.description === null ? null : shorten(course.description, TEXT_LIMITS.description),
      providerId: identity.provider.id,
      country: course.country,
      learningOutcomes: course.learningOutcomes.map((o) => shorten(o, TEXT_LIMITS.outcome)),
      workloadHours: course.workloadHours !== null && course.workloadHours <= 10_000 ? course.workloadHours : null,
      languages: course.languages,
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
    const text = [course.description, ...course.learningOutcomes].filter((t): t is string => t !== null && t.trim() !== '').join('\n');
    const skills = await mapper.mapCourse(course.tags, text === '' ? null : text);
    const credential = validateCredentialInput({ ...input, skills: skills.map((s) => ({ uri: s.uri, source: 'MAPPED', confidence: s.confidence })) });
    return { row: course.row, provider: identity.provider, credential, textLinks: skills.filter((s) => s.from === 'text').length };
  }

  /** Writes a batch in one transaction; when that fails, each course alone. */
  private async write(courses: PreparedCourse[], skipped: SkippedRow[]): Promise<{ courses: PreparedCourse[]; existing: Set<string>; providersCreated: number }> {
    const none = { courses: [], existing: new Set<string>(), providersCreated: 0 };
    if (courses.length === 0) return none;
    try {
      return { courses, ...(await this.executor.writeTransaction((tx) => this.writeIn(tx, courses))) };
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
      result.existing.forEach((id) => existing.add(id));
      providersCreated += result.providersCreated;
    }
    return { courses: written, existing, providersCreated };
  }

  private async writeIn(tx: QueryRunner, courses: PreparedCourse[]): Promise<{ existing: Set<string>; providersCreated: number }> {
    const providers = [...new Map(courses.map((c) => [c.provider.id, c.provider])).values()];
    const found = await this.imports.findExistingRecordsIn(tx, [], courses.map((c) => c.credential.record.id));
    const created = await this.imports.createMissingProvidersIn(tx, providers);
    for (const course of courses) await this.catalog.mergeCredentialIn(tx, course.credential);
    return { existing: new Set(found.credentialIds), providersCreated: created.size };
  }
}
