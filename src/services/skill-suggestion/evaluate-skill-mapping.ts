/**
 * Runs a skill suggester over evaluation items and scores it with the benchmark's metrics
 * (R-Precision@5 and MRR over the ranked URIs). Shared by `tools/eval-skill-mapping.ts` and the
 * integration test that keeps the quality from regressing.
 */
import type { EvaluationItem } from '../../domain/skill-mapping/evaluation-set';
import {
  scoreRanking,
  summariseScores,
  type ItemScores,
  type MetricSummary,
} from '../../domain/skill-mapping/ranking-metrics';

/** Anything that ranks skill URIs for a text. */
export type RankSkills = (text: string, first: number) => Promise<readonly string[]>;

/** Scores of one sentence, for inspection. */
export interface ItemResult extends ItemScores {
  readonly split: string;
  readonly sentence: string;
  readonly goldLabels: readonly string[];
  readonly ranked: readonly string[];
}

/** Overall and per-split figures. */
export interface EvaluationReport {
  readonly overall: MetricSummary;
  readonly bySplit: Readonly<Record<string, MetricSummary>>;
  readonly depth: number;
  readonly durationMs: number;
  readonly items: readonly ItemResult[];
}

/** Options of a run. */
export interface EvaluateOptions {
  /** How many suggestions are requested per sentence (MRR counts hits up to this rank). */
  readonly depth?: number;
  /** Sentences in flight at once. */
  readonly concurrency?: number;
  readonly onItem?: (done: number, total: number) => void;
}

/** Evaluates `rank` on `items`. A failing sentence fails the run (the suggester must not throw on real text). */
export async function evaluateSkillMapping(
  items: readonly EvaluationItem[],
  rank: RankSkills,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const depth = options.depth ?? 20;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const started = performance.now();
  const results = new Array<ItemResult>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      const ranked = await rank(item.sentence, depth);
      results[index] = {
        split: item.split,
        sentence: item.sentence,
        goldLabels: item.goldLabels,
        ranked,
        ...scoreRanking(ranked, new Set(item.goldUris)),
      };
      done += 1;
      options.onItem?.(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const splits = [...new Set(items.map((item) => item.split))];
  return {
    overall: summariseScores(results),
    bySplit: Object.fromEntries(
      splits.map((split) => [split, summariseScores(results.filter((r) => r.split === split))]),
    ),
    depth,
    durationMs: performance.now() - started,
    items: results,
  };
}
