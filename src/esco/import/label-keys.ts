/**
 * Label normalization shared by every ESCO source. `labelKeys` on a Skill is what exact label and
 * alias matching looks up through an index, so the key function must be applied identically at
 * import and at query time: callers matching user input import {@link toLabelKey} from here.
 */

/**
 * The exact-match key of a label: NFC-normalized, lower-cased, whitespace runs collapsed to one
 * space, trimmed.
 *
 * @example
 * toLabelKey('  Manage   Musical\tStaff ') // 'manage musical staff'
 */
export function toLabelKey(label: string): string {
  return label.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Splits a multi-value label cell into labels. The main ESCO files separate values with newlines,
 * the collection files with ` | `. Values are trimmed; blanks and exact repeats are dropped
 * (the release has both, and neither carries meaning).
 *
 * @example
 * splitLabels('a\n b \n\na') // ['a', 'b']
 * splitLabels('x | y', '|') // ['x', 'y']
 */
export function splitLabels(cell: string | null | undefined, separator: '\n' | '|' = '\n'): string[] {
  if (!cell) return [];
  const pattern = separator === '\n' ? /\r?\n/ : /\|/;
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const part of cell.split(pattern)) {
    const label = part.trim();
    if (label === '' || seen.has(label)) continue;
    seen.add(label);
    labels.push(label);
  }
  return labels;
}

/**
 * The distinct keys of a preferred label and its alternatives, preferred first.
 *
 * @example
 * labelKeysOf('Java', ['JAVA', 'java  programming']) // ['java', 'java programming']
 */
export function labelKeysOf(preferredLabel: string, altLabels: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const label of [preferredLabel, ...altLabels]) {
    const key = toLabelKey(label);
    if (key !== '') keys.add(key);
  }
  return [...keys];
}

/** Labels joined for the full-text indexes, which index one string property per field. */
export function labelsText(labels: readonly string[]): string {
  return labels.join('\n');
}
