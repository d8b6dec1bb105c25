// The `stemmer` package (1.x, CommonJS) ships no types.
declare module 'stemmer' {
  /** The Porter stem of `word` (lower-cased first). */
  export default function stemmer(word: string): string;
}
