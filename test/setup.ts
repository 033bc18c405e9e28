import fc from 'fast-check';

/**
 * Property tests explore new random cases on every developer run; CI runs a fixed seed so that a red
 * run always points at a reproducible case. FC_SEED=<n> replays any seed a failure printed.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261128 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

import { afterEach } from 'vitest';
import { takeContractBreaches } from '../src/testing/contract';

/** Every API response a test saw must keep its route's declared contract (src/testing/contract.ts). */
afterEach(async () => {
  const breaches = await takeContractBreaches();
  if (breaches.length) {
    throw new Error(`Réponses hors contrat OpenAPI :\n${breaches.map((b) => `  ${b.method} ${b.route} → ${b.status} : ${b.problem}`).join('\n')}`);
  }
});
