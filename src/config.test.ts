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

describe('legal and retention settings', () => {
  it('reads the operator’s legal details and retention periods, with defaults', () => {
    const c = readConfig({ LEGAL_PUBLISHER: ' CAF du Rhône ', LEGAL_DPO_CONTACT: 'dpo@caf69.example', LEGAL_HOST: '', RETENTION_OUTBOX_DAYS: '30' });
    expect(c.legal).toEqual({ publisher: 'CAF du Rhône', dpoContact: 'dpo@caf69.example' });
    expect(c.retention).toEqual({ tokensDays: 30, outboxDays: 30, auditDays: 365 });
    expect(readConfig({}).retention).toEqual({ tokensDays: 30, outboxDays: 90, auditDays: 365 });
  });

  it('refuses a retention period that is not a whole number of days', () => {
    expect(() => readConfig({ RETENTION_AUDIT_DAYS: 'un an' })).toThrow(/RETENTION_AUDIT_DAYS attend un nombre entier de jours/);
    expect(() => readConfig({ RETENTION_TOKENS_DAYS: '0' })).toThrow(/au moins 1/);
  });
});
