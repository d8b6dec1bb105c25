/**
 * The lexical ranking's weights that the evaluation selects by nested cross-validation: the three
 * that shape a label match most (how much of the label must be present, how close its words sit,
 * how much the description index counts), each at a low, a middle and a high value. The other
 * weights keep their defaults; they are small corrections (alt/hidden label discounts, bonuses).
 */
import { DEFAULT_RANKING_WEIGHTS, type RankingWeights } from './score-candidates';

/** Values tried per weight; the middle one is the shipped default. */
export const LEXICAL_GRID_VALUES = {
  labelCoveragePower: [1, 1.5, 2],
  densityPower: [0, 0.5, 1],
  descriptionWeight: [0, 0.15, 0.3],
} as const;

/** A named point of the grid. */
export interface LexicalWeightChoice {
  readonly name: string;
  readonly weights: RankingWeights;
}

/**
 * Every combination of {@link LEXICAL_GRID_VALUES} over `base` (27 points), in a fixed order.
 *
 * @example
 * lexicalWeightGrid()[0].name // 'coverage^1 density^0 description 0'
 */
export function lexicalWeightGrid(base: RankingWeights = DEFAULT_RANKING_WEIGHTS): LexicalWeightChoice[] {
  const grid: LexicalWeightChoice[] = [];
  for (const labelCoveragePower of LEXICAL_GRID_VALUES.labelCoveragePower) {
    for (const densityPower of LEXICAL_GRID_VALUES.densityPower) {
      for (const descriptionWeight of LEXICAL_GRID_VALUES.descriptionWeight) {
        grid.push({
          name: `coverage^${labelCoveragePower} density^${densityPower} description ${descriptionWeight}`,
          weights: { ...base, labelCoveragePower, densityPower, descriptionWeight },
        });
      }
    }
  }
  return grid;
}
