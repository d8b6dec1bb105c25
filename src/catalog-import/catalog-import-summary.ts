/** Human-readable summary of a catalogue import. */
import { terminalText } from '../domain/text/terminal-text';
import type { CatalogImportSummary } from './import-catalog';

const pct = (part: number, whole: number) => (whole === 0 ? '0 %' : `${((100 * part) / whole).toFixed(1)} %`);

/**
 * Formats the summary for a terminal; `maxSkipped` rows are listed, the rest counted. Text from the
 * file (titles, tags, reasons quoting cells) is escaped with {@link terminalText}.
 */
export function formatCatalogImportSummary(s: CatalogImportSummary, maxSkipped = 10): string {
  const lines = [
    `catalog ${terminalText(s.file)} (mapping ${terminalText(s.mapping)}, min confidence ${s.minConfidence})${s.dryRun ? ' — dry run, nothing written' : ''} in ${(s.durationMs / 1000).toFixed(1)} s`,
    `  rows read ${s.rowsRead}${s.filteredOut > 0 ? `, filtered out ${s.filteredOut}` : ''}; imported ${s.imported} (${s.created} created, ${s.updated} updated), duplicates ${s.duplicates}, skipped ${s.skipped.length}; providers created ${s.providersCreated}`,
    `  skills: ${s.skillLinks} MAPPED links (${s.skillLinksFromText} from descriptions/outcomes), ${s.imported === 0 ? 0 : (s.skillLinks / s.imported).toFixed(1)} per course; ${s.coursesWithoutSkills} course(s) without any skill`,
    `  tags: ${s.tags.mappedTags} of ${s.tags.distinctTags} distinct tags mapped (${pct(s.tags.mappedTags, s.tags.distinctTags)}); ${s.tags.mappedMentions} of ${s.tags.mentions} mentions (${pct(s.tags.mappedMentions, s.tags.mentions)})`,
  ];
  if (s.rowWarnings > 0)
    lines.push(`  ${s.rowWarnings} row(s) had unreadable fields (duration, price, language), imported without them`);
  if (s.tags.unmapped.length > 0) {
    lines.push(`  most frequent unmapped tags:`);
    for (const { tag, count } of s.tags.unmapped) lines.push(`    ${String(count).padStart(5)}  ${terminalText(tag)}`);
  }
  if (s.skipped.length > 0) {
    lines.push(`  skipped rows:`);
    for (const skip of s.skipped.slice(0, maxSkipped))
      lines.push(
        `    row ${skip.row}${skip.line === undefined ? '' : ` (line ${skip.line})`}${skip.title ? ` "${terminalText(skip.title.slice(0, 60))}"` : ''}: ${terminalText(skip.reason)}`,
      );
    if (s.skipped.length > maxSkipped) lines.push(`    … and ${s.skipped.length - maxSkipped} more`);
  }
  if (s.aborted !== null) lines.push(`  ABORTED before the end of the file: ${terminalText(s.aborted)}`);
  return lines.join('\n');
}
