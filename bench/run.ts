import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Figures } from './lib';

/** Groups in the order of the issues; each is bench/<group>.bench.ts exporting run(). */
const GROUPS = ['foundation', 'questionnaire', 'filling', 'quality', 'compare', 'publish', 'external', 'partners', 'load'] as const;

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(GROUPS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`Groupe inconnu : ${unknown.join(', ')} (groupes : ${GROUPS.join(', ')})`);
  process.exit(2);
}
const groups = asked.length ? asked : GROUPS;
for (const group of groups) {
  const file = resolve(import.meta.dirname, `${group}.bench.ts`);
  if (!existsSync(file)) { console.log(`# ${group}: pas encore de mesures`); continue; }
  console.log(`# ${group}`);
  const mod = (await import(file)) as { run: () => Promise<Figures> };
  const figures = await mod.run();
  for (const [name, f] of Object.entries(figures)) console.log(`bench: ${name} = ${f.value} ${f.unit}`);
}
process.exit(0);
