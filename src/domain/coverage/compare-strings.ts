/**
 * Plain code-unit string order, used for every URI/id tie-break: stable across locales and
 * runtimes, unlike `localeCompare`.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareStrings); // → ['B', 'a', 'b']
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
