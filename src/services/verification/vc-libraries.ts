/**
 * The one place that loads the Digital Bazaar / DCC verifiable-credential stack. Those packages
 * are ESM-only; credgraph compiles to CommonJS, and Node 20.19+ `require()`s a synchronous ESM
 * graph, so plain imports work both in the built server and under vitest. Every other module
 * imports them from here, so a change of loading strategy touches one file.
 */
export { CredentialIssuancePurpose, issue as issueCredential } from '@digitalbazaar/vc';
export { DataIntegrityProof } from '@digitalbazaar/data-integrity';
export { cryptosuite as eddsaRdfc2022Cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
export { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
export * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
export type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
export { securityLoader } from '@digitalbazaar/security-document-loader';
export { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
export { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
export { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
export { contexts as statusList2021Contexts } from '@digitalbazaar/vc-status-list-context';
export { contexts as bitstringStatusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
export { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';
export { contexts as didContexts } from 'did-context';
import jsigs from 'jsonld-signatures';
export { jsigs };
import jsonld from 'jsonld';
export { jsonld };
export { decode as decodeBase58, encode as encodeBase58 } from 'base58-universal';
