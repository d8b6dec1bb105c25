import { describe, expect, it } from 'vitest';
import { signToken } from '../../../src/auth/sign-token';
import { VerifiedTokenCache } from '../../../src/auth/verified-token-cache';
import { createTokenVerifier } from '../../../src/auth/verify-token';
import type { Viewer } from '../../../src/domain/access/viewer';

const settings = (secret: string) => ({
  secret,
  jwksUrl: undefined,
  issuer: undefined,
  audience: undefined,
  maxLifetimeSeconds: 86_400,
});

const viewer = (subject: string): Viewer => ({
  subject,
  roles: new Set(['LEARNER']),
  learnerId: 'l-1',
  providerId: null,
  portalId: null,
});

describe('VerifiedTokenCache', () => {
  it('serves a token until the earlier of its expiry and the maximum age', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache({ maxAgeSeconds: 60, now: () => now });
    cache.put('long-lived', viewer('a'), now / 1000 + 3600);
    cache.put('short-lived', viewer('b'), now / 1000 + 10);
    now += 9_999;
    expect(cache.get('short-lived')?.subject).toBe('b');
    now += 1;
    expect(cache.get('short-lived')).toBeUndefined();
    now += 49_999;
    expect(cache.get('long-lived')?.subject).toBe('a');
    now += 1;
    expect(cache.get('long-lived')).toBeUndefined();
  });

  it('keeps no token already expired, none longer than a tenth of its capacity, and at most its count', () => {
    const now = 1_000_000;
    const cache = new VerifiedTokenCache({ maxTokens: 3, maxChars: 1_000, now: () => now });
    cache.put('expired', viewer('x'), now / 1000 - 1);
    cache.put('x'.repeat(101), viewer('y'), now / 1000 + 60);
    expect(cache.size).toBe(0);
    for (const token of ['t1', 't2', 't3', 't4']) cache.put(token, viewer(token), now / 1000 + 60);
    expect(cache.size).toBe(3);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t4')?.subject).toBe('t4');
  });

  it('hands out frozen viewers, shared by the requests that send the token', () => {
    const cache = new VerifiedTokenCache();
    const kept = cache.put('t', viewer('a'), Date.now() / 1000 + 60);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(cache.get('t')).toBe(kept);
  });
});

describe('createTokenVerifier with a cache', () => {
  it('verifies a token once and then serves it from the cache', async () => {
    const cache = new VerifiedTokenCache();
    const token = await signToken({ sub: 'ann', roles: ['LEARNER'], learnerId: 'l-ann' }, 'secret-a', '1h');
    const first = await createTokenVerifier(settings('secret-a'), cache)(`Bearer ${token}`);
    expect(first.subject).toBe('ann');
    // A verifier with another key would refuse the token: it is accepted only because the cache
    // holds it, so the signature was not checked again.
    await expect(createTokenVerifier(settings('secret-b'), null)(`Bearer ${token}`)).rejects.toThrow(/invalid/);
    const second = await createTokenVerifier(settings('secret-b'), cache)(`Bearer ${token}`);
    expect(second).toBe(first);
  });

  it('keeps no token that failed verification', async () => {
    const cache = new VerifiedTokenCache();
    const token = await signToken({ sub: 'eve', roles: ['ADMIN'] }, 'not-the-secret', '1h');
    const verify = createTokenVerifier(settings('secret-a'), cache);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/invalid/);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/invalid/);
    expect(cache.size).toBe(0);
  });
});
