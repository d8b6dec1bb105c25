/**
 * Rate-limit keys cannot be chosen by the client: a token counts under its subject only once its
 * signature is verified (forgeries count against the sender's address), and X-Forwarded-For is
 * believed only as far as configured proxies appended it.
 */
import { postJson } from '../support/post-json';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const QUERY = '{ __typename }';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = async (url: string, headers: Record<string, string>): Promise<number> =>
  (await postJson(url, { query: QUERY }, headers)).status;

describe('rate-limit keys', () => {
  it("forged tokens carrying a victim's sub do not spend the victim's budget", async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5' });
    const victim = await bearer({ sub: 'rate-victim', roles: ['ADMIN'] });
    const wrongKey = new TextEncoder().encode('an-attacker-key-that-is-long-enough-0123');
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('rate-victim')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(wrongKey);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"rate-victim"}').toString('base64url')}.`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push(await post(server.url, { authorization: `Bearer ${i % 2 ? forged : unsigned}` }));
    // The forgeries count against their address: refused as invalid, then rate-limited.
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    // The victim's own budget is untouched: all five of its requests are served.
    const victimStatuses: number[] = [];
    for (let i = 0; i < 5; i += 1) victimStatuses.push(await post(server.url, victim));
    expect(victimStatuses).toEqual([200, 200, 200, 200, 200]);
    expect(await post(server.url, victim)).toBe(429);
  });

  it('behind one trusted proxy, varying the client-written X-Forwarded-For hops gains nothing', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' });
    const statuses: number[] = [];
    // The proxy (this socket's peer) appends the address it saw; the client writes what is left of it.
    for (let i = 0; i < 8; i += 1)
      statuses.push(await post(server.url, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.50` }));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect(await post(server.url, { 'x-forwarded-for': '203.0.113.51' })).toBe(200);
  });

  it('TRUST_PROXY=true means one hop, not the leftmost entry', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'true' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push(await post(server.url, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.60` }));
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  });

  it('without trusted proxies, X-Forwarded-For is ignored', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push(await post(server.url, { 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });
});
