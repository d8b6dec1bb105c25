/**
 * Text from data (titles, file names, tags, error messages quoting a cell) made safe to print on a
 * terminal: a command-line report must not let a course title clear the screen (`ESC [2J`), move
 * the cursor, or forge a report line with an embedded line break.
 */

// C0 controls (line breaks and tabs included), DEL, C1 controls, and the Unicode line/paragraph
// separators and bidirectional overrides that reorder what a reader sees.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes every control character of `text` as `\uXXXX` (and `\n`, `\r`, `\t` by their usual
 * escapes), so each data value prints as exactly one visible piece of one line.
 *
 * @example
 * terminalText('Intro\u001b[2J\n3 of 3 file(s) imported') // 'Intro\\u001b[2J\\n3 of 3 file(s) imported'
 */
export function terminalText(text: unknown): string {
  return String(text).replace(UNSAFE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
