/**
 * Free text → ranked ESCO skills. The domain plans full-text look-ups for the text's phrases, one
 * round trip gathers the candidates, and the domain ranks them on label evidence (see
 * `src/domain/skill-mapping/`). Word weights come from the label vocabulary, read once per process
 * and kept: they change only with an ESCO release, and a stale weight shifts scores only slightly.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import type { SkillRow } from '../../db/repositories/esco-rows';
import { BadInputError } from '../../domain/errors';
import { planCandidateQueries } from '../../domain/skill-mapping/candidate-queries';
import { buildLabelVocabulary, type LabelVocabulary } from '../../domain/skill-mapping/label-vocabulary';
import { rankCandidates } from '../../domain/skill-mapping/score-candidates';
import type { MatchMethod } from '../../domain/skill-mapping/skill-candidate';
import { SkillMappingRepository } from '../../db/repositories/skill-mapping-repository';

/** One suggestion. */
export interface SkillSuggestion {
  readonly skill: SkillRow;
  /** In [0, 1]: 1 for the exact preferred label, lower as the match gets partial or loose. */
  readonly score: number;
  readonly matchedLabel: string | null;
  readonly method: MatchMethod;
}

/** Longest text accepted (a course description with its learning outcomes fits). */
export const MAX_SUGGESTION_TEXT = 20_000;

/** Suggests ESCO skills for free text. */
export class SkillSuggestionService {
  private readonly repository: SkillMappingRepository;
  private vocabularyPromise: Promise<LabelVocabulary> | undefined;

  constructor(executor: Neo4jExecutor) {
    this.repository = new SkillMappingRepository(executor);
  }

  /**
   * The `first` best skills for `text`, best first.
   *
   * @throws BadInputError for an empty or over-long text.
   */
  async suggestSkills(text: string, first: number): Promise<SkillSuggestion[]> {
    if (text.length > MAX_SUGGESTION_TEXT) throw new BadInputError(`text must be at most ${MAX_SUGGESTION_TEXT} characters`, { field: 'text' });
    const vocabulary = await this.vocabulary();
    const candidates = await this.repository.findSkillCandidates(planCandidateQueries(text, vocabulary));
    const byUri = new Map(candidates.map((c) => [c.uri, c.skill]));
    return rankCandidates(text, candidates, vocabulary)
      .slice(0, first)
      .map((ranked) => ({ skill: byUri.get(ranked.uri)!, score: ranked.score, matchedLabel: ranked.matchedLabel, method: ranked.method }));
  }

  /** Loads the word weights now, so the first request does not wait for them (call at start). */
  async warmUp(): Promise<void> {
    await this.vocabulary();
  }

  private vocabulary(): Promise<LabelVocabulary> {
    if (!this.vocabularyPromise) {
      const loading = this.repository.getLabelVocabulary().then((rows) => buildLabelVocabulary(rows));
      this.vocabularyPromise = loading;
      // A failed or empty read (ESCO not imported yet) is retried on the next call.
      loading.then(
        (vocabulary) => {
          if (vocabulary.skills === 0 && this.vocabularyPromise === loading) this.vocabularyPromise = undefined;
        },
        () => {
          if (this.vocabularyPromise === loading) this.vocabularyPromise = undefined;
        },
      );
    }
    return this.vocabularyPromise;
  }
}
