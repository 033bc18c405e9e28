import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxyList, UNKNOWN_ADDRESS } from './clientAddress';

describe('clientAddressOf', () => {
  const none = trustedProxyList([]);
  const proxies = trustedProxyList(['127.0.0.1', '10.0.0.0/8', '::1']);

  it('is the socket address unless the socket is a trusted proxy', () => {
    expect(clientAddressOf('198.51.100.7', '203.0.113.1', none)).toBe('198.51.100.7');
    expect(clientAddressOf('198.51.100.7', '203.0.113.1', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
    expect(clientAddressOf(undefined, '203.0.113.1', proxies)).toBe(UNKNOWN_ADDRESS);
  });

  it('reads a trusted proxy\'s X-Forwarded-For from the right, skipping trusted hops', () => {
    expect(clientAddressOf('10.0.0.2', '203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(clientAddressOf('::ffff:127.0.0.1', '192.0.2.66, 203.0.113.1, 10.1.1.1', proxies)).toBe('203.0.113.1');
    expect(clientAddressOf('::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    // Only proxies in the chain: the leftmost is the client; garbage: the proxy itself.
    expect(clientAddressOf('10.0.0.2', '10.0.0.9', proxies)).toBe('10.0.0.9');
    expect(clientAddressOf('10.0.0.2', 'nimporte quoi', proxies)).toBe('10.0.0.2');
    expect(clientAddressOf('10.0.0.2', undefined, proxies)).toBe('10.0.0.2');
  });
});
