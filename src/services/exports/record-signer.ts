/**
 * The server's issuer identity for exported records: a did:key derived from the Ed25519 key in
 * VC_SIGNING_KEY, signing with Data Integrity `eddsa-rdfc-2022`. Without a key there is no signer
 * and exports are unsigned: a key is never generated behind the operator's back.
 */
import { createDocumentLoader } from '../verification/document-loader';
import { noNetworkFetcher } from '../verification/json-fetcher';
import {
  DataIntegrityProof,
  Ed25519Multikey,
  decodeBase58,
  eddsaRdfc2022Cryptosuite,
  issueCredential,
  type Ed25519KeyPair,
} from '../verification/vc-libraries';

/** Signs credentials as the server's issuer. */
export interface RecordSigner {
  /** The issuer DID (did:key) the signatures resolve to. */
  readonly did: string;
  /** Adds an eddsa-rdfc-2022 proof; the credential's issuer must be {@link did}. */
  sign(credential: Record<string, unknown>): Promise<Record<string, unknown>>;
}

// Multicodec header of an Ed25519 private key (0x1300 as varint), as the multikey library writes it.
const ED25519_SECRET_HEADER = [0x80, 0x26];

/**
 * A signer from a multibase Ed25519 secret key (`z…`, 64 bytes: seed then public key, as
 * `npm run vc:keygen` prints it).
 *
 * @throws Error when the key is not such a key.
 */
export async function createRecordSigner(secretKeyMultibase: string): Promise<RecordSigner> {
  const bytes = decodeBase58(secretKeyMultibase.slice(1));
  if (bytes.length !== 66 || bytes[0] !== ED25519_SECRET_HEADER[0] || bytes[1] !== ED25519_SECRET_HEADER[1]) {
    throw new Error('VC_SIGNING_KEY is not a multibase Ed25519 secret key');
  }
  const generated = await Ed25519Multikey.generate({ seed: bytes.slice(2, 34) });
  const did = `did:key:${generated.publicKeyMultibase}`;
  const keyPair: Ed25519KeyPair = await Ed25519Multikey.from({
    ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${did}#${generated.publicKeyMultibase}`,
    controller: did,
  });
  const documentLoader = createDocumentLoader(noNetworkFetcher);
  return {
    did,
    async sign(credential) {
      const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022Cryptosuite });
      const signed = await issueCredential({ credential: structuredClone(credential), suite, documentLoader });
      // The 1EdTech OB 3.0 JSON Schema requires `proof` to be an array; a proof set of one verifies the same.
      return { ...signed, proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof] };
    },
  };
}

/** A new random secret key in the format VC_SIGNING_KEY takes, and its DID. */
export async function generateSigningKey(): Promise<{ secretKeyMultibase: string; did: string }> {
  const keyPair = await Ed25519Multikey.generate();
  const exported = await keyPair.export({ publicKey: true, secretKey: true });
  return { secretKeyMultibase: String(exported.secretKeyMultibase), did: `did:key:${keyPair.publicKeyMultibase}` };
}
