/**
 * Who a request counts against: the subject of its bearer token when it has one, else its client
 * address. The token is only decoded here, not verified: rate limiting runs before authentication
 * so that floods are refused cheaply, and a forged token gains nothing because the request is
 * refused as UNAUTHENTICATED right after. Keys stay in memory and are never logged (a subject can
 * identify a person).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/i;

/** The `sub` claim of a JWT in the Authorization header, without checking its signature. */
export function unverifiedSubject(authorization: string | undefined): string | undefined {
  const match = authorization === undefined ? null : BEARER.exec(authorization.trim());
  if (!match || match[2]!.length > 8_000) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(match[2]!, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' && payload.sub.length > 0 && payload.sub.length <= 200 ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

/** Expands an IPv6 address to its eight groups. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * A rate-limit key for an address. IPv6 clients are grouped by /64, the block one host or home
 * typically holds, so rotating addresses within it does not multiply the budget.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `ip:${mapped[1]}`;
  if (isIP(address) === 6) return `ip6:${ipv6Groups(address.split('%')[0]!).slice(0, 4).join(':')}::/64`;
  return `ip:${address}`;
}

/** The client address: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first && isIP(first) !== 0) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The key a request is counted under. */
export function clientKey(req: IncomingMessage, trustProxy: boolean): string {
  const subject = unverifiedSubject(req.headers.authorization);
  return subject !== undefined ? `sub:${subject}` : addressKey(clientAddress(req, trustProxy));
}
