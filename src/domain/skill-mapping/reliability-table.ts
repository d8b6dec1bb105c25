/**
 * The reliability table of a scorer: suggestions grouped by score band, with the share of each
 * band that is right. For a calibrated scorer the share matches the band (of suggestions scored
 * 0.8-0.9, 80-90 % are right), which is what a `minConfidence` threshold needs to mean.
 */

/** One score band. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanScore: number;
  /** Share of the band that is gold (NaN for an empty band). */
  readonly goldShare: number;
}

/**
 * Groups scored suggestions into `bins` equal bands of [0, 1] (a score of 1 falls in the last).
 *
 * @example
 * reliabilityTable([{ score: 0.85, gold: true }, { score: 0.82, gold: false }], 10)[8]
 * // { from: 0.8, to: 0.9, count: 2, meanScore: 0.835, goldShare: 0.5 }
 */
export function reliabilityTable(scored: readonly { score: number; gold: boolean }[], bins = 10): ReliabilityBin[] {
  const groups = Array.from({ length: bins }, () => ({ count: 0, sum: 0, gold: 0 }));
  for (const { score, gold } of scored) {
    const g = groups[Math.min(bins - 1, Math.max(0, Math.floor(score * bins)))]!;
    g.count += 1;
    g.sum += score;
    if (gold) g.gold += 1;
  }
  return groups.map((g, i) => ({
    from: Math.round((i / bins) * 1000) / 1000,
    to: Math.round(((i + 1) / bins) * 1000) / 1000,
    count: g.count,
    meanScore: g.count > 0 ? g.sum / g.count : NaN,
    goldShare: g.count > 0 ? g.gold / g.count : NaN,
  }));
}

/**
 * Expected calibration error: the count-weighted mean gap between a band's mean score and its
 * gold share (0 for a perfectly calibrated scorer).
 */
export function expectedCalibrationError(table: readonly ReliabilityBin[]): number {
  const total = table.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return 0;
  return table.reduce((sum, b) => sum + (b.count > 0 ? (b.count / total) * Math.abs(b.meanScore - b.goldShare) : 0), 0);
}
