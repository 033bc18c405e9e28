import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/** Full-page screenshots at a laptop width (1366 px) and a phone width (375 px), for a human look. */
export async function twoWidths(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, `${name}-375`);
  await page.setViewportSize(size);
}
