import { afterAll, beforeAll } from 'vitest';
import { accessibilitySuite } from './a11y';
import { authSuite } from './auth';
import { launchBrowser } from './browser';
import { directorySuite } from './directory';
import { startServer } from './server';
import type { Suite } from './suite';

const s = {} as Suite;

beforeAll(async () => {
  s.server = await startServer();
  s.browser = await launchBrowser();
  const r = await fetch(`${s.server.baseUrl}/api/structures?q=${encodeURIComponent('Croix-Rousse')}`);
  const { items } = (await r.json()) as { items: { id: number; name: string }[] };
  const centre = items.find((x) => x.name === 'Centre social de la Croix-Rousse');
  if (!centre) throw new Error('Le centre de démonstration est absent de l’annuaire.');
  s.centreId = centre.id;
}, 300_000);

afterAll(async () => {
  await s.browser?.close();
  await s.server?.stop();
});

authSuite(s);
directorySuite(s);
accessibilitySuite(s);
