import { expect, it } from 'vitest';
import { processesOption } from './options';

it('allows several server processes on PostgreSQL only, with a French refusal on the embedded database', () => {
  expect(processesOption(undefined, false)).toBe(1);
  expect(processesOption('1', false)).toBe(1);
  expect(processesOption('3', true)).toBe(3);
  expect(() => processesOption('2', false)).toThrow(/PostgreSQL.*PGlite.*DATABASE_URL/);
  for (const bad of ['0', 'deux', '-1', '100']) expect(() => processesOption(bad, true)).toThrow(/--processes attend/);
});
