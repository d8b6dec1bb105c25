/**
 * `npm run vc:keygen`: prints a new Ed25519 signing key for VC_SIGNING_KEY and the did:key that
 * exported records will name as issuer. The server never creates a key itself: an operator runs
 * this once and stores the secret like any other.
 */
import { generateSigningKey } from '../services/exports/record-signer';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const { secretKeyMultibase, did } = await generateSigningKey();
  process.stdout.write(`VC_SIGNING_KEY=${secretKeyMultibase}\n`);
  process.stderr.write(`issuer: ${did}\nKeep VC_SIGNING_KEY secret; anyone holding it can sign as this issuer.\n`);
  return 0;
}

runCli(
  'vc-keygen',
  main,
  'usage: vc-keygen\n\nPrints a new Ed25519 VC_SIGNING_KEY (stdout) and the did:key it signs exported records as (stderr).',
);
