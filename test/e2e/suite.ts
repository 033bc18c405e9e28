import type { Browser } from 'playwright-core';
import type { RunningServer } from './server';

/**
 * What the suites share, filled in by app.test.ts's beforeAll: one seeded server and one browser for the
 * whole run, because seeding the demo (even small) costs the better part of a minute.
 */
export interface Suite {
  server: RunningServer;
  browser: Browser;
  /** The demo centre (Centre social de la Croix-Rousse, Lyon), looked up through the public API. */
  centreId: number;
}
