import fc from 'fast-check';

/**
 * Property tests explore new random cases on every developer run; CI runs a fixed seed so that a red
 * run always points at a reproducible case. FC_SEED=<n> replays any seed a failure printed.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261128 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
