// Lighthouse on the home page: accessibility must score 1.0; performance and best practices are
// recorded in the test output for the budget in BENCHMARKS.md.
import { test, expect } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

test('Lighthouse accessibility is 1.0 on the home page', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const result = await lighthouse(`${baseURL}/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'performance'],
      // A phone on a slow connection is the default form factor.
      formFactor: 'mobile',
    });
    const categories = result!.lhr.categories;
    const scores = Object.fromEntries(Object.entries(categories).map(([k, c]) => [k, c.score]));
    console.log('[lighthouse] home page scores', JSON.stringify(scores));
    const failing = Object.values(result!.lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0 && categories.accessibility!.auditRefs.some((r) => r.id === a.id))
      .map((a) => a.id);
    expect(failing, 'failing accessibility audits').toEqual([]);
    expect(categories.accessibility!.score).toBe(1);
  } finally {
    await chrome.kill();
  }
});
