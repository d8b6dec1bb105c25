/**
 * Who a request counts against: the subject of its bearer token once the token's signature has
 * been verified, else its client address. An unverified claim never selects a budget: anyone can
 * write a token carrying someone else's `sub`, and counting such tokens against that subject let
 * forgeries exhaust a victim's budget. Forged or invalid tokens count against their sender's
 * address. Keys stay in memory and are never logged (a subject can identify a person).
 *
 * The client address is the socket's peer unless proxies are trusted (TRUST_PROXY): then it is
 * the first X-Forwarded-For hop, counted from the socket, that is not a trusted proxy. Hops to the
 * left of it were written by the client and are ignored, so varying them gains nothing.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../../config/config';

/** Expands an IPv6 address to its eight groups. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
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

/** A compiled trust rule for {@link clientAddress}. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * Compiles TRUST_PROXY: a hop count trusts that many proxies nearest to the API; a list trusts
 * proxies at those addresses or subnets.
 *
 * @example
 * compileProxyTrust(1)            // one proxy (a load balancer) in front
 * compileProxyTrust(['10.0.0.0/8', 'loopback'])
 */
export function compileProxyTrust(trust: TrustProxy): ProxyTrust {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  const compiled = proxyaddr.compile([...trust]);
  return (address, hop) => compiled(address, hop);
}

/** The client address: the first untrusted hop, walking from the socket's peer through X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  if (req.socket.remoteAddress === undefined) return 'unknown';
  return proxyaddr(req, trust);
}

/** The key a request is counted under: a verified token subject, else the client address. */
export function clientKey(req: IncomingMessage, verifiedSubject: string | undefined, trust: ProxyTrust): string {
  return verifiedSubject !== undefined ? `sub:${verifiedSubject}` : addressKey(clientAddress(req, trust));
}
