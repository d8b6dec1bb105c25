import type { Config } from '../../config/config';
import { CredentialVerifier } from './credential-verifier';
import { createHttpJsonFetcher, noNetworkFetcher } from './json-fetcher';

/** The verifier the configuration asks for: fetching over HTTPS within VC_FETCH_TIMEOUT_MS, or never. */
export function createCredentialVerifier(config: Pick<Config, 'credentials'>): CredentialVerifier {
  const { fetchEnabled, fetchTimeoutMs } = config.credentials;
  return new CredentialVerifier(fetchEnabled ? createHttpJsonFetcher({ timeoutMs: fetchTimeoutMs }) : noNetworkFetcher);
}
