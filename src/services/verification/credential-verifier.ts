/**
 * Verifies one credential: a JSON-LD credential with an embedded proof, or a VC-JWT given as a
 * string. The checks run are named in the answer (see domain/verification/verification.ts for
 * how they add up to a status); this class only decides which checks apply and runs them.
 *
 * Cost per call: offline for did:key issuers and supplied status lists; otherwise at most
 * {@link MAX_FETCHES_PER_VERIFICATION} network fetches, each bounded by the fetcher's timeout.
 */
import { checkJsonLimits, CREDENTIAL_JSON_LIMITS } from '../../domain/json/json-limits';
import {
  concludeVerification,
  failed,
  passed,
  undetermined,
  type Verification,
  type VerificationCheck,
} from '../../domain/verification/verification';
import { checkValidityPeriod, readValidityPeriod } from '../../domain/verification/validity-period';
import {
  INVALIDATING_PURPOSES,
  readStatusBit,
  readStatusEntries,
  type StatusListEntry,
} from '../../domain/verification/status-list';
import { createDocumentLoader, type DocumentLoader } from './document-loader';
import { checkDataIntegrity } from './data-integrity-check';
import { checkSignedReading } from './signed-reading-check';
import { checkVcJwt, isCompactJws } from './vc-jwt-check';
import type { JsonFetcher } from './json-fetcher';

/** Network fetches one verification may make (DID document, JWKS, status lists). */
export const MAX_FETCHES_PER_VERIFICATION = 4;

/** Most credentialStatus entries checked per credential. */
export const MAX_STATUS_ENTRIES = 4;

/** Options of one verification. */
export interface VerifyOptions {
  /** Status list credentials supplied by the caller, matched to entries by their `id`. */
  readonly statusLists?: readonly unknown[];
  /** The instant the validity period is checked against; defaults to now. */
  readonly now?: Date;
}

/** A verification and the credential it is about, decoded from its envelope. */
export interface VerifiedCredential {
  readonly verification: Verification;
  /** The credential as a JSON object (a VC-JWT decoded); null when the input is unreadable. */
  readonly credential: Record<string, unknown> | null;
}

const ELM_TYPES = ['EuropeanDigitalCredential'];

/** Library-backed credential verifier. One instance serves every request. */
export class CredentialVerifier {
  constructor(private readonly fetchJson: JsonFetcher) {}

  /**
   * Verifies `input`: a compact JWS string, or a credential object.
   *
   * @example
   * const { verification } = await verifier.verify(signedBadge);
   * verification.status // 'VERIFIED'
   */
  async verify(input: unknown, options: VerifyOptions = {}): Promise<VerifiedCredential> {
    // Bounded before any library walks it: JSON-LD expansion recurses, and a document nested
    // 200,000 levels deep would overflow the stack (BAD_USER_INPUT naming the limit instead).
    checkJsonLimits(input, CREDENTIAL_JSON_LIMITS, 'document');
    for (const list of options.statusLists ?? []) checkJsonLimits(list, CREDENTIAL_JSON_LIMITS, 'statusLists');
    const now = options.now ?? new Date();
    const budget = fetchBudget(this.fetchJson, MAX_FETCHES_PER_VERIFICATION);
    const loader = createDocumentLoader(budget);
    return this.verifyWith(input, {
      now,
      statusLists: options.statusLists ?? [],
      loader,
      fetchJson: budget,
      checkStatus: true,
    });
  }

