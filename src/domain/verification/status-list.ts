import { gunzipSync } from 'node:zlib';

/** A `credentialStatus` entry pointing into a status list. */
export interface StatusListEntry {
  readonly kind: 'BitstringStatusList' | 'StatusList2021';
  /** URL of the status list credential. */
  readonly listUrl: string;
  readonly index: number;
  /** 'revocation', 'suspension', 'message', ... as the entry states it. */
  readonly purpose: string;
}

/** Entries with a purpose that takes a credential out of force when its bit is set. */
export const INVALIDATING_PURPOSES: readonly string[] = ['revocation', 'suspension'];

/**
 * Largest bitstring a status list may decode to. The W3C minimum is 131,072 bits (16 KiB); 16 MiB
 * bounds the memory one verification can make the server allocate from a gzip bomb.
 */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Reads the `credentialStatus` of a credential into status-list entries. Other status types
 * (and malformed entries) are returned in `unsupported` with a reason, so the caller can report
 * them instead of silently ignoring a status it cannot check.
 *
 * @example
 * readStatusEntries({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
 *   statusListIndex: '94567', statusListCredential: 'https://example.com/status/3' })
 * // → { entries: [{ kind: 'BitstringStatusList', listUrl: 'https://example.com/status/3', index: 94567, purpose: 'revocation' }], unsupported: [] }
 */
export function readStatusEntries(credentialStatus: unknown): { entries: StatusListEntry[]; unsupported: string[] } {
  const entries: StatusListEntry[] = [];
  const unsupported: string[] = [];
  const values =
    credentialStatus === undefined || credentialStatus === null
      ? []
      : Array.isArray(credentialStatus)
        ? credentialStatus
        : [credentialStatus];
  for (const value of values) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      unsupported.push('a credentialStatus entry is not an object');
      continue;
    }
    const entry = value as Record<string, unknown>;
    const types = (Array.isArray(entry.type) ? entry.type : [entry.type]).filter(
      (t): t is string => typeof t === 'string',
    );
    const kind = types.includes('BitstringStatusListEntry')
      ? 'BitstringStatusList'
      : types.includes('StatusList2021Entry')
        ? 'StatusList2021'
        : null;
    if (kind === null) {
      unsupported.push(
        `credentialStatus type ${JSON.stringify(entry.type)} is not supported (only BitstringStatusListEntry and StatusList2021Entry)`,
      );
      continue;
    }
    const index =
      typeof entry.statusListIndex === 'string' && /^\d{1,10}$/.test(entry.statusListIndex)
        ? Number(entry.statusListIndex)
        : typeof entry.statusListIndex === 'number'
          ? entry.statusListIndex
          : NaN;
    const listUrl = entry.statusListCredential;
    const purpose = entry.statusPurpose;
    if (!Number.isSafeInteger(index) || index < 0 || typeof listUrl !== 'string' || typeof purpose !== 'string') {
      unsupported.push(
        `a ${kind} entry needs statusListIndex (a non-negative integer), statusListCredential (a URL) and statusPurpose`,
      );
      continue;
    }
    entries.push({ kind, listUrl, index, purpose });
  }
  return { entries, unsupported };
}

/**
 * The bit at `index` of a status list's `encodedList`: GZIP-compressed bits, most significant bit
 * of the first byte is index 0. Bitstring Status List prefixes the base64url text with the
 * multibase marker `u`; StatusList2021 has none.
 *
 * @throws Error when the list cannot be decoded, is too large, or `index` lies beyond its end.
 */
export function readStatusBit(encodedList: string, index: number, kind: StatusListEntry['kind']): boolean {
  const text = kind === 'BitstringStatusList' && encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) throw new Error('encodedList is not base64url');
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(text, 'base64url'), { maxOutputLength: MAX_STATUS_LIST_BYTES });
  } catch (error) {
    throw new Error(`encodedList is not GZIP data within ${MAX_STATUS_LIST_BYTES} bytes (${(error as Error).message})`);
  }
  const byte = Math.floor(index / 8);
  if (byte >= bits.length) throw new Error(`index ${index} lies beyond the list's ${bits.length * 8} entries`);
  return ((bits[byte]! >> (7 - (index % 8))) & 1) === 1;
}
