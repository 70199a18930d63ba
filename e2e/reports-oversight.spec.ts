// The city-side oversight and resident follow-up pages: an official's dashboard, the public
// "how the city responds" figures and area alerts managed without JavaScript — axe clean on each.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, DEMO_PASSWORD } from './a11y.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page.getByText('Te-ai autentificat.')).toBeVisible();
}

test('an official’s dashboard and the public response figures', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/reports/stats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cum răspunde primăria');
  await expect(page.getByRole('table', { name: /Răspunsul fiecărui departament/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Drumuri' })).toBeVisible();
  await expectNoAxeViolations(page);

  await login(page, 'drumuri@demo.dezvolt.ro', DEMO_PASSWORD);
  await page.goto('/reports');
  await page.getByRole('link', { name: 'Panoul departamentului' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panoul departamentului Drumuri');
  await expect(page.getByRole('table', { name: 'Sesizări deschise după vechime' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sesizări după stare' })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test('area alerts are created and deleted without JavaScript on a phone', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, 'cetatean@demo.dezvolt.ro', DEMO_PASSWORD);
  await page.goto('/my/alerts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alerte pentru zona ta');

  await page.getByLabel('Latitudine').fill('46,7705');
  await page.getByLabel('Longitudine').fill('23,5901');
  await page.getByLabel('Raza (metri)').fill('10');
  await page.getByRole('button', { name: 'Creează alerta pentru punct' }).click();
  await expect(page.getByRole('alert')).toContainText('Alege o rază între 50 și 5000 de metri.');
  await page.getByLabel('Raza (metri)').fill('400');
  await page.getByRole('button', { name: 'Creează alerta pentru punct' }).click();
  await expect(page.getByText('Alerta a fost creată.')).toBeVisible();

  await page.getByLabel('Cartierul').selectOption({ label: 'Centru' });
  await page.getByRole('button', { name: 'Creează alerta pentru cartier' }).click();
  await expect(page.getByText('În cartierul Centru')).toBeVisible();
  await expect(page.getByText('Pe o rază de 400 m în jurul punctului 46.77050, 23.59010')).toBeVisible();

  await page.getByRole('button', { name: 'Șterge alerta: În cartierul Centru' }).click();
  await expect(page.getByText('Alerta a fost ștearsă.')).toBeVisible();
  await expect(page.getByText('În cartierul Centru')).toHaveCount(0);
  await context.close();

  // axe needs JavaScript to run: the same pages, checked in a scripted phone browser.
  const checked = await browser.newContext(PHONE);
  const cp = await checked.newPage();
  await login(cp, 'cetatean@demo.dezvolt.ro', DEMO_PASSWORD);
  await cp.goto('/my/alerts');
  await expect(cp.getByText('Pe o rază de 400 m')).toBeVisible();
  await expectNoAxeViolations(cp);
  await cp.getByLabel('Raza (metri)').fill('9000');
  await cp.getByLabel('Latitudine').fill('46.77');
  await cp.getByLabel('Longitudine').fill('23.59');
  await cp.getByRole('button', { name: 'Creează alerta pentru punct' }).click();
  await expect(cp.getByRole('alert')).toContainText('Alege o rază');
  await expectNoAxeViolations(cp);
  await checked.close();
});
