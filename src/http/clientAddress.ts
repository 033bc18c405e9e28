import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The address limits are keyed on when no socket is known (in-process requests of the tests). */
export const UNKNOWN_ADDRESS = 'unknown';

/** IPv4 clients of a dual-stack socket show as `::ffff:1.2.3.4`: one client, one key. */
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * The configured proxies as a lookup (addresses and CIDR blocks, IPv4 and IPv6).
 * @example trustedProxyList(['127.0.0.1', '10.0.0.0/8']).check('10.1.2.3', 'ipv4') // true
 */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(plain(address), type);
    else list.addSubnet(plain(address), Number(bits), type);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * Who sent the request: the socket's address, unless that socket is a trusted proxy; then the
 * X-Forwarded-For chain is read from the right, skipping trusted proxies, and the first other address is
 * the client (everything left of it was written by the client and proves nothing).
 * @example clientAddressOf('10.0.0.2', '198.51.100.7, 203.0.113.9', trustedProxyList(['10.0.0.2'])) // '203.0.113.9'
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  const peer = socketAddress ? plain(socketAddress) : undefined;
  if (!peer) return UNKNOWN_ADDRESS;
  if (!isTrusted(trusted, peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) return peer; // a garbled chain: fall back on what we know
    if (!isTrusted(trusted, hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

/** The socket address from @hono/node-server; undefined for in-process requests (app.request). */
export function socketAddress(c: Context): string | undefined {
  try { return getConnInfo(c).remote.address; } catch { return undefined; }
}
