import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertStrongPassword, passwordWeakness } from './passwordStrength';

describe('passwordWeakness', () => {
  it('refuses aaaaaaaaaaaa, saying why in French', () => {
    const why = passwordWeakness('aaaaaaaaaaaa');
    expect(why).toMatch(/trop facile à deviner \(robustesse [0-2] sur 4, il en faut 3\)/);
    expect(why).toMatch(/caractères répétés/);
  });

  it('refuses common French passwords, keyboard rows and sequences', () => {
    for (const p of ['motdepasse123', 'azertyuiop12', '123456789012', 'Bonjour2025!']) expect(passwordWeakness(p), p).toBeDefined();
    expect(passwordWeakness('court')).toBe('Le mot de passe doit compter au moins 12 caractères.');
  });

  it('accepts passphrases and random passwords (like the demo accounts\')', () => {
    expect(passwordWeakness('framboise girafe clavier 42')).toBeUndefined();
    expect(passwordWeakness('correct cheval pile agrafe')).toBeUndefined();
    for (let i = 0; i < 50; i++) {
      const p = randomBytes(9).toString('base64url');
      expect(passwordWeakness(p), p).toBeUndefined();
    }
  });

  it('throws validation_failed through assertStrongPassword', () => {
    expect(() => assertStrongPassword('aaaaaaaaaaaa')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => assertStrongPassword('framboise girafe clavier 42')).not.toThrow();
  });
});
