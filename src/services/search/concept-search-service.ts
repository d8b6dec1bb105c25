/**
 * `searchSkills` and `searchOccupations`: in-memory label indexes (see
 * `src/domain/search/label-search-index.ts`) built from the graph once per process, the occupation
 * index also knowing the job titles of `seed/job-titles/` (or `JOB_TITLES_FILE`). The indexes
 * change only with an ESCO release: restart after a re-import. They are built by {@link
 * ConceptSearchService.warmUp}, which the server awaits before it listens: building is seconds of
 * CPU that would stall every request in flight. Until they are built (or when the build failed,
 * e.g. before ESCO was imported) searches are answered by the graph's full-text indexes as before.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import { outsideQueryContext } from '../../db/query-context';
import { SearchRepository } from '../../db/repositories/search-repository';
import { BadInputError } from '../../domain/errors';
import { EscoRepository } from '../../db/repositories/esco-repository';
import type { OccupationRow, SkillRow } from '../../db/repositories/esco-rows';
import { labelKey, NO_SEARCH_WORD_MESSAGE, searchTerms, toFullTextQuery } from '../../domain/search/full-text-query';
import { LabelSearchIndex, type LabelSearchHit } from '../../domain/search/label-search-index';
import { withTitles } from '../../domain/search/occupation-titles';
import { type SharedStrings, withSharedLabels } from '../../domain/text/shared-strings';
import { readJobTitleFile, shippedJobTitlesFile } from './search-files';

interface Indexes {
  readonly skills: LabelSearchIndex;
  readonly occupations: LabelSearchIndex;
}

/** Sizes and build time of the loaded indexes. */
export interface SearchIndexStats {
  readonly skills: number;
  readonly occupations: number;
  readonly labels: number;
  readonly millis: number;
}

/** Concepts found, best first: their URIs, and their rows when the search read them already. */
export interface SearchResult<Row> {
  readonly uris: readonly string[];
  readonly rows?: readonly Row[];
}

/** Searches skills and occupations by label. */
export class ConceptSearchService {
  private readonly repository: SearchRepository;
  private readonly esco: EscoRepository;
  private indexesPromise: Promise<Indexes> | undefined;
  private ready: Indexes | undefined;
  private stats: SearchIndexStats | undefined;
  /** Strings to share with other indexes built at start (dropped once the indexes are built). */
  private sharedStrings: SharedStrings | undefined;

  /**
   * @param jobTitlesFile learned job titles; undefined: the shipped file.
   * @param sharedStrings a pool the indexes take their labels and URIs from (see SharedStrings)
   */
  constructor(
    executor: Neo4jExecutor,
    private readonly jobTitlesFile: string | undefined = undefined,
    sharedStrings?: SharedStrings,
  ) {
    this.repository = new SearchRepository(executor);
    this.esco = new EscoRepository(executor);
    this.sharedStrings = sharedStrings;
  }

  /**
   * The `limit` best skills for `text`, best first; the last word is completed as a prefix.
   *
   * @throws BadInputError for a text without a word
   */
  async searchSkills(text: string, limit: number): Promise<SearchResult<SkillRow>> {
    checkText(text);
    const indexes = this.ready;
    if (indexes) return { uris: uris(indexes.skills.search(text, limit)) };
    const rows = (await this.esco.searchSkills(toFullTextQuery(text), labelKey(text), limit)).map((hit) => hit.item);
    return { uris: rows.map((row) => row.uri), rows };
  }

  /**
   * The `limit` best occupations for `text` (a job title as people write it), best first.
   *
   * @throws BadInputError for a text without a word
   */
  async searchOccupations(text: string, limit: number): Promise<SearchResult<OccupationRow>> {
    checkText(text);
    const indexes = this.ready;
    if (indexes) return { uris: uris(indexes.occupations.search(text, limit)) };
    const rows = (await this.esco.searchOccupations(toFullTextQuery(text), labelKey(text), limit)).map(
      (hit) => hit.item,
    );
    return { uris: rows.map((row) => row.uri), rows };
  }

  /** Builds the indexes now, so the first request does not wait (call at start); returns their sizes. */
  async warmUp(): Promise<SearchIndexStats> {
    await this.load();
    return this.stats!;
  }

  private load(): Promise<Indexes> {
    if (!this.indexesPromise) {
      // Built for every request to come, not for the one that happens to trigger it: its reads
      // must not count against that request's round trips.
      const loading = outsideQueryContext(() => this.build());
      this.indexesPromise = loading;
      // A failed or empty read (ESCO not imported yet) is retried by the next warm-up.
      loading.then(
        (indexes) => {
          if (indexes.skills.size > 0 && indexes.occupations.size > 0) this.ready = indexes;
          else if (this.indexesPromise === loading) this.indexesPromise = undefined;
        },
        () => {
          if (this.indexesPromise === loading) this.indexesPromise = undefined;
        },
      );
    }
    return this.indexesPromise;
  }

  private async build(): Promise<Indexes> {
    const started = performance.now();
    const [skillRows, occupationRows] = await Promise.all([
      this.repository.getSkillSearchRows(),
      this.repository.getOccupationSearchRows(),
    ]);
    const titles = readJobTitleFile(this.jobTitlesFile ?? shippedJobTitlesFile());
    const pool = this.sharedStrings;
    this.sharedStrings = undefined;
    const skills = LabelSearchIndex.build(skillRows.map((row) => withSharedLabels(row, pool)));
    const occupations = LabelSearchIndex.build(withTitles(occupationRows, titles));
    this.stats = {
      skills: skills.size,
      occupations: occupations.size,
      labels: skills.labelCount + occupations.labelCount,
      millis: Math.round(performance.now() - started),
    };
    return { skills, occupations };
  }
}

function uris(hits: readonly LabelSearchHit[]): string[] {
  return hits.map((hit) => hit.uri);
}

function checkText(text: string): void {
  if (searchTerms(text).length === 0)
    throw new BadInputError(NO_SEARCH_WORD_MESSAGE, {
      field: 'text',
      value: text.slice(0, 200),
    });
}
