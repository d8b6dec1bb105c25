import { BadInputError } from '../errors';

/** Most credentials one presentation may carry: each is verified and imported on its own. */
export const MAX_PRESENTATION_CREDENTIALS = 20;

/**
 * The credentials a verifiable presentation carries, in order: JSON-LD credential objects or
 * VC-JWT strings. Accepts a JSON-LD presentation (`type` VerifiablePresentation) and a VP-JWT
 * (a compact JWS string whose payload has a `vp` claim), and a CLR 2.0 `ClrCredential` (its
 * `credentialSubject.verifiableCredential`). VC 2.0 enveloped credentials
 * (`EnvelopedVerifiableCredential` with a `data:application/vc+jwt,` id) are unwrapped to their JWT.
 * The presentation's own proof (the holder's signature) is not checked: each credential is.
 *
 * @returns null when `document` is not a presentation.
 * @throws BadInputError a presentation without credentials, or with more than the limit.
 */
export function credentialsOfPresentation(document: unknown): unknown[] | null {
  const presentation = typeof document === 'string' ? vpClaim(document) : document;
  if (typeof presentation !== 'object' || presentation === null || Array.isArray(presentation)) return null;
  const vp = presentation as Record<string, unknown>;
  const types = Array.isArray(vp.type) ? vp.type : [vp.type];
  // A CLR 2.0 ClrCredential carries its credentials in its subject, as a presentation does.
  const clrSubject = types.includes('ClrCredential') ? vp.credentialSubject : undefined;
  if (!types.includes('VerifiablePresentation') && clrSubject === undefined) return null;
  const raw =
    clrSubject !== undefined
      ? (clrSubject as { verifiableCredential?: unknown } | null)?.verifiableCredential
      : vp.verifiableCredential;
  const credentials = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  if (credentials.length === 0)
    throw new BadInputError('the presentation carries no verifiableCredential', {
      field: 'document.verifiableCredential',
    });
  if (credentials.length > MAX_PRESENTATION_CREDENTIALS) {
    throw new BadInputError(
      `the presentation carries ${credentials.length} credentials; at most ${MAX_PRESENTATION_CREDENTIALS} are accepted`,
      {
        field: 'document.verifiableCredential',
      },
    );
  }
  return credentials.map(unwrapEnveloped);
}

function unwrapEnveloped(credential: unknown): unknown {
  if (typeof credential !== 'object' || credential === null) return credential;
  const { type, id } = credential as { type?: unknown; id?: unknown };
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('EnvelopedVerifiableCredential') && typeof id === 'string') {
    const match = /^data:application\/(?:vc\+jwt|vc-ld\+jwt|jwt),(.+)$/.exec(id);
    if (match) return match[1];
  }
  return credential;
}

// The `vp` claim of a VP-JWT, read without checking the holder's signature (see above).
function vpClaim(token: string): unknown {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return payload.vp ?? null;
  } catch {
    return null;
  }
}
