import { describe, expect, it } from 'vitest';
import { isInternalHost } from '../../../src/services/verification/internal-host';

/** A host as a WHATWG URL gives it (normalised, IPv6 bracketed). */
const hostOf = (url: string) => new URL(url).hostname;

describe('isInternalHost', () => {
  it.each([
    'https://127.0.0.1/',
    'https://2130706433/', // 127.0.0.1 in decimal
    'https://0x7f.1/',
    'https://10.1.2.3/',
    'https://172.31.0.1/',
    'https://192.168.1.1/',
    'https://169.254.169.254/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::127.0.0.1]/', // IPv4-compatible
    'https://[::ffff:10.0.0.1]/', // IPv4-mapped
    'https://[fd00::1]/',
    'https://[fc12::1]/',
    'https://[fe80::1]/',
    'https://localhost/',
    'https://localhost./',
    'https://api.localhost/',
  ])('refuses %s', (url) => {
    expect(isInternalHost(hostOf(url))).toBe(true);
  });

  it.each([
    'https://fdic.gov/jwks.json', // names starting like IPv6 prefixes are names
    'https://fc-bayern.example/',
    'https://fe80.example/',
    'https://issuer.example/',
    'https://8.8.8.8/',
    'https://172.32.0.1/',
    'https://[2001:db8::1]/',
    'https://localhost.example/',
  ])('lets %s through', (url) => {
    expect(isInternalHost(hostOf(url))).toBe(false);
  });
});
