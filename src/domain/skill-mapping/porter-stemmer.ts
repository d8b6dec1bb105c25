/**
 * Porter stemming (M. F. Porter, "An algorithm for suffix stripping", 1980) by the `stemmer`
 * package, guarded so the technical tokens skill texts are full of keep their spelling.
 */
import stemmer from 'stemmer';

/**
 * The Porter stem of a lower-case word. Words holding anything but the letters a-z are returned
 * unchanged ("c#", "3d", "node.js"); the package would cut "node.js" to "node.j".
 *
 * @example
 * porterStem('developing') // 'develop'
 * porterStem('relational') // 'relat'
 */
export function porterStem(word: string): string {
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}
