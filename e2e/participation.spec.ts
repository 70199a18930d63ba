// The participation path: a resident finds the Cluj process, reads its current phase,
// submits a proposal (checking similar ones first), supports another proposal and comments on it —
// on a phone-sized browser without JavaScript, axe clean on every page. The similar-proposals helper
// is then checked with JavaScript on.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './a11y.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function register(page: Page, email: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Numele afișat public').fill('Locuitoare Implicată');
  await page.getByLabel('Parola').fill('o parolă destul de lungă');
  await page.getByLabel(/Accept termenii/).check();
  await page.getByRole('button', { name: 'Creează contul' }).click();
  await expect(page.getByText('Contul a fost creat.')).toBeVisible();
}

/**
 * axe needs JavaScript, so each page the no-JS resident sees is checked again in a JavaScript-enabled
 * context carrying the same session cookies.
 */
function axeChecker(browser: Browser, source: BrowserContext) {
  let checker: BrowserContext | undefined;
  return async (url: string, act?: (p: Page) => Promise<void>) => {
    checker ??= await browser.newContext(PHONE);
    await checker.clearCookies();
    await checker.addCookies(await source.cookies());
    const p = await checker.newPage();
    await p.goto(url);
    if (act) await act(p);
    await expectNoAxeViolations(p);
    await p.close();
  };
}

