/**
 * The ESCO release is UTF-8. A file in another encoding (Latin-1, Windows-1252) parses as CSV
 * without complaint and stores "comp�tence": such a file is refused, before anything is written,
 * with a message naming it and the first bad byte.
 */
import fs from 'node:fs';
import { EscoImportError } from './esco-import-error';

/** Where the first byte sequence that is not UTF-8 lies. */
export interface Utf8Problem {
  /** 0-based byte offset of the sequence. */
  readonly offset: number;
  /** 1-based physical line it lies on. */
  readonly line: number;
}

/**
 * The first invalid UTF-8 sequence of `bytes`, or null when it is all valid. Uses the platform's
 * strict decoder; the offset is found by bisection, which only runs on invalid input.
 *
 * @example
 * findInvalidUtf8(Buffer.from('ok\ncomp\xe9tence', 'latin1')) // { offset: 7, line: 2 }
 */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  const valid = (length: number): boolean => {
    try {
      // stream: true accepts a sequence cut off at the end, so a prefix is valid iff it holds no bad byte.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // Fall through to locate it.
  }
  let low = 0;
  let high = bytes.length;
  if (valid(high)) {
    // Only a truncated sequence at the very end.
    low = bytes.length;
    while (low > 0 && (bytes[low - 1]! & 0xc0) === 0x80) low -= 1;
    return { offset: Math.max(0, low - 1), line: lineAt(bytes, Math.max(0, low - 1)) };
  }
  // Smallest prefix length that is invalid: the bad byte is its last.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (valid(middle)) low = middle + 1;
    else high = middle;
  }
  // The decoder notices a bad sequence at the byte that breaks it; report where the sequence
  // starts (a lead byte up to three bytes back), which is the byte an editor shows as wrong.
  let offset = Math.max(0, low - 1);
  for (let back = 1; back <= 3 && offset - back >= 0; back += 1) {
    const byte = bytes[offset - back]!;
    if (byte >= 0xc0) {
      offset -= back;
      break;
    }
    if ((byte & 0xc0) !== 0x80) break;
  }
  return { offset, line: lineAt(bytes, offset) };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Reads the file at `filePath` in streaming chunks through a strict UTF-8 decoder.
 *
 * @throws EscoImportError naming `name`, the byte offset and the line of the first invalid byte.
 */
export async function assertUtf8File(filePath: string, name: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let failed = false;
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    failed = true;
  }
  if (!failed) return;
  // Only a broken file is read a second time, whole, to say where it breaks.
  const where = findInvalidUtf8(fs.readFileSync(filePath));
  const position = where === null ? '' : ` (first invalid byte at offset ${where.offset}, line ${where.line})`;
  throw new EscoImportError(
    `${name} is not valid UTF-8${position}: the ESCO release is UTF-8; convert the file (e.g. from Latin-1) and import again`,
    {
      reason: 'NOT_UTF8',
      source: { file: name, ...(where === null ? {} : { offset: where.offset, line: where.line }) },
    },
  );
}
