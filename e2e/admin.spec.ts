import { test, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations } from './a11y.ts';

async function logInAsAdmin(page: Page, next = '/admin'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresa de e-mail').fill('admin@demo.dezvolt.ro');
  await page.getByLabel('Parola').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page).toHaveURL(next);
}

test('anonymous visitors are sent to log in, and come back to the admin page afterwards', async ({ page }) => {
  await page.goto('/admin/departments');
  await expect(page).toHaveURL('/login?next=%2Fadmin%2Fdepartments');
  await page.getByLabel('Adresa de e-mail').fill('admin@demo.dezvolt.ro');
  await page.getByLabel('Parola').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page).toHaveURL('/admin/departments');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Departamente');
});

test('every admin page is reachable from the dashboard and has no axe violations', async ({ page }) => {
  await logInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administrare');
  await expectNoAxeViolations(page);

  const sections: [string, string][] = [
    ['Departamente', 'Departamente'],
    ['Persoane', 'Persoane'],
    ['Organizații', 'Organizații'],
    ['Setările orașului', 'Setările orașului'],
    ['Anunțuri', 'Anunțuri'],
    ['E-mailuri trimise', 'E-mailuri trimise'],
    ['Jurnal de audit', 'Jurnal de audit'],
  ];
  for (const [link, heading] of sections) {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Secțiuni' }).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
  }

  await page.goto('/admin/departments');
  await page.getByRole('link', { name: 'Drumuri', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drumuri');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Editează roads.pothole' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Categoria roads.pothole');
  await expectNoAxeViolations(page);

  await page.goto('/admin/users?q=drumuri');
  await page.getByRole('link', { name: 'Ioana Drumuri' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ioana Drumuri');
  await expectNoAxeViolations(page);

  await page.goto('/admin/organizations');
  await page.getByRole('link', { name: 'Asociația Cartierul Verde (demo)' }).click();
  await expect(page.getByText('Societatea civilă')).toBeVisible();
  await expectNoAxeViolations(page);

  // A mail in the outbox to open: the password-reset request writes one.
  const other = await page.context().browser()!.newPage();
  await other.goto('/forgot-password');
  await other.getByLabel('Adresa de e-mail').fill('cetatean@demo.dezvolt.ro');
  await other.getByRole('button', { name: 'Trimite linkul' }).click();
  await expect(other.getByRole('status')).toBeVisible();
  await other.close();
  await page.goto('/admin/outbox');
  await page.getByRole('row').filter({ hasText: 'cetatean@demo.dezvolt.ro' }).first().getByRole('link').click();
  await expect(page.locator('pre.mail-body')).toContainText('/reset-password?token=');
  await expectNoAxeViolations(page);
});

test('an admin creates a department with a district and a category through the forms', async ({ page }) => {
  const suffix = Date.now().toString(36);
  await logInAsAdmin(page, '/admin/departments');
  await page.getByLabel('Nume', { exact: true }).fill(`Parcuri ${suffix}`);
  await page.getByLabel('Identificator în adresă (slug)').fill(`parcuri-${suffix}`);
  await page.getByLabel('Adresă de e-mail (opțional)').fill(`parcuri-${suffix}@primarie.ro`);
  await page.getByRole('button', { name: 'Creează departamentul' }).click();
  await expect(page.getByRole('status')).toHaveText('Departamentul a fost creat.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Parcuri ${suffix}`);

  await page.getByLabel('Gheorgheni').check();
  await page.getByRole('button', { name: 'Salvează cartierele' }).click();
  await expect(page.getByRole('status')).toHaveText('Modificările au fost salvate.');
  await expect(page.getByLabel('Gheorgheni')).toBeChecked();
  await expect(page.getByLabel('Mănăștur')).not.toBeChecked();

  const code = `parks.bench_${suffix}`;
  await page.getByLabel('Cod', { exact: true }).fill(code);
  await page.getByLabel('Nume în română').fill('Bănci stricate');
  await page.getByLabel('Nume în engleză').fill('Broken benches');
  await page.getByLabel('Nume în maghiară').fill('Törött padok');
  await page.getByRole('button', { name: 'Adaugă categoria' }).click();
  await expect(page.getByRole('status')).toHaveText('Categoria a fost adăugată.');
  await expect(page.getByRole('row').filter({ hasText: code })).toContainText('Bănci stricate');

  // The same code again is a clear form error, not a crash.
  await page.getByLabel('Cod', { exact: true }).fill(code);
  await page.getByLabel('Nume în română').fill('Altă categorie');
  await page.getByLabel('Nume în engleză').fill('Other');
  await page.getByLabel('Nume în maghiară').fill('Más');
  await page.getByRole('button', { name: 'Adaugă categoria' }).click();
  await expect(page.getByRole('alert')).toContainText('O altă categorie folosește deja acest cod.');
  await expectNoAxeViolations(page);

  await page.goto('/admin/audit');
  await expect(page.getByRole('row').filter({ hasText: 'department.create' }).first()).toContainText('Ana Admin');
});

test('a published announcement shows live on an open home page and after a reload', async ({ page, browser }) => {
  const text = `Ziua orașului: concert în Piața Unirii la ora 18 (${Date.now().toString(36)})`;
  const visitor = await browser.newPage();
  await visitor.goto('/');
  await logInAsAdmin(page, '/admin/announcements');
  await page.getByLabel('Textul anunțului').fill(text);
  await page.getByRole('button', { name: 'Publică anunțul' }).click();
  await expect(page.getByRole('status')).toHaveText('Anunțul a fost publicat.');
  await expect(visitor.locator('#live-feed')).toContainText(`Anunț: ${text}`);
  await visitor.reload();
  await expect(visitor.locator('#live-feed')).toContainText(`Anunț: ${text}`);
  await visitor.close();
});

test('the admin pages stay usable at 320 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await logInAsAdmin(page, '/admin/users');
  for (const url of ['/admin', '/admin/users', '/admin/departments', '/admin/settings', '/admin/settings/modules', '/admin/audit']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
  await context.close();
});
