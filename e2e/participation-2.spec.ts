// The "done when", second half: a citizen answers the workshop exercise sheet and registers
// for a workshop and takes its .ics; a stakeholder expresses interest in a Timișoara project; an
// admin promotes an open action. Forms run without JavaScript; every page is axe clean.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, DEMO_PASSWORD } from './a11y.ts';

// Each test checks many pages with axe from a second browser; give them room on a busy machine.
test.describe.configure({ timeout: 120_000 });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/Parola/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page.getByText('Te-ai autentificat.')).toBeVisible();
}

/** axe runs as a script, so it checks the page the no-JavaScript browser is on from a second,
 * script-enabled browser with the same cookies (and, when given, the same steps to reach it). */
async function axe(page: Page, reach?: (p: Page) => Promise<void>): Promise<void> {
  const browser = page.context().browser()!;
  const context = await browser.newContext({ ...PHONE, storageState: await page.context().storageState() });
  const twin = await context.newPage();
  await twin.goto(page.url());
  if (reach) await reach(twin);
  await expectNoAxeViolations(twin);
  await context.close();
}

async function noJs(browser: Browser, email?: string) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  if (email) await login(page, email);
  return { context, page };
}

test('a citizen answers the exercise sheet, page by page, without JavaScript', async ({ browser }) => {
  const { context, page } = await noJs(browser, 'cetatean@demo.dezvolt.ro');
  await page.goto('/surveys');
  await axe(page);
  await page.getByRole('link', { name: /Fișa de exercițiu/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pagina 1 din 2' })).toBeVisible();
  await axe(page);

  // Skipping a required question is caught on the server and explained next to the question.
  await page.getByRole('button', { name: 'Continuă' }).click();
  await expect(page.getByRole('alert')).toContainText('Această întrebare este obligatorie.');
  await axe(page, async (p) => {
    await p.getByRole('button', { name: 'Continuă' }).click();
    await expect(p.getByRole('alert')).toBeVisible();
  });

  await page.getByRole('group', { name: /Faceți parte din comunitatea locală/ }).getByLabel('DA').check();
  await page.getByRole('group', { name: /În ce măsură vă implicați/ }).getByLabel('În mare măsură', { exact: true }).check();
  await page.getByLabel(/Ce forme ale manifestării responsabilității civice v-ați asumat/).fill('Am participat la bugetarea participativă.');
  await page.getByRole('button', { name: 'Continuă' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pagina 2 din 2' })).toBeVisible();
  await page.getByLabel(/în ce domeniu al Responsabilității Civice/).fill('Protecția mediului');
  await page.getByLabel(/Care ar fi un prim pas/).fill('Mă alătur unui grup local de voluntari.');
  await page.getByRole('button', { name: 'Trimite răspunsurile' }).click();
  await expect(page.getByText('Vă mulțumim! Răspunsurile au fost înregistrate.')).toBeVisible();
  await expect(page.getByText('Ați răspuns deja la acest chestionar.')).toBeVisible();

  await page.getByRole('link', { name: 'Rezultatele' }).click();
  await expect(page.getByRole('table', { name: 'Câte persoane au ales fiecare variantă' }).first()).toBeVisible();
  await axe(page);
  await context.close();
});

test('a citizen registers for a workshop and downloads its calendar file, without JavaScript', async ({ browser }) => {
  const { context, page } = await noJs(browser, 'cetatean@demo.dezvolt.ro');
  await page.goto('/meetings');
  await expect(page.getByRole('link', { name: 'Workshop 1 // Cetățeanul Smart City' })).toBeVisible();
  await axe(page);
  await page.getByRole('link', { name: 'Conferința de final de proiect' }).click();
  await expect(page.getByText('Mai sunt 40 de locuri libere din 40.')).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: 'Mă înscriu' }).click();
  await expect(page.getByText('Sunteți înscris(ă) la întâlnire.')).toBeVisible();
  await expect(page.getByText('Mai sunt 39 de locuri libere din 40.')).toBeVisible();
  await axe(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Adaugă în calendar (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^meeting-\d+\.ics$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const ics = Buffer.concat(chunks).toString('utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics).toContain('SUMMARY:Conferința de final de proiect\r\n');
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
  expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

  // The past workshops show what happened: attendance and minutes.
  await page.goto('/meetings');
  await page.getByRole('link', { name: 'Workshop 3 // Efecte ale asumării sau lipsei de asumare a responsabilității civice' }).click();
  await expect(page.getByText('Au participat 27 de persoane.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Minuta întâlnirii' })).toBeVisible();
  await axe(page);
  await context.close();
});

test('a stakeholder expresses interest in a Timișoara project for their organization, without JavaScript', async ({ browser }) => {
  const { context, page } = await noJs(browser, 'ong@demo.dezvolt.ro');
  await page.goto('/consultations');
  await axe(page);
  await page.getByRole('link', { name: /Strategia Smart City și Transformare Digitală Timișoara/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ambiția I: Fiecare cetățean are o voce' })).toBeVisible();
  await axe(page);
  await page.getByRole('link', { name: 'Platforma participativă publică DECIDEM: Sistem de guvernare locală și consultare a cetățenilor' }).click();
  await axe(page);
  await page.getByLabel('În numele cui').selectOption({ label: 'Asociația Cartierul Verde (demo) (Societatea civilă)' });
  await page.getByLabel('Expertiza și contribuția dumneavoastră').fill('Organizăm grupuri locale de cartier și dezbateri publice.');
  await page.getByLabel(/Sunt de acord ca primăria să mă contacteze/).check();
  await page.getByRole('button', { name: 'Îmi exprim interesul' }).click();
  await expect(page.getByText('Mulțumim! Interesul dumneavoastră a fost înregistrat.')).toBeVisible();
  await expect(page.getByText('Societatea civilă: 1')).toBeVisible();
  await axe(page);

  await page.goto('/consultations');
  await page.getByRole('link', { name: /Strategia Smart City/ }).click();
  await page.getByRole('link', { name: 'Tabloul consultării' }).click();
  await expect(page.getByRole('table', { name: /Câte proiecte din 46 au primit interes/ })).toBeVisible();
  await axe(page);
  await page.goto('/consultations');
  await page.getByRole('link', { name: /Strategia Smart City/ }).click();
  await page.getByRole('link', { name: /^I\.3\. Transparența/ }).click();
  await expect(page.getByRole('heading', { name: 'Comentarii despre obiectiv' })).toBeVisible();
  await axe(page);
  await context.close();
});

test('an admin promotes an open action to a strategic project, without JavaScript', async ({ browser }) => {
  const { context, page } = await noJs(browser, 'admin@demo.dezvolt.ro');
  await page.goto('/consultations');
  await page.getByRole('link', { name: /Strategia Smart City/ }).click();
  await page.getByRole('link', { name: 'Administrează consultarea' }).click();
  await axe(page);
  const action = page.getByRole('form', { name: 'Crearea primăriilor de cartier - AD' });
  const objective = action.getByLabel('Obiectivul sub care devine proiect');
  await objective.selectOption((await objective.locator('option', { hasText: /^I\.3\./ }).getAttribute('value'))!);
  await action.getByLabel('Titlul proiectului').fill('Primării de cartier');
  await action.getByRole('button', { name: 'Preia ca proiect strategic' }).click();
  await expect(page.getByText('Acțiunea a devenit proiect strategic.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Crearea primăriilor de cartier - AD' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Pagina publică' }).click();
  await page.getByRole('link', { name: 'Primării de cartier' }).click();
  await expect(page.getByText('propus ca acțiune deschisă')).toBeVisible();
  await axe(page);

  for (const url of ['/admin/surveys', '/admin/meetings']) {
    await page.goto(url);
    await axe(page);
  }
  await page.getByRole('link', { name: 'Conferința de final de proiect' }).click();
  await axe(page);
  await page.goto('/admin/surveys');
  await page.getByRole('link', { name: /Fișa de exercițiu/ }).click();
  await axe(page);
  await context.close();
});

test('an admin builds a survey with the richer question kinds; the builder and the survey are axe clean', async ({ browser }) => {
  const { context, page } = await noJs(browser, 'admin@demo.dezvolt.ro');
  await page.goto('/admin/surveys');
  await page.getByLabel('Titlul').fill('Mobilitate în cartier');
  await page.getByLabel('Cine răspunde').selectOption('anonymous_signed_in');
  await page.getByRole('button', { name: 'Creează chestionarul' }).click();
  await expect(page.getByText('Chestionarul a fost creat.')).toBeVisible();
  const survey = page.url();
  const add = async (kind: string, fill: (p: Page) => Promise<void>) => {
    await page.goto(survey);
    await page.getByLabel('Tipul întrebării noi').selectOption(kind);
    await page.getByRole('button', { name: 'Adaugă o întrebare' }).click();
    await fill(page);
    await page.getByRole('button', { name: 'Salvează întrebarea' }).click();
    await expect(page.getByText('Modificarea a fost salvată.')).toBeVisible();
  };
  await add('multiple_choice', async (p) => {
    await p.getByLabel('Întrebarea').fill('Cum vă deplasați?');
    await p.getByLabel('Variantele de răspuns').fill('pe jos\nbicicletă\nautobuz');
    await p.getByLabel('Numărul maxim de variante alese').fill('2');
  });
  await add('matrix_single', async (p) => {
    await p.getByLabel('Întrebarea').fill('Cât de sigure sunt');
    await p.getByLabel('Rândurile').fill('Trotuarele\nPistele');
    await p.getByLabel('Coloanele (variantele de răspuns)').fill('nesigure\nsigure');
    await axe(p);
  });
  await add('ranking', async (p) => {
    await p.getByLabel('Întrebarea').fill('Ordonați prioritățile');
    await p.getByLabel('Variantele de răspuns').fill('piste\ntrotuare\nparcări');
    await p.getByLabel('Răspunsul', { exact: true }).selectOption({ label: 'Cum vă deplasați? → bicicletă' });
  });
  await add('scale', async (p) => {
    await p.getByLabel('Întrebarea').fill('Cât de mulțumit sunteți?');
    await axe(p);
  });
  await add('map_point', async (p) => p.getByLabel('Întrebarea').fill('Unde e cea mai periculoasă intersecție?'));
  await add('date', async (p) => p.getByLabel('Întrebarea').fill('Când ați mers ultima dată cu bicicleta?'));
  await page.goto(survey);
  await expect(page.getByText('apare în funcție de „Cum vă deplasați?”')).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: 'Deschide chestionarul' }).click();
  await expect(page.getByText('Modificarea a fost salvată.')).toBeVisible();
  await page.getByRole('link', { name: 'Vezi chestionarul' }).click();
  await expect(page.getByRole('group', { name: 'Cât de sigure sunt' })).toBeVisible();
  await expect(page.getByText('Ordonați prioritățile')).toHaveCount(0);
  await axe(page);

  // Choosing "bicicletă" reveals the ranking on the same page, without a script.
  await page.getByLabel('bicicletă').check();
  await page.getByRole('button', { name: 'Trimite răspunsurile' }).click();
  await expect(page.getByText('Pe baza răspunsurilor dumneavoastră au apărut întrebări noi')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Ordonați prioritățile' })).toBeVisible();
  await context.close();
});
