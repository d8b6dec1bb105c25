import { BadInputError } from '../errors';
import type { ParsedCredential } from './parsed-credential';

/**
 * Rejects a parsed credential that certifies no ESCO skill. Kept apart from the parser so the
 * parser can serve catalogue previews, where a skill-less credential is still worth showing.
 *
 * @returns the same credential, for chaining.
 * @example
 * const credential = requireSkills(parseCredentialDocument(doc));
 */
export function requireSkills<T extends ParsedCredential>(parsed: T): T {
  if (parsed.skills.length === 0) {
    throw new BadInputError(`"${parsed.title}" carries no ESCO skill alignment`, {
      reason: 'NO_ESCO_SKILLS',
      value: parsed.format,
      // The alignments the credential does carry, none of them to ESCO.
      actual: parsed.nonEscoAlignments.length,
    });
  }
  return parsed;
}
