import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, expectNoAxeViolations } from './a11y.ts';

const PASSWORD = 'o parolă lungă de test';

function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

async function register(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Numele afișat public').fill(name);
  await page.getByLabel('Parola', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Accept termenii și politica de confidențialitate').check();
  await page.getByRole('button', { name: 'Creează contul' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** The verification link of the newest message to `email`, read from the admin outbox as an administrator. */
async function verificationLinkFromOutbox(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto('/login');
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Adresa de e-mail').fill('admin@demo.dezvolt.ro');
  await admin.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(admin.getByRole('status')).toContainText('Te-ai autentificat');
  await admin.goto('/admin/outbox');
  const hrefs = await admin
    .getByRole('row')
    .filter({ hasText: email })
    .locator('a[href^="/admin/outbox/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const ids = hrefs.map((h) => Number(h.split('/').pop())).filter((n) => Number.isInteger(n));
  expect(ids.length, `an outbox message to ${email}`).toBeGreaterThan(0);
  await admin.goto(`/admin/outbox/${Math.max(...ids)}`);
  const body = await admin.locator('pre').first().innerText();
  const link = body.match(/https?:\/\/\S+\/verify-email\?token=[\w-]+/)?.[0];
  expect(link, 'a verification link in the message body').toBeTruthy();
  await context.close();
  return link!;
}

test('a new person registers, verifies the address, downloads their data and erases the account', async ({ browser }) => {
  const email = uniqueEmail('journey');
  const context = await browser.newContext();
  const page = await context.newPage();

  await page.goto('/register');
  await expectNoAxeViolations(page);
  await register(page, email, 'Persoană de test');
  await expect(page.getByRole('status')).toContainText('Contul a fost creat');
  await expect(page.getByText('Adresa ta de e-mail nu este încă confirmată.')).toBeVisible();

  const link = await verificationLinkFromOutbox(browser, email);
  await page.goto(link);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('status')).toContainText('Adresa de e-mail a fost confirmată');
  await expect(page.getByText('Adresa de e-mail este confirmată.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Limba' }).getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dezvolt-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(data.profile.email).toBe(email);
  expect(data.profile.displayName).toBe('Persoană de test');
  expect(data.profile.emailVerifiedAt).toBeTruthy();
  expect(JSON.stringify(data)).not.toMatch(/argon2|password/i);

  await page.getByRole('link', { name: 'Erase account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erase account');
  await expectNoAxeViolations(page);
  // Keyboard only: password, tick the confirmation, press the button.
  await page.getByLabel('Your current password').focus();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('I understand that erasing my account is final')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Erase my account for good' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('status')).toContainText('Your account was erased');
  await expect(page.getByRole('link', { name: 'Log in', exact: true }).first()).toBeVisible();

  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('The email or password is not correct.').first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('the account forms work without JavaScript on a 320 px screen', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await register(page, uniqueEmail('nojs'), 'Fără JS');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByLabel('Numele afișat public').fill('Fără JavaScript');
  await page.getByRole('button', { name: 'Salvează profilul' }).click();
  await expect(page.getByRole('status')).toContainText('Profilul a fost salvat');
  await expect(page.getByRole('definition').filter({ hasText: 'Fără JavaScript' })).toBeVisible();

  await page.getByLabel(/Sunt de acord să păstrați datele mele demografice/).check();
  await page.getByRole('button', { name: 'Salvează acordurile' }).click();
  await expect(page.getByRole('status')).toContainText('Acordurile au fost salvate');
  await page.getByLabel('Anul nașterii', { exact: true }).fill('1988');
  await page.getByLabel('Genul', { exact: true }).selectOption('undisclosed');
  await page.getByLabel('Cartierul în care locuiești').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Salvează datele demografice' }).click();
  await expect(page.getByRole('status')).toContainText('Datele demografice au fost salvate');
  await expect(page.getByLabel('Anul nașterii', { exact: true })).toHaveValue('1988');

  await page.getByLabel('Parola actuală').fill('nu este parola');
  await page.getByLabel('Parola nouă').fill('o parolă nouă și lungă');
  await page.getByRole('button', { name: 'Schimbă parola' }).click();
  await expect(page.getByRole('alert')).toContainText('Parola actuală nu este corectă.');
  await context.close();
});
