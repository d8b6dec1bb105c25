/** The human-readable summary of a generation (CLI and benchmark output). */
import { terminalText } from '../domain/text/terminal-text';
import type { GenerateSummary } from './generate-population';

/** The summary as printed at the end. */
export function formatGenerateSummary(summary: GenerateSummary): string {
  const { counts, millis, options } = summary;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `population "${terminalText(options.prefix)}" (seed ${options.seed}, reference date ${options.referenceDate}) written in ${s(millis.total)}` +
      (summary.wipedNodes > 0 ? ` after wiping ${summary.wipedNodes} nodes in ${s(millis.wipe)}` : ''),
    `  providers ${counts.providers} (${s(millis.providers)}), credentials ${counts.credentials} (${s(millis.credentials)}), ` +
      `learners ${counts.learners} (${s(millis.learners)}), postings ${counts.postings} (${s(millis.postings)}); ESCO sample space read in ${s(millis.sampleSpace)}`,
    `  relationships: AWARDED_BY ${counts.awardedBy}, TEACHES ${counts.teaches}, HAS_PREREQUISITE ${counts.prerequisites}, HOLDS ${counts.holds}, ` +
      `DECLARES ${counts.declares}, TARGETS ${counts.targets}, FOR_OCCUPATION ${counts.forOccupation}, REQUIRES ${counts.requires}`,
  ].join('\n');
}
