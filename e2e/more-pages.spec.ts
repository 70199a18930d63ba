// Pages added after the first journeys: the proposals map view, a proposal's version history, the
// consultation strategy editor and the open-data catalog, each axe clean, at phone size.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './a11y.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test('proposals map, version history, strategy editor and open data are axe clean', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await logIn(page, 'admin@demo.dezvolt.ro');

  await page.goto('/spaces/cluj-propune-2025');
  await page.getByRole('region', { name: 'Ce poți face aici' }).getByRole('link', { name: 'Propuneri' }).click();
  await page.getByRole('link', { name: 'Hartă' }).click();
  await expect(page).toHaveURL(/view=map/);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Listă' }).click();
  const first = page.locator('.proposal-list > li a').first();
  await first.click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  await expectNoAxeViolations(page);
  const id = page.url().split('/').pop();
  await page.goto(`/proposals/${id}/versions`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  const consultations = (await (await page.request.get('/api/v1/consultations')).json()) as { items: { id: number }[] };
  expect(consultations.items.length).toBeGreaterThan(0);
  await page.goto(`/admin/consultations/${consultations.items[0]!.id}/strategy`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/open-data');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});
