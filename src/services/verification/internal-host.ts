/**
 * Whether a URL's host names an address inside the server's own network: the fetches
 * verification makes for a credential (keys, DID documents, status lists) go to hosts the
 * credential names, and a credential is attacker-controlled input.
 */
import { BlockList, isIP } from 'node:net';

/** Loopback, unspecified, private, link-local and shared (carrier-grade NAT) ranges. */
const INTERNAL_IPV4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  INTERNAL_IPV4.addSubnet(network, prefix, 'ipv4');
}
// A list of its own: Node checks IPv4 addresses against IPv6 rules as IPv4-mapped ones, so the
// mapped range below would match every IPv4 address.
const INTERNAL_IPV6 = new BlockList();
for (const [network, prefix] of [
  // `::` and `::1`, and the deprecated IPv4-compatible form `::a.b.c.d`.
  ['::', 96],
  // IPv4-mapped addresses reach IPv4 hosts; none is fetched, as before.
  ['::ffff:0:0', 96],
  // Unique local and link-local.
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  INTERNAL_IPV6.addSubnet(network, prefix, 'ipv6');
}

/**
 * True for `localhost` (with any subdomain or a trailing dot) and for IP literals in an internal
 * range. Only literals are judged: a name that resolves to an internal address is not caught here
 * (see the README's "Verifiable credentials"). `hostname` is a WHATWG URL's, which has already
 * turned decimal, octal and hex IPv4 forms into dotted ones and bracketed IPv6.
 *
 * @example
 * isInternalHost('127.0.0.1') // true
 * isInternalHost('[::127.0.0.1]') // true (IPv4-compatible IPv6)
 * isInternalHost('localhost.') // true
 * isInternalHost('fdic.gov') // false (a name, not an IPv6 literal)
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return INTERNAL_IPV4.check(host, 'ipv4');
  if (family === 6) return INTERNAL_IPV6.check(host, 'ipv6');
  return false;
}
