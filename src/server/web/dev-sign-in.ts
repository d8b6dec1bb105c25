/**
 * Development sign-in for the explorer: `POST /dev/sign-in?persona=advisor|portal|learner`
 * answers a demo persona's token, the same one `npm run token -- --demo <persona>` prints. Served
 * only when `DEV_SIGN_IN` is on, which configuration refuses in production.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signToken, type TokenClaims } from '../../auth/sign-token';
import { DEMO_PERSONAS_BASE } from '../../generate/demo/build-demo-data';

/** The demo personas' claims (see `seed/demo/README.md`). */
export const DEMO_PERSONA_CLAIMS: Readonly<Record<string, TokenClaims>> = {
  advisor: { sub: DEMO_PERSONAS_BASE.advisor.sub, roles: ['ADVISOR'] },
  portal: { sub: DEMO_PERSONAS_BASE.portal.sub, roles: ['PORTAL'], portalId: DEMO_PERSONAS_BASE.portal.portalId },
  learner: { sub: DEMO_PERSONAS_BASE.learner.sub, roles: ['LEARNER'], learnerId: DEMO_PERSONAS_BASE.learner.learnerId },
};

/** What the sign-in needs to sign like `npm run token`. */
export interface DevSignInOptions {
  readonly secret: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Token lifetime in seconds (8 h, or the configured maximum if shorter). */
  readonly lifetimeSeconds: number;
}

/** Answers one sign-in request (the caller routes `/dev/sign-in` here). */
export async function handleDevSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: DevSignInOptions,
): Promise<void> {
  req.resume();
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  // POST only: a GET could be triggered by any page the browser visits (an image, a link).
  if (req.method !== 'POST') return reply(405, { error: 'use POST /dev/sign-in?persona=advisor|portal|learner' });
  const persona = url.searchParams.get('persona') ?? '';
  const claims = Object.hasOwn(DEMO_PERSONA_CLAIMS, persona) ? DEMO_PERSONA_CLAIMS[persona] : undefined;
  if (claims === undefined)
    return reply(400, { error: `persona must be one of ${Object.keys(DEMO_PERSONA_CLAIMS).join(', ')}` });
  const token = await signToken(claims, options.secret, `${options.lifetimeSeconds}s`, {
    issuer: options.issuer,
    audience: options.audience,
  });
  reply(200, { persona, token, claims });
}
