// The "done when" for participatory budgeting, in Chromium: an admin sets up an edition
// with a knapsack budget, a citizen proposes a project, an official reviews it, the citizen votes
// with a knapsack ballot and checks the receipt, the admin closes voting, and the results page
// shows the winner — axe clean on every page on the way.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations } from './a11y.ts';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page.getByRole('status')).toContainText('Te-ai autentificat');
  return page;
}

async function changePhase(admin: Page, label: string): Promise<void> {
  await admin.getByLabel('Etapa', { exact: true }).selectOption({ label });
  await admin.getByRole('button', { name: 'Schimbă etapa' }).click();
  await expect(admin.getByRole('status')).toContainText('Etapa ediției a fost schimbată.');
}

test('propose → review → knapsack vote → close → results, axe clean', async ({ browser }) => {
  const edition = `Bugetare e2e ${Date.now()}`;
  const project = 'Bănci și umbrar în Piața Muzeului';
  const admin = await signedIn(browser, 'admin@demo.dezvolt.ro');

  // Admin: edition, knapsack budget, submissions open.
  await admin.goto('/admin/budgets');
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Titlul ediției').fill(edition);
  await admin.getByLabel('Descriere pentru locuitori').fill('Ediția de test a orașului.');
  await admin.getByRole('button', { name: 'Creează ediția' }).click();
  await expect(admin.getByRole('status')).toContainText('Ediția a fost creată.');
  const adminEditionUrl = admin.url();
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Numele bugetului').fill('Tot orașul');
  await admin.getByLabel('Suma disponibilă').fill('100000');
  await admin.getByLabel('Cum se votează').selectOption('knapsack');
  await admin.getByLabel('Cum se aleg câștigătorii').selectOption('greedy');
  await admin.getByRole('button', { name: 'Adaugă un buget' }).click();
  await expect(admin.getByRole('status')).toContainText('Bugetul a fost salvat.');
  await changePhase(admin, 'propunere de proiecte');

  // Citizen proposes.
  const citizen = await signedIn(browser, 'cetatean@demo.dezvolt.ro');
  await citizen.goto('/budgets');
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('link', { name: edition }).click();
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('link', { name: 'Propune un proiect' }).click();
  await expectNoAxeViolations(citizen);
  await citizen.getByLabel('Titlul proiectului').fill(project);
  await citizen.getByLabel('Descrierea proiectului').fill('Zece bănci și un umbrar pentru vârstnicii care așteaptă în piață.');
  await citizen.getByLabel('Costul estimat').fill('45000');
  await citizen.getByLabel('Latitudine').fill('46.7712');
  await citizen.getByLabel('Longitudine').fill('23.5878');
  await citizen.getByRole('button', { name: 'Trimite propunerea' }).click();
  await expect(citizen.getByRole('status')).toContainText('Propunerea ta a fost înregistrată.');
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(project);
  const projectUrl = citizen.url();
  await expectNoAxeViolations(citizen);

  // Official reviews it: accepted at a corrected cost.
  const official = await signedIn(browser, 'drumuri@demo.dezvolt.ro');
  await official.goto(projectUrl);
  await official.getByRole('link', { name: 'Analizează' }).click();
  await expectNoAxeViolations(official);
  await official.getByLabel('Proiectul se poate realiza: intră la vot').check();
  await official.getByLabel('Costul corectat (opțional)').fill('52000');
  await official.getByLabel('Explicația publică').fill('Costul include montajul și transportul.');
  await official.getByRole('button', { name: 'Salvează decizia' }).click();
  await expect(official.getByRole('status')).toContainText('Proiectul a fost admis la vot.');
  await expect(official.getByText('Costul include montajul și transportul.')).toBeVisible();

  // Voting opens; the citizen votes with a knapsack ballot.
  await admin.goto(adminEditionUrl);
  await changePhase(admin, 'vot');
  await citizen.goto('/budgets');
  await citizen.getByRole('link', { name: edition }).click();
  await citizen.getByRole('link', { name: 'Votează: Tot orașul' }).click();
  await expect(citizen.getByText('Costul lor adunat nu poate depăși bugetul de 100.000 lei')).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('checkbox', { name: new RegExp(project) }).check();
  await expect(citizen.locator('#pb-running-total')).toContainText('52.000');
  await citizen.getByRole('button', { name: 'Trimite votul' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Votul tău a fost înregistrat');
  const receipt = (await citizen.locator('.pb-receipt-code').innerText()).trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('link', { name: 'Verifică un cod de confirmare' }).click();
  await citizen.getByLabel('Codul de confirmare').fill(receipt);
  await citizen.getByRole('button', { name: 'Verifică' }).click();
  await expect(citizen.locator('#receipt-result')).toContainText('Votul a fost înregistrat online');
  await expectNoAxeViolations(citizen);

  // Close voting; the results are published.
  await admin.goto(adminEditionUrl);
  await admin.getByRole('button', { name: 'Închide votul și calculează rezultatele' }).click();
  await expect(admin.getByRole('status')).toContainText('Votul a fost închis');
  await admin.getByRole('link', { name: 'Rezultate: Tot orașul' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Rezultatele: Tot orașul');
  await expect(admin.getByRole('row', { name: new RegExp(project) })).toContainText('da');
  await expect(admin.getByText('Proiectele câștigătoare costă 52.000 lei din 100.000 lei')).toBeVisible();
  await expect(admin.getByRole('img', { name: 'Voturile fiecărui proiect' })).toBeVisible();
  await expectNoAxeViolations(admin);

  await citizen.goto('/budgets/receipt');
  await citizen.getByLabel('Codul de confirmare').fill(receipt);
  await citizen.getByRole('button', { name: 'Verifică' }).click();
  await expect(citizen.locator('#receipt-result')).toContainText('Votul a fost numărat');

  // The demo edition (seeded in the voting phase) and last year's results are axe clean too.
  await citizen.goto('/budgets');
  await citizen.getByRole('link', { name: 'Bugetare participativă 2024 (demo)' }).click();
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('link', { name: /^Rezultate:/ }).first().click();
  await expectNoAxeViolations(citizen);
  await citizen.goto('/budgets');
  await citizen.getByRole('link', { name: 'Bugetare participativă 2025 (demo)' }).click();
  await citizen.getByRole('link', { name: 'Votează: Cartierul Mărăști' }).click();
  await expectNoAxeViolations(citizen);
});
