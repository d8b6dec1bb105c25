/**
 * Every accepted token expires, within JWT_MAX_LIFETIME_SECONDS: a signed token without `exp`,
 * or one living longer than the maximum (measured from `iat`, or from now without a usable
 * `iat`), is refused with UNAUTHENTICATED.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const key = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const QUERY = '{ learner(id: "token-nobody") { id } }';

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100000', JWT_MAX_LIFETIME_SECONDS: '3600' });
});
afterAll(async () => {
  await server?.close();
});

function admin(): SignJWT {
  return new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('token-admin');
}

async function call(token: string) {
  return server.gql(QUERY, undefined, { authorization: `Bearer ${token}` });
}

describe('token lifetime', () => {
  it('refuses a correctly signed token without exp', async () => {
    const res = await call(await admin().setIssuedAt().sign(key));
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/no expiry/);
  });

  it('refuses a token whose exp - iat exceeds the maximum', async () => {
    const res = await call(
      await admin()
        .setIssuedAt()
        .setExpirationTime(now() + 7_200)
        .sign(key),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/lifetime exceeds the maximum of 3600 s/);
  });

  it('measures from now when iat is absent or in the future', async () => {
    const noIat = await call(
      await admin()
        .setExpirationTime(now() + 86_400 * 365)
        .sign(key),
    );
    expect(noIat.errors?.[0]?.message).toMatch(/lifetime exceeds/);
    const futureIat = await call(
      await admin()
        .setIssuedAt(now() + 86_400 * 365 - 60)
        .setExpirationTime(now() + 86_400 * 365)
        .sign(key),
    );
    expect(futureIat.errors?.[0]?.message).toMatch(/lifetime exceeds/);
  });

  it('accepts a token within the maximum', async () => {
    const res = await call(
      await admin()
        .setIssuedAt()
        .setExpirationTime(now() + 3_000)
        .sign(key),
    );
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });
});