test('find a process, read the phase, propose, support and comment — without JavaScript', async ({ browser }) => {
  // A long journey with an axe pass on every page: give it room on a busy 2-core machine.
  test.setTimeout(180_000);
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  const axe = axeChecker(browser, context);
  await register(page, `participare-${Date.now()}@example.ro`);

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Navigare principală' }).getByRole('link', { name: 'Participare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spații de participare' })).toBeVisible();
  await axe(page.url());

  await page.getByRole('link', { name: 'Cluj propune 2025' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cluj propune 2025' })).toBeVisible();
  const phase = page.getByRole('region', { name: 'Etapa curentă' });
  await expect(phase.getByRole('heading', { name: 'Propuneri' })).toBeVisible();
  await expect(phase.getByText('se pot trimite propuneri')).toBeVisible();
  await axe(page.url());

  await page.getByRole('region', { name: 'Ce poți face aici' }).getByRole('link', { name: 'Propuneri' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Propuneri: Cluj propune 2025' })).toBeVisible();
  await axe(page.url());

  await page.getByRole('link', { name: 'Depune o propunere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Propunere nouă' })).toBeVisible();
  await axe(page.url());
  await page.getByLabel('Titlul propunerii').fill('Pista de biciclete pe Observatorului');
  await page.getByRole('button', { name: 'Caută propuneri asemănătoare' }).click();
  const similar = page.getByRole('region', { name: 'Propuneri asemănătoare' });
  await expect(similar.getByRole('link', { name: /Pistă de biciclete pe strada Observatorului/ })).toBeVisible();
  await axe(page.url().replace(/\/?$/, '/new'), async (p) => {
    await p.getByLabel('Titlul propunerii').fill('Pista de biciclete pe Observatorului');
    await p.getByRole('button', { name: 'Caută propuneri asemănătoare' }).click();
  });

  await page.getByLabel('Titlul propunerii').fill('Cișmele cu apă potabilă în parcurile din Gheorgheni');
  await page.getByLabel('Descrierea').fill('Vara, în parcurile din Gheorgheni nu există nicio sursă de apă potabilă pentru copii și vârstnici.');
  await page.getByLabel('Categoria').selectOption({ label: 'Spații verzi și mediu' });
  await page.getByLabel('Cartierul').selectOption({ label: 'Gheorgheni' });
  await page.getByRole('button', { name: 'Publică propunerea' }).click();
  await expect(page.getByText('Propunerea a fost publicată.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Cișmele cu apă potabilă în parcurile din Gheorgheni' })).toBeVisible();
  await expect(page.getByText('Cartierul: Gheorgheni')).toBeVisible();
  await axe(page.url());

  await page.getByRole('link', { name: 'Toate propunerile' }).click();
  await page.getByRole('link', { name: 'Parc de buzunar în curtea fostei centrale termice din Mănăștur' }).click();
  const supports = page.getByRole('region', { name: /susțin/ });
  await expect(supports.getByRole('heading', { name: '1 susținere' })).toBeVisible();
  await page.getByRole('button', { name: 'Susține propunerea' }).click();
  await expect(page.getByText('Ai susținut propunerea.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 susțineri' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retrage susținerea' })).toBeVisible();
  await axe(page.url());

  await page.getByLabel('Comentariul tău').fill('Ar fi util și un loc umbrit cu bănci pentru părinți.');
  await page.getByLabel('Pentru', { exact: true }).check();
  await page.getByRole('button', { name: 'Publică comentariul' }).click();
  await expect(page.getByText('Comentariul a fost publicat.')).toBeVisible();
  const comments = page.getByRole('region', { name: /Comentarii/ });
  await expect(comments.getByText('Ar fi util și un loc umbrit cu bănci pentru părinți.')).toBeVisible();
  await expect(comments.getByText('Locuitoare Implicată', { exact: true })).toBeVisible();
  await axe(page.url());

  await page.goto('/search?q=cismele%20gheorgheni');
  await expect(page.getByRole('link', { name: 'Cișmele cu apă potabilă în parcurile din Gheorgheni' })).toBeVisible();
  await axe(page.url());
  await context.close();
});

test('with JavaScript, similar proposals appear while the title is typed', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await register(page, `participare-js-${Date.now()}@example.ro`);
  await page.goto('/spaces/cluj-propune-2025');
  await page.getByRole('region', { name: 'Ce poți face aici' }).getByRole('link', { name: 'Propuneri' }).click();
  await page.getByRole('link', { name: 'Depune o propunere' }).click();
  await page.getByLabel('Titlul propunerii').pressSequentially('ateliere programare', { delay: 20 });
  await expect(page.getByRole('region', { name: 'Propuneri asemănătoare' }).getByRole('link', { name: /Ateliere de programare gratuite/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test('administration, news, debates, notifications and moderation pages are axe clean', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await logIn(page, 'admin@demo.dezvolt.ro');

  await page.goto('/admin/spaces');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Cluj propune 2025' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Secțiunile spațiului' }).getByRole('link', { name: 'Etape' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Numele etapei').fill('Implementare');
  await page.getByLabel('se pot scrie comentarii').check();
  await page.getByRole('button', { name: 'Adaugă o etapă' }).click();
  await expect(page.getByText('Etapa a fost salvată.')).toBeVisible();
  await page.getByRole('link', { name: 'Modifică: Implementare' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Secțiunile spațiului' }).getByRole('link', { name: 'Componente' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Modifică: Propuneri' }).click();
  await expect(page.getByLabel('Susțineri pe persoană (0 = fără limită)')).toHaveValue('10');
  await expectNoAxeViolations(page);

  await page.goto('/spaces/grup-local-manastur');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Publică o noutate' }).click();
  await page.getByLabel('Titlul noutății').fill('Curățenie de primăvară');
  await page.getByLabel('Textul').fill('Sâmbătă la ora 10 strângem gunoiul din parcul Colina.');
  await page.getByRole('button', { name: 'Publică', exact: true }).click();
  await expect(page.getByText('Noutatea a fost publicată.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/spaces');
  await page.getByRole('link', { name: 'Grupul local Mănăștur' }).click();
  await page.getByRole('navigation', { name: 'Secțiunile spațiului' }).getByRole('link', { name: 'Membri' }).click();
  await expectNoAxeViolations(page);

  await page.goto('/spaces/cluj-propune-2025');
  await page.getByRole('region', { name: 'Ce poți face aici' }).getByRole('link', { name: 'Dezbateri' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Ce ar trebui să conteze mai mult/ }).click();
  await expect(page.getByRole('region', { name: /Comentarii/ })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const url of ['/notifications', '/notifications/settings', '/moderation/comments', '/spaces?kind=neighbourhood', '/search?q=parc']) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
  await context.close();
});
