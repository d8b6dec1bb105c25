const DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Learning hours from an ISO 8601 duration, as ELM writes `volumeOfLearning` and `workload`.
 *
 * Only the time part (after `T`) converts: a year, month, week or day of *learning* is not a fixed
 * number of study hours, so a duration with any non-zero date component yields `undefined`
 * rather than a made-up figure. This also refuses the ELM samples' `P60M` / `P2M`, which read as
 * 60 / 2 *months* per ISO 8601 although the authors probably meant minutes.
 *
 * @example
 * isoDurationToHours('PT60H')   // 60
 * isoDurationToHours('PT1H30M') // 1.5
 * isoDurationToHours('P2M')     // undefined (two months)
 */
export function isoDurationToHours(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value.trim().toUpperCase());
  if (match === null || value.trim().toUpperCase() === 'P' || /T$/i.test(value.trim())) return undefined;
  const n = (i: number): number => {
    const part = match[i];
    return part === undefined ? 0 : Number(part.replace(',', '.'));
  };
  if (n(1) > 0 || n(2) > 0 || n(3) > 0 || n(4) > 0) return undefined;
  const hours = n(5) + n(6) / 60 + n(7) / 3600;
  // Round to the minute so 0.1 + 0.2 artefacts never leak into stored workloads.
  const rounded = Math.round(hours * 60) / 60;
  return rounded > 0 ? rounded : undefined;
}
