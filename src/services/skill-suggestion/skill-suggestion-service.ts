/**
 * Free text → ranked ESCO skills. An in-memory index of the skill pillar (read from the graph once
 * per process) gathers candidates, the domain ranks them on label and description evidence, and a
 * learned re-ranking, fitted under cross-validation on annotated job-ad sentences, turns that
 * evidence and ESCO's occupation co-occurrence and skill links into a calibrated probability (see
 * `src/domain/skill-mapping/`). The index changes only with an ESCO release: restart after a
 * re-import.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import type { SkillRow } from '../../db/repositories/esco-rows';
import { SkillMappingRepository } from '../../db/repositories/skill-mapping-repository';
import { BadInputError } from '../../domain/errors';
import type { LogisticModel } from '../../domain/skill-mapping/logistic-model';
import { rerank, rerankFeatures, type FeaturedCandidate } from '../../domain/skill-mapping/rerank-features';
import { SHIPPED_RERANKER } from '../../domain/skill-mapping/reranker-model';
import {
  DEFAULT_RANKING_WEIGHTS,
  rankCandidates,
  type RankingWeights,
} from '../../domain/skill-mapping/score-candidates';
import type { MatchMethod } from '../../domain/skill-mapping/skill-candidate';
import { SkillIndex } from '../../domain/skill-mapping/skill-index';
import { contentTokens } from '../../domain/skill-mapping/text-tokens';
import { type SharedStrings, withSharedLabels } from '../../domain/text/shared-strings';

/** One suggestion. */
export interface SkillSuggestion {
  readonly skill: SkillRow;
  /**
   * In [0, 1]: the estimated probability that the skill is meant (calibrated on annotated job-ad
   * sentences); a text that is exactly a skill's preferred label scores 1.
   */
  readonly score: number;
  readonly matchedLabel: string | null;
  readonly method: MatchMethod;
}

/** Longest text accepted (a course description with its learning outcomes fits). */
export const MAX_SUGGESTION_TEXT = 20_000;

interface LoadedIndex {
  readonly index: SkillIndex;
  readonly rows: ReadonlyMap<string, SkillRow>;
}

/** Suggests ESCO skills for free text. */
export class SkillSuggestionService {
  private readonly repository: SkillMappingRepository;
  private indexPromise: Promise<LoadedIndex> | undefined;
  /** Strings to share with other indexes built at start (dropped once the index is built). */
  private sharedStrings: SharedStrings | undefined;

  /** @param sharedStrings a pool the index takes its labels and URIs from (see SharedStrings) */
  constructor(
    executor: Neo4jExecutor,
    private readonly model: LogisticModel = SHIPPED_RERANKER,
    sharedStrings?: SharedStrings,
  ) {
    this.repository = new SkillMappingRepository(executor);
    this.sharedStrings = sharedStrings;
  }

  /**
   * The `first` best skills for `text`, best first.
   *
   * @throws BadInputError for an over-long text or one without a word that can name a skill.
   */
  async suggestSkills(text: string, first: number): Promise<SkillSuggestion[]> {
    const { featured, rows } = await this.analyse(text);
    return rerank(featured, this.model)
      .slice(0, first)
      .map((ranked) => ({
        skill: rows.get(ranked.uri)!,
        score: ranked.score,
        matchedLabel: ranked.matchedLabel,
        method: ranked.method,
      }));
  }

  /**
   * The candidates of `text` with their re-ranking features, lexical order (for fitting and
   * cross-validating the re-ranker); `weights` lets the evaluation try other lexical weights.
   */
  async featuredCandidates(
    text: string,
    weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
  ): Promise<FeaturedCandidate[]> {
    return (await this.analyse(text, weights)).featured;
  }

  /** Builds the skill index now, so the first request does not wait for it (call at start). */
  async warmUp(): Promise<void> {
    await this.loadIndex();
  }

  private async analyse(
    text: string,
    weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
  ): Promise<{ featured: FeaturedCandidate[]; rows: ReadonlyMap<string, SkillRow> }> {
    if (text.length > MAX_SUGGESTION_TEXT)
      throw new BadInputError(`text must be at most ${MAX_SUGGESTION_TEXT} characters`, { field: 'text' });
    if (contentTokens(text).length === 0)
      throw new BadInputError('The text must contain at least one word that can name a skill', {
        field: 'text',
        value: text.slice(0, 200),
      });
    const { index, rows } = await this.loadIndex();
    const lexical = rankCandidates(text, index.findCandidates(text), index.vocabulary, weights);
    return { featured: rerankFeatures(lexical, index), rows };
  }

  private loadIndex(): Promise<LoadedIndex> {
    if (!this.indexPromise) {
      const loading = this.repository.getSkillIndexRows().then((read) => {
        const pool = this.sharedStrings;
        this.sharedStrings = undefined;
        const rows = read.map((row) => ({ ...row, skill: withSharedLabels(row.skill, pool) }));
        return {
          index: SkillIndex.build(
            rows.map(({ skill, occupations, neighbours }) => ({
              ...skill,
              altLabels: skill.altLabels ?? [],
              hiddenLabels: skill.hiddenLabels ?? [],
              occupations,
              neighbours,
            })),
          ),
          rows: new Map(rows.map(({ skill }) => [skill.uri, skill])),
        };
      });
      this.indexPromise = loading;
      // A failed or empty read (ESCO not imported yet) is retried on the next call.
      loading.then(
        (loaded) => {
          if (loaded.index.size === 0 && this.indexPromise === loading) this.indexPromise = undefined;
        },
        () => {
          if (this.indexPromise === loading) this.indexPromise = undefined;
        },
      );
    }
    return this.indexPromise;
  }
}
