/**
 * The JSON-LD document loader of verification: contexts from a bundled, offline set (nothing is
 * fetched to expand a context, and an unknown context is an error), `did:key` resolved offline,
 * `did:web` through the injected {@link JsonFetcher}.
 */
import obV3Context from './contexts/ob-v3p0-context-3.0.3.json';
import {
  bitstringStatusListContexts,
  dataIntegrityContexts,
  multikeyContexts,
  securityLoader,
  statusList2021Contexts,
} from './vc-libraries';
import type { JsonFetcher } from './json-fetcher';

/** What jsonld and jsonld-signatures expect from a document loader. */
export type DocumentLoader = (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: null }>;

/** The Open Badges 3.0 context URL whose document is bundled in this repository. */
export const OB_V3_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** A context (or other document) the loader does not bundle: it is never fetched. */
export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(
      `unknown JSON-LD context or document ${url}: only bundled contexts are used, nothing is fetched to expand one`,
    );
    this.name = 'UnknownContextError';
  }
}

/** The issuer's DID document or key could not be obtained. */
export class KeyUnavailableError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`the key ${url} could not be resolved: ${reason}`);
    this.name = 'KeyUnavailableError';
  }
}

/**
 * Builds a loader. `did:key` and every bundled context resolve offline; `did:web:host[:path]`
 * fetches `https://host/.well-known/did.json` (or `https://host/path/did.json`) through
 * `fetchJson`, and a DID URL with a fragment answers the verification method it names.
 */
export function createDocumentLoader(fetchJson: JsonFetcher): DocumentLoader {
  const base = securityLoader();
  base.addDocuments({ documents: dataIntegrityContexts });
  base.addDocuments({ documents: multikeyContexts });
  base.addDocuments({ documents: statusList2021Contexts });
  base.addDocuments({ documents: bitstringStatusListContexts });
  base.addStatic(OB_V3_CONTEXT_URL, obV3Context);
  const offline = base.build();
  return async (url: string) => {
    if (url.startsWith('did:web:')) {
      return { document: await resolveDidWeb(url, fetchJson), documentUrl: url, contextUrl: null };
    }
    try {
      const { document } = await offline(url);
      return { document, documentUrl: url, contextUrl: null };
    } catch (error) {
      if (url.startsWith('did:'))
        throw new KeyUnavailableError(
          url,
          url.startsWith('did:key:') ? (error as Error).message : 'only did:key and did:web are supported',
        );
      throw new UnknownContextError(url);
    }
  };
}

/** The https URL of a did:web DID's document (did:web method specification, section 3.2). */
export function didWebDocumentUrl(did: string): string {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const [host, ...path] = parts;
  if (!host || /[/?#@]/.test(host)) throw new Error(`${did} is not a valid did:web identifier`);
  // A path segment is one name: `..`, `.`, an empty one or an encoded slash would move the fetch
  // elsewhere on the host than the DID names.
  if (path.some((segment) => segment === '' || segment === '.' || segment === '..' || /[/?#\\]/.test(segment))) {
    throw new Error(
      `${did} is not a valid did:web identifier (a path segment is empty, a dot segment or holds / ? # \\)`,
    );
  }
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}

async function resolveDidWeb(didUrl: string, fetchJson: JsonFetcher): Promise<unknown> {
  const [did, fragment] = splitFragment(didUrl);
  let document: unknown;
  try {
    document = await fetchJson(didWebDocumentUrl(did));
  } catch (error) {
    throw new KeyUnavailableError(didUrl, (error as Error).message);
  }
  if (typeof document !== 'object' || document === null || (document as { id?: unknown }).id !== did) {
    throw new KeyUnavailableError(didUrl, `the DID document's id is not ${did}`);
  }
  const doc = absoluteIds(document as Record<string, unknown>, did);
  if (fragment === undefined) return doc;
  const methods = Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [];
  const method = methods.find(
    (m): m is Record<string, unknown> =>
      typeof m === 'object' && m !== null && (m.id === didUrl || m.id === `#${fragment}`),
  );
  if (!method) throw new KeyUnavailableError(didUrl, `the DID document has no verification method #${fragment}`);
  return { '@context': doc['@context'], ...method, id: didUrl, controller: method.controller ?? did };
}

const RELATIONSHIPS = [
  'verificationMethod',
  'assertionMethod',
  'authentication',
  'capabilityInvocation',
  'capabilityDelegation',
];

// DID documents may name keys relatively ("#key-1"); proof purposes compare absolute ids.
function absoluteIds(doc: Record<string, unknown>, did: string): Record<string, unknown> {
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${did}${id}` : id);
  const out: Record<string, unknown> = { ...doc };
  for (const key of RELATIONSHIPS) {
    if (!Array.isArray(doc[key])) continue;
    out[key] = (doc[key] as unknown[]).map((entry) =>
      typeof entry === 'object' && entry !== null
        ? {
            ...(entry as Record<string, unknown>),
            id: absolute((entry as { id?: unknown }).id),
            controller: (entry as { controller?: unknown }).controller ?? did,
          }
        : absolute(entry),
    );
  }
  return out;
}

function splitFragment(url: string): [string, string | undefined] {
  const at = url.indexOf('#');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}
