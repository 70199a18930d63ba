// City settings with validation, the mail outbox (the contract e2e tests rely on) and the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { makeUser, unique } from '../testing/factories.ts';
import { auditFor, signedIn } from './test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin', name: 'Ana Auditată' });
const as = await signedIn(app, ctx, admin.id);

const VALID = {
  name: 'Oradea',
  defaultLocale: 'hu',
  contactEmail: 'Contact@Oradea.ro',
  welcomeRo: 'Bine ați venit în Oradea!',
  welcomeEn: '',
  welcomeHu: 'Üdvözöljük Nagyváradon!',
  centerLat: '47.0722',
  centerLng: '21.9211',
  zoom: '14',
};

test('the settings form shows the current city and the enabled modules', async () => {
  const res = await as.get('/admin/settings');
  assert.equal(res.statusCode, 200);
  const city = await ctx.settings.city();
  assert.match(res.body, new RegExp(`id="f-name"[^>]*value="${city.name}"|value="${city.name}"[^>]*id="f-name"`));
  assert.match(res.body, /Module activate/);
  assert.match(res.body, new RegExp(`<option value="${city.defaultLocale}" selected`));
  for (const m of ctx.modules) assert.match(res.body, new RegExp(`\\(${m.name}\\)`));
});

test('valid settings are saved, take effect at once and are audited', async () => {
  const res = await as.post('/admin/settings', VALID);
  assert.equal(res.statusCode, 303, res.body);
  const city = await ctx.settings.city();
  assert.deepEqual(city, {
    name: 'Oradea',
    defaultLocale: 'hu',
    contactEmail: 'contact@oradea.ro',
    welcome: { ro: 'Bine ați venit în Oradea!', hu: 'Üdvözöljük Nagyváradon!' },
    center: [47.0722, 21.9211],
    zoom: 14,
  });
  const [stored] = await ctx.database.query<{ value: { name: string } }>(`select value from settings where key = 'city'`);
  assert.equal(stored!.value.name, 'Oradea');
  const home = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'dz_lang=ro' } });
  assert.match(home.body, /Bine ați venit în Oradea!/);
  const anonymous = await app.inject({ method: 'GET', url: '/' });
  assert.match(anonymous.body, /<html lang="hu"/, 'the new default language applies to visitors without a choice');
  const audit = await auditFor(ctx, 'settings', 'city');
  assert.equal(audit.at(-1)!.action, 'settings.city.update');
  assert.equal(audit.at(-1)!.actor_id, admin.id);
  assert.equal((audit.at(-1)!.details.after as { name: string }).name, 'Oradea');
});

test('invalid settings are 400 with each field named and nothing saved', async () => {
  const before = await ctx.settings.city();
  const res = await as.post('/admin/settings', { ...VALID, name: 'Nu se salvează', centerLat: '91', centerLng: 'abc', zoom: '', contactEmail: 'x', defaultLocale: 'de' });
  assert.equal(res.statusCode, 400);
  for (const field of ['centerLat', 'centerLng', 'zoom', 'contactEmail', 'defaultLocale']) assert.match(res.body, new RegExp(`href="#f-${field}"`), field);
  assert.match(res.body, /Scrie o latitudine între -90 și 90|Adjon meg -90 és 90 közötti szélességet/);
  assert.match(res.body, /value="91"/, 'what was typed is shown back');
  assert.deepEqual(await ctx.settings.city(), before);
  const long = await as.post('/admin/settings', { ...VALID, welcomeRo: 'a'.repeat(501) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /href="#f-welcomeRo"/);
  const unknown = await as.post('/admin/settings', { ...VALID, theme: 'dark' });
  assert.equal(unknown.statusCode, 400);
});

test('the outbox lists mail newest first and shows a message with its links as plain text', async () => {
  const to = `${unique('reader')}@example.test`;
  const older = await ctx.mail.enqueue({ to, subject: 'Primul mesaj', text: 'Salut' });
  const link = `http://dezvolt.test/verify-email?token=${unique('tok')}&x=<b>`;
  const newer = await ctx.mail.enqueue({ to, subject: 'Confirmă adresa', text: `Deschide:\n${link}\n` });
  const list = await as.get('/admin/outbox');
  assert.equal(list.statusCode, 200);
  const iNew = list.body.indexOf(`href="/admin/outbox/${newer}"`);
  const iOld = list.body.indexOf(`href="/admin/outbox/${older}"`);
  assert.ok(iNew > 0 && iOld > iNew, 'newest first');
  assert.match(list.body, new RegExp(to));
  assert.match(list.body, /În așteptare/);

  const page = await as.get(`/admin/outbox/${newer}`);
  assert.equal(page.statusCode, 200);
  const pre = /<pre class="mail-body">([\s\S]*?)<\/pre>/.exec(page.body);
  assert.ok(pre, 'the body is in a <pre>');
  const text = pre[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  assert.equal(text, `Deschide:\n${link}\n`);
  assert.doesNotMatch(pre[1]!, /<b>/, 'markup in a mail stays text');
  assert.equal((await as.get('/admin/outbox/999999')).statusCode, 404);
});

test('the audit log shows who did what, newest first, paged', async () => {
  for (let i = 0; i < 26; i++) await as.post('/admin/departments', { name: `Audit ${i}`, slug: unique('audit-') });
  const res = await as.get('/admin/audit');
  assert.equal(res.statusCode, 200);
  const rows = res.body.match(/<tr><td><time/g) ?? [];
  assert.equal(rows.length, 25);
  assert.match(res.body, /<td>Ana Auditată<\/td><th scope="row"><code>department\.create<\/code><\/th>/);
  assert.ok(res.body.indexOf('name: Audit 25') < res.body.indexOf('name: Audit 24'), 'newest first');
  assert.match(res.body, /href="\/admin\/audit\?page=2"/);
  const second = await as.get('/admin/audit?page=2');
  assert.ok((second.body.match(/<tr><td><time/g) ?? []).length >= 1);
  assert.equal((await as.get('/admin/audit?page=0')).statusCode, 400);
});
