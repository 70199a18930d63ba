// The "done when": a new user files a report with a photo on a phone-sized browser without
// JavaScript, an official acknowledges and resolves it with a note, the reporter gets the e-mails
// and answers the questionnaire, and the public page shows the whole history — axe clean throughout.
import { test, expect, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoAxeViolations, DEMO_PASSWORD } from './a11y.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/Parola/).fill(password);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page.getByText('Te-ai autentificat.')).toBeVisible();
}

async function axeOn(browser: Browser, url: string, as?: { email: string; password: string }): Promise<void> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  if (as) await login(page, as.email, as.password);
  await page.goto(url);
  await expectNoAxeViolations(page);
  await context.close();
}

test('report → acknowledge → resolve → questionnaire, without JavaScript on a phone', async ({ browser }) => {
  const email = `sesizare-${Date.now()}@example.ro`;
  const password = 'o parolă destul de lungă';
  const citizen = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await citizen.newPage();

  await page.goto('/register');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Numele afișat public').fill('Vecinul Vigilent');
  await page.getByLabel('Parola').fill(password);
  await page.getByLabel(/Accept termenii/).check();
  await page.getByRole('button', { name: 'Creează contul' }).click();
  await expect(page.getByText('Contul a fost creat.')).toBeVisible();

  await page.goto('/reports/new');
  await page.getByLabel('Categoria').selectOption('roads.pothole');
  await page.getByLabel('Adresa sau un reper').fill('Str. Universității 7');
  await page.getByLabel('Cartierul').selectOption({ label: 'Centru' });
  await page.getByLabel('Descrierea problemei').fill('Groapă mare în dreptul trecerii de pietoni, se adună apă în ea când plouă.');
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().toBuffer();
  await page.getByLabel('Fotografii (cel mult 5)').setInputFiles({ name: 'groapa.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Trimite sesizarea' }).click();
  await expect(page.getByText('Mulțumim! Sesizarea a fost înregistrată')).toBeVisible();
  const reportUrl = new URL(page.url()).pathname;
  const id = reportUrl.split('/').pop();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`#${id}`);
  await expect(page.getByRole('img', { name: new RegExp(`Fotografia 1 .*#${id}`) })).toBeVisible();

  const official = await browser.newContext(PHONE);
  const op = await official.newPage();
  await login(op, 'drumuri@demo.dezvolt.ro', DEMO_PASSWORD);
  await op.goto(`${reportUrl}/manage`);
  await expectNoAxeViolations(op);
  await op.getByLabel('Starea nouă').selectOption('acknowledged');
  await op.getByLabel('Notă publică (o vede și cetățeanul)').fill('Am preluat sesizarea, echipa vine săptămâna aceasta.');
  await op.getByRole('button', { name: 'Salvează starea' }).click();
  await expect(op.getByText('Modificarea a fost salvată.')).toBeVisible();
  await op.getByLabel('Starea nouă').selectOption('resolved');
  await op.getByLabel('Rezultatul (la rezolvare)').selectOption('favorabil');
  await op.getByLabel('Notă publică (o vede și cetățeanul)').fill('Groapa a fost asfaltată.');
  await op.getByRole('button', { name: 'Salvează starea' }).click();
  await expect(op.getByText('Modificarea a fost salvată.')).toBeVisible();
  await official.close();

  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await login(ap, 'admin@demo.dezvolt.ro', DEMO_PASSWORD);
  await ap.goto('/admin/outbox');
  await expect(ap.getByText(`Sesizarea #${id} este acum preluată`)).toBeVisible();
  await expect(ap.getByText(`Sesizarea #${id} este acum rezolvată`)).toBeVisible();
  await admin.close();

  await page.goto(reportUrl);
  await page.getByLabel('Da, este rezolvată').check();
  await page.getByLabel('5', { exact: true }).check();
  await page.getByRole('button', { name: 'Trimite răspunsul' }).click();
  await expect(page.getByText('Mulțumim pentru răspuns!')).toBeVisible();
  const history = page.locator('.history');
  await expect(history).toContainText('Sesizare înregistrată');
  await expect(history).toContainText('Am preluat sesizarea, echipa vine săptămâna aceasta.');
  await expect(history).toContainText('Groapa a fost asfaltată.');
  await expect(history).toContainText('rezolvată, nota 5');
  await citizen.close();

  await axeOn(browser, '/reports/new');
  await axeOn(browser, reportUrl);
  await axeOn(browser, '/reports');
  await axeOn(browser, '/my/reports', { email, password });
});
