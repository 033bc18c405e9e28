import { expect, it } from 'vitest';
import { passwordWeakness } from '../domain/passwordStrength';
import { randomDemoPassword } from './demoAccounts';

it('draws random demo passwords that pass the strength check asked of chosen passwords', () => {
  for (let i = 0; i < 30; i++) {
    const p = randomDemoPassword();
    expect(p).toHaveLength(12);
    expect(passwordWeakness(p), p).toBeUndefined();
  }
});
