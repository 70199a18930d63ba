import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations } from './a11y.ts';

test('an administrator issues an Open311 key (shown once), the key files a report, and revoking it stops it', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`/login?next=${encodeURIComponent('/admin')}`);
  await page.getByLabel('Adresa de e-mail').fill('admin@demo.dezvolt.ro');
  await page.getByLabel('Parola').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page).toHaveURL('/admin');
  await page.getByRole('link', { name: 'Chei API Open311' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chei API Open311');
  await expectNoAxeViolations(page);

  const label = `Aplicație e2e ${Date.now()}`;
  await page.getByLabel('Pentru cine este cheia').fill(label);
  await page.getByRole('button', { name: 'Emite cheia' }).click();
  const key = (await page.locator('#open311-new-key').innerText()).trim();
  expect(key).toMatch(/^dz311_/);
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(0);

  const filed = await request.post('/open311/v2/requests.json', {
    form: { api_key: key, service_code: 'waste.uncollected', lat: '46.7561', long: '23.5532', description: 'Trimis din testul e2e Open311' },
  });
  expect(filed.status()).toBe(200);

  await page.goto('/admin/open311');
  await expect(page.locator('body')).not.toContainText(key);
  await page.getByRole('button', { name: `Revocă cheia „${label}”` }).click();
  await expect(page.getByRole('status').first()).toContainText('Cheia a fost revocată');
  await expectNoAxeViolations(page);
  const refused = await request.post('/open311/v2/requests.json', {
    form: { api_key: key, service_code: 'waste.uncollected', lat: '46.7561', long: '23.5532', description: 'După revocare' },
  });
  expect(refused.status()).toBe(403);
});