  private async verifyWith(input: unknown, ctx: RunContext): Promise<VerifiedCredential> {
    const checkedAt = ctx.now.toISOString();
    if (typeof input === 'string') {
      if (!isCompactJws(input)) {
        const checks = [
          failed(
            'FORMAT',
            'a string credential must be a VC-JWT (compact JWS: three base64url parts separated by dots)',
          ),
        ];
        return {
          verification: concludeVerification({ signed: false, checks, issuer: null, checkedAt }),
          credential: null,
        };
      }
      const jwt = await checkVcJwt(input, ctx.loader, ctx.fetchJson);
      if (jwt.credential === null)
        return {
          verification: concludeVerification({ signed: true, checks: jwt.checks, issuer: null, checkedAt }),
          credential: null,
        };
      const checks = [...jwt.checks, ...(await this.commonChecks(jwt.credential, ctx))];
      return {
        verification: concludeVerification({ signed: true, checks, issuer: issuerId(jwt.credential), checkedAt }),
        credential: jwt.credential,
      };
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      const checks = [
        failed(
          'FORMAT',
          `a credential is a JSON object or a VC-JWT string, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
        ),
      ];
      return {
        verification: concludeVerification({ signed: false, checks, issuer: null, checkedAt }),
        credential: null,
      };
    }
    const credential = input as Record<string, unknown>;
    const issuer = issuerId(credential);
    if (typeNames(credential).includes('VerifiablePresentation')) {
      const checks = [
        failed(
          'FORMAT',
          'a VerifiablePresentation, not a credential: verify or import the credentials it carries one by one (importPresentation)',
        ),
      ];
      return {
        verification: concludeVerification({ signed: false, checks, issuer: null, checkedAt }),
        credential: null,
      };
    }
    if (typeNames(credential).some((t) => ELM_TYPES.includes(t))) {
      const checks = [
        passed('FORMAT', 'a European Digital Credential (ELM)'),
        undetermined(
          'SIGNATURE',
          'ELM / EDC e-seals (JAdES) are not checked by credgraph; verify the credential with the EDC wallet or viewer',
        ),
      ];
      return { verification: concludeVerification({ signed: true, checks, issuer, checkedAt }), credential };
    }
    if (credential.proof === undefined || credential.proof === null) {
      const checks = [
        passed('FORMAT', 'a JSON credential without an embedded proof'),
        ...checkValidityPeriod(readValidityPeriod(credential), ctx.now),
      ];
      return { verification: concludeVerification({ signed: false, checks, issuer, checkedAt }), credential };
    }
    const integrity = await checkDataIntegrity(credential, ctx.loader);
    // The reads below (holder, validity, status) take the JSON keys; once the proof verifies,
    // they must be what the signed meaning says (see signed-reading-check).
    const signatureVerified = integrity.some((c) => c.check === 'SIGNATURE' && c.outcome === 'PASSED');
    const checks = [
      signatureVerified
        ? await checkSignedReading(credential, ctx.loader)
        : passed('FORMAT', 'a JSON-LD credential with an embedded proof'),
      ...integrity,
      ...(await this.commonChecks(credential, ctx)),
    ];
    return { verification: concludeVerification({ signed: true, checks, issuer, checkedAt }), credential };
  }

  /** Validity period and status: the same for every envelope. */
  private async commonChecks(credential: Record<string, unknown>, ctx: RunContext): Promise<VerificationCheck[]> {
    const checks = checkValidityPeriod(readValidityPeriod(credential), ctx.now);
    if (ctx.checkStatus) checks.push(...(await this.statusChecks(credential, ctx)));
    return checks;
  }

  private async statusChecks(credential: Record<string, unknown>, ctx: RunContext): Promise<VerificationCheck[]> {
    const { entries, unsupported } = readStatusEntries(credential.credentialStatus);
    if (entries.length === 0 && unsupported.length === 0) return [];
    const checks = unsupported.map((reason) => undetermined('STATUS', reason));
    if (entries.length > MAX_STATUS_ENTRIES) {
      return [
        ...checks,
        undetermined('STATUS', `${entries.length} status entries; at most ${MAX_STATUS_ENTRIES} are checked`),
      ];
    }
    for (const entry of entries) checks.push(await this.statusCheck(entry, issuerId(credential), ctx));
    return checks;
  }

  private async statusCheck(
    entry: StatusListEntry,
    issuer: string | null,
    ctx: RunContext,
  ): Promise<VerificationCheck> {
    let list: unknown = ctx.statusLists.find(
      (s) => typeof s === 'object' && s !== null && (s as { id?: unknown }).id === entry.listUrl,
    );
    const supplied = list !== undefined;
    if (list === undefined) {
      try {
        list = await ctx.fetchJson(entry.listUrl);
      } catch (error) {
        return undetermined(
          'STATUS',
          `the ${entry.purpose} status list ${entry.listUrl} is not available (${(error as Error).message}); supply it with the import to check it offline`,
        );
      }
    }
    // The list is a credential of its own: it must verify, come from the same issuer, be in force.
    const listCheck = await this.verifyWith(list, { ...ctx, checkStatus: false });
    const listVerification = listCheck.verification;
    if (listVerification.status !== 'VERIFIED') {
      const reason = listVerification.checks
        .filter((c) => c.outcome !== 'PASSED')
        .map((c) => `${c.check}: ${c.message}`)
        .join('; ');
      const check = listVerification.status === 'INVALID' ? failed : undetermined;
      return check(
        'STATUS',
        `the status list ${entry.listUrl}${supplied ? ' (supplied)' : ''} does not verify (${listVerification.status}: ${reason})`,
      );
    }
    if (listVerification.issuer !== issuer) {
      return failed(
        'STATUS',
        `the status list ${entry.listUrl} is issued by ${listVerification.issuer}, not by the credential's issuer ${issuer}`,
      );
    }
    const subject = firstObject(listCheck.credential?.credentialSubject);
    const encoded = subject?.encodedList;
    if (typeof encoded !== 'string') return failed('STATUS', `the status list ${entry.listUrl} has no encodedList`);
    const listPurposes = Array.isArray(subject?.statusPurpose) ? subject.statusPurpose : [subject?.statusPurpose];
    if (subject?.statusPurpose !== undefined && !listPurposes.includes(entry.purpose)) {
      return failed(
        'STATUS',
        `the status list ${entry.listUrl} is for ${JSON.stringify(subject.statusPurpose)}, the entry for ${entry.purpose}`,
      );
    }
    let set: boolean;
    try {
      set = readStatusBit(encoded, entry.index, entry.kind);
    } catch (error) {
      return failed('STATUS', `the status list ${entry.listUrl} cannot be read: ${(error as Error).message}`);
    }
    if (!INVALIDATING_PURPOSES.includes(entry.purpose)) {
      return passed(
        'STATUS',
        `${entry.purpose} status at index ${entry.index} is ${set ? 'set' : 'clear'}; that purpose does not affect validity`,
      );
    }
    return set
      ? failed(
          'STATUS',
          `the credential is ${entry.purpose === 'revocation' ? 'revoked' : 'suspended'}: bit ${entry.index} of ${entry.listUrl} is set`,
        )
      : passed(
          'STATUS',
          `not ${entry.purpose === 'revocation' ? 'revoked' : 'suspended'} (bit ${entry.index} of ${entry.listUrl} is clear)`,
        );
  }
}

interface RunContext {
  readonly now: Date;
  readonly statusLists: readonly unknown[];
  readonly loader: DocumentLoader;
  readonly fetchJson: JsonFetcher;
  readonly checkStatus: boolean;
}

/** A fetcher that refuses after `max` calls, bounding one verification's network cost. */
function fetchBudget(fetchJson: JsonFetcher, max: number): JsonFetcher {
  let used = 0;
  return async (url) => {
    used += 1;
    if (used > max) throw new Error(`${url} was not fetched: one verification fetches at most ${max} documents`);
    return fetchJson(url);
  };
}

/** The issuer id of a credential: a string issuer or an issuer object's `id`. */
export function issuerId(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (typeof issuer === 'object' && issuer !== null && typeof (issuer as { id?: unknown }).id === 'string')
    return (issuer as { id: string }).id;
  return null;
}

function typeNames(doc: Record<string, unknown>): string[] {
  const types = Array.isArray(doc.type) ? doc.type : [doc.type ?? doc['@type']];
  return types.filter((t): t is string => typeof t === 'string');
}

function firstObject(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
}
