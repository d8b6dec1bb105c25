import { BadInputError } from '../errors';
import { checkEscoUri } from './esco-uri';
import type { CredentialSkill, NonEscoAlignment } from './parsed-credential';

/** One alignment-like reference read from a document, before classification. */
export interface AlignmentCandidate {
  readonly url: string;
  readonly name?: string;
}

/** Alignments split into ESCO skills and everything else. */
export interface ClassifiedAlignments {
  readonly skills: CredentialSkill[];
  readonly nonEscoAlignments: NonEscoAlignment[];
}

/**
 * Splits alignment targets into canonical ESCO skills and other alignments, deduplicating both
 * by (canonical) URL and keeping the first label seen.
 *
 * ESCO *occupation* URIs land in `nonEscoAlignments` (canonicalised): a credential certifies
 * skills, and treating an occupation as a skill would make the caller's skill lookup fail.
 *
 * @throws BadInputError listing every malformed ESCO skill/occupation URI, because silently
 *   dropping one would under-report what the credential certifies.
 */
export function classifyAlignments(candidates: readonly AlignmentCandidate[]): ClassifiedAlignments {
  const skills = new Map<string, { uri: string; label?: string }>();
  const others = new Map<string, { url: string; name?: string }>();
  const malformed: Array<{ uri: string; reason: string }> = [];

  for (const { url, name } of candidates) {
    const result = checkEscoUri(url);
    if (result.status === 'malformed') {
      malformed.push({ uri: url, reason: result.reason });
    } else if (result.status === 'skill') {
      const known = skills.get(result.uri);
      if (known === undefined)
        skills.set(result.uri, name === undefined ? { uri: result.uri } : { uri: result.uri, label: name });
      else if (known.label === undefined && name !== undefined) known.label = name;
    } else {
      const key = result.status === 'occupation' ? result.uri : url.trim();
      const known = others.get(key);
      if (known === undefined) others.set(key, name === undefined ? { url: key } : { url: key, name });
      else if (known.name === undefined && name !== undefined) known.name = name;
    }
  }

  if (malformed.length > 0) {
    const list = malformed.map((m) => `${m.uri} (${m.reason})`).join('; ');
    throw new BadInputError(`The credential has malformed ESCO URIs: ${list}`, {
      reason: 'MALFORMED_ESCO_URIS',
      items: malformed.map((entry) => entry.uri),
    });
  }
  return { skills: [...skills.values()], nonEscoAlignments: [...others.values()] };
}
