import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from '../../../src/server/rate-limit/token-bucket-limiter';
import { addressKey, clientKey, compileProxyTrust } from '../../../src/server/rate-limit/client-key';
import { createRateLimitAdmit } from '../../../src/server/rate-limit/create-rate-limit-admit';

function fakeRequest(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('TokenBucketLimiter', () => {
  it('allows a burst of perMinute, then refills at perMinute/60 per second', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 19_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('keeps separate budgets per key', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets refilled buckets and bounds the number of keys', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, maxKeys: 100, now: () => now });
    for (let i = 0; i < 1_000; i += 1) limiter.take(`k${i}`);
    expect(limiter.size).toBeLessThanOrEqual(101);
    now = 61_000;
    limiter.take('fresh');
    expect(limiter.size).toBe(1);
  });
});

describe('client keys', () => {
  const none = compileProxyTrust(0);

  it('uses a verified subject when there is one, else the address', () => {
    expect(clientKey(fakeRequest('10.0.0.1'), 'alice', none)).toBe('sub:alice');
    expect(clientKey(fakeRequest('10.0.0.1'), undefined, none)).toBe('ip:10.0.0.1');
  });

  it('reads X-Forwarded-For only as far as proxies are trusted', () => {
    const req = fakeRequest('10.0.0.1', { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' });
    expect(clientKey(req, undefined, none)).toBe('ip:10.0.0.1');
    // One trusted hop (the socket's peer): the client is the hop that proxy saw, not the leftmost.
    expect(clientKey(req, undefined, compileProxyTrust(1))).toBe('ip:198.51.100.4');
    expect(clientKey(req, undefined, compileProxyTrust(2))).toBe('ip:203.0.113.9');
    expect(clientKey(req, undefined, compileProxyTrust(['10.0.0.0/8']))).toBe('ip:198.51.100.4');
    expect(clientKey(req, undefined, compileProxyTrust(['10.0.0.0/8', '198.51.100.0/24']))).toBe('ip:203.0.113.9');
    expect(
      clientKey(fakeRequest('10.0.0.1', { 'x-forwarded-for': 'garbage' }), undefined, compileProxyTrust(1)),
    ).not.toBe('ip:10.0.0.1');
  });

  it('groups IPv6 clients by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('ip6:2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('ip6:2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('ip6:2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('ip6:0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('ip:192.0.2.7');
  });
});

describe('the admit hook', () => {
  it('refuses with 429, retry-after and RATE_LIMITED once the budget is spent', async () => {
    let limited = 0;
    const admit = createRateLimitAdmit({ perMinute: 2, trustProxy: 0, now: () => 0, onLimited: () => (limited += 1) });
    const req = fakeRequest('192.0.2.1');
    expect(await admit(req)).toBeNull();
    expect(await admit(req)).toBeNull();
    const refusal = (await admit(req))!;
    expect(refusal.status).toBe(429);
    expect(refusal.headers).toEqual({ 'retry-after': '30' });
    const body = JSON.parse(refusal.body) as {
      errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[];
    };
    expect(body.errors[0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(limited).toBe(1);
    expect(await admit(fakeRequest('192.0.2.2'))).toBeNull();
  });
});
