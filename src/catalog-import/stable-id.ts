/**
 * Ids derived from what a source says about a record, so importing the same record again finds
 * the node it created the first time instead of adding a duplicate.
 */
import { createHash } from 'node:crypto';

/** A short hex digest of the seed (SHA-256, first `length` characters). */
export function seedHash(seed: string, length = 16): string {
  return createHash('sha256').update(seed.normalize('NFC').trim()).digest('hex').slice(0, length);
}

/** A lower-case ASCII slug of at most `max` characters ("University of Zed" → "university-of-zed"). */
export function slugOf(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/**
 * `<prefix>-<slug>-<hash>`: readable, and unique through the hash of the full seed. The result
 * satisfies the catalog's id rule (letters, digits, ".", "_", ":", "@", "-"; at most 128).
 *
 * @example
 * stableId('prov', 'https://uniz.edu') // 'prov-uniz-edu-<10 hex digits>'
 */
export function stableId(prefix: string, seed: string, slugSource: string = seed): string {
  const slug = slugOf(slugSource);
  return `${prefix}-${slug === '' ? '' : `${slug}-`}${seedHash(seed, 10)}`;
}
