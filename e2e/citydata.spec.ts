// The "done when": on the live city page a waste container crosses 80 % (its reading arrives
// through the NGSI-LD API with the demo group's key), the page updates by itself, and the work order
// the rule opened is in the Salubritate department's queue — axe clean throughout.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, DEMO_PASSWORD } from './a11y.ts';

const CONTAINER = 'urn:ngsi-ld:WasteContainer:cluj:demo-w-2';
const NAME = 'Container Piața Avram Iancu 3';

async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await expect(page.getByText('Te-ai autentificat.')).toBeVisible();
}

test('a container crosses 80 % live and its work order reaches Salubritate', async ({ browser, request }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/citydata?type=WasteContainer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orașul în timp real');
  await expect(page.getByRole('region', { name: 'Harta senzorilor' })).toBeVisible();
  await expect(page.locator('#citydata-map .leaflet-interactive').first()).toBeAttached();
  const row = page.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText('4 %');
  await expectNoAxeViolations(page);

  for (const level of [0.79, 0.86]) {
    const res = await request.patch(`/ngsi-ld/v1/entities/${CONTAINER}/attrs`, {
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-wastecontainer-cluj' },
      data: { fillingLevel: { type: 'Property', value: level, unitCode: 'C62' } },
    });
    expect(res.status()).toBe(204);
  }
  // Server-sent events refresh the table cell without a reload.
  await expect(row).toContainText('86 %', { timeout: 15_000 });

  // A sensor's page: its attributes and the air-quality chart of the last hours.
  await page.goto(`/citydata/entities/${encodeURIComponent('urn:ngsi-ld:AirQualityObserved:cluj:demo-aq-0')}`);
  await expect(page.getByRole('img', { name: /Evoluția pe ultimele 24 de ore: pm10/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Medii orare: pm10' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/citydata/alerts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alerte din datele urbane');
  await expectNoAxeViolations(page);
  await context.close();

  const official = await browser.newContext();
  const op = await official.newPage();
  await login(op, 'salubritate@demo.dezvolt.ro');
  await op.goto('/admin/citydata');
  await expect(op.getByRole('heading', { level: 1 })).toHaveText('Centrul de comandă: date urbane');
  const alert = op.getByRole('table', { name: 'Alerte în curs' }).getByRole('row', { name: new RegExp(NAME) });
  await expect(alert).toContainText('Container plin (≥ 80 %)');
  await expectNoAxeViolations(op);
  await alert.getByRole('link', { name: /Sesizarea #\d+/ }).click();
  await expect(op.getByRole('heading', { level: 1 })).toContainText('#');
  await expect(op.getByText(/Container Piața Avram Iancu 3: Container plin \(≥ 80 %\) \(valoare măsurată 86 %\)/).first()).toBeVisible();
  // Only the report's own department (or an admin) may handle it; Salubritate's official can, and the
  // transfer list offers every department but the current one.
  const manage = await op.goto(`${new URL(op.url()).pathname}/manage`);
  expect(manage?.status()).toBe(200);
  await expect(op.locator('#f-departmentId option', { hasText: 'Drumuri' })).toHaveCount(1);
  await expect(op.locator('#f-departmentId option', { hasText: /^Salubritate$/ })).toHaveCount(0);
  await expectNoAxeViolations(op);
  await official.close();
});
