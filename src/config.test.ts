import { describe, expect, it } from 'vitest';
import { readConfig, usesHttps } from './config';

describe('readConfig', () => {
  it('reads PUBLIC_URL (no trailing slash) and TRUSTED_PROXIES', () => {
    const c = readConfig({ PUBLIC_URL: 'https://senacs.example.org/', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8 ::1' });
    expect(c.publicUrl).toBe('https://senacs.example.org');
    expect(c.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(usesHttps(c)).toBe(true);
    expect(readConfig({ PUBLIC_URL: 'https://exemple.fr/senacs/' }).publicUrl).toBe('https://exemple.fr/senacs');
  });

  it('has no public address and no trusted proxy by default, and is then not https', () => {
    const c = readConfig({});
    expect(c.publicUrl).toBeUndefined();
    expect(c.trustedProxies).toEqual([]);
    expect(usesHttps(c)).toBe(false);
    expect(usesHttps(readConfig({ PUBLIC_URL: 'http://localhost:3000' }))).toBe(false);
  });

  it('refuses malformed settings in French', () => {
    expect(() => readConfig({ PUBLIC_URL: 'senacs.example.org' })).toThrow(/PUBLIC_URL n’est pas une adresse valide/);
    expect(() => readConfig({ PUBLIC_URL: 'ftp://senacs.example.org' })).toThrow(/https:\/\/ ou http:\/\//);
    expect(() => readConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES : « proxy.local »/);
    expect(() => readConfig({ TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/TRUSTED_PROXIES/);
  });
});
