// The module settings form: one fieldset per module that declares settings plus the open-data
// licence, generated from the schemas; saving changes what the modules read, bad values are a
// 400 naming the field, secrets never come back into a page, and only admins get in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/harness.ts';
import { browser, makeUser } from '../../testing/factories.ts';
import { auditFor, signedIn } from '../test-client.ts';
import { settingsSections } from './module-fields.ts';
import { configuredSenders } from '../../../modules/reports/senders.ts';
import { spamRules } from '../../../modules/comments/spam.ts';
import { searchCacheFor } from '../../../modules/search/result-cache.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const as = await signedIn(app, ctx, admin.id);
const sections = settingsSections(ctx.modules, (k) => ctx.catalog.has('ro', k));

/** Every field as the page would post it unchanged, with `changes` on top. */
async function form(changes: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  const page = await as.get('/admin/settings/modules');
  const start = page.body.indexOf('action="/admin/settings/modules"');
  const body = page.body.slice(start, page.body.indexOf('</form>', start));
  const out: Record<string, string | string[]> = {};
  for (const m of body.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (/type="checkbox"/.test(attrs)) {
      if (!/checked/.test(attrs)) continue;
      out[name] = name in out ? [...([] as string[]).concat(out[name]!), value] : value;
    } else out[name] = value;
  }
  for (const m of body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  }
  return { ...out, ...changes };
}

test('the page has a fieldset for each module with settings and for the open-data licence, linked from the settings page', async () => {
  const res = await as.get('/admin/settings/modules');
  assert.equal(res.statusCode, 200);
  const ids = sections.map((s) => s.id);
  for (const id of ['reports', 'comments', 'search', 'openData']) assert.ok(ids.includes(id), id);
  assert.equal((res.body.match(/<fieldset>/g) ?? []).length, sections.length);
  for (const s of sections) {
    assert.match(res.body, new RegExp(`<legend>${ctx.catalog.translator('ro')(s.title)}</legend>`), s.id);
    for (const f of s.fields) assert.match(res.body, new RegExp(`id="f-${f.name.replace('.', '\\.')}"`), f.name);
  }
  assert.match(res.body, /<label for="f-search\.cacheSeconds">Câte secunde sunt refolosite rezultatele unei căutări repetate \(0 = fără\)<\/label>/);
  assert.match(res.body, /<input[^>]*type="number"[^>]*min="0"[^>]*max="600"|<input[^>]*min="0"[^>]*max="600"[^>]*type="number"/);
  assert.match(res.body, /<legend>Cum sunt trimise sesizările noi<\/legend>/, 'several choices are a group of checkboxes');
  assert.match(res.body, /<input type="checkbox" id="f-reports\.senders" name="reports\.senders" value="email" checked/);
  assert.match(res.body, /<select id="f-openData\.license" name="openData\.license"[^>]*aria-describedby="f-openData\.license-hint"/);
  assert.match(res.body, /<option value="CC-BY-4\.0" selected>/);
  for (const id of ['CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0']) assert.match(res.body, new RegExp(`<option value="${id.replace(/\./g, '\\.')}"`));
  assert.match(res.body, /<input[^>]*id="f-reports\.open311ApiKey"[^>]*type="password"/);
  const settings = await as.get('/admin/settings');
  assert.match(settings.body, /href="\/admin\/settings\/modules"/);
});

test('every setting has its label, every choice its name, in ro, en and hu', () => {
  for (const locale of ['ro', 'en', 'hu'] as const) {
    const missing = sections.flatMap((s) => s.fields.flatMap((f) => [f.label, ...f.options.map((o) => o.label)])).filter((k) => !ctx.catalog.has(locale, k));
    assert.deepEqual(missing, [], locale);
  }
});

test('saving changes what the modules read, takes effect at once and is audited', async () => {
  const res = await as.post(
    '/admin/settings/modules',
    await form({
      'search.cacheSeconds': '0',
      'comments.maxLinks': '0',
      'reports.senders': ['email', 'open311'],
      'reports.open311Endpoint': ' https://open311.example.test/v2/ ',
      'reports.open311ApiKey': 'sekret-key-123',
      'openData.license': 'ODbL-1.0',
    }),
  );
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, '/admin/settings/modules');
  assert.equal(await searchCacheFor(ctx).current(), undefined, 'search no longer reuses results');
  assert.equal((await spamRules(ctx)).maxLinks, 0);
  assert.equal((await spamRules(ctx)).maxPerWindow, 5, 'untouched values stay');
  assert.equal((await configuredSenders(ctx)).length, 2, 'email and Open311');
  const [stored] = await ctx.database.query<{ value: { open311Endpoint: string; open311ApiKey: string } }>(`select value from settings where key = 'module.reports.senders'`);
  assert.equal(stored!.value.open311Endpoint, 'https://open311.example.test/v2/');
  assert.equal(stored!.value.open311ApiKey, 'sekret-key-123');
  const cat = (await app.inject({ method: 'GET', url: '/api/v1/open-data' })).json() as { 'dct:license': string };
  assert.equal(cat['dct:license'], 'https://opendatacommons.org/licenses/odbl/1-0/');

  const audit = await auditFor(ctx, 'settings', 'module.reports.senders');
  assert.equal(audit.at(-1)!.action, 'settings.module.update');
  assert.equal(audit.at(-1)!.actor_id, admin.id);
  assert.ok(!JSON.stringify(audit).includes('sekret-key-123'), 'the key stays out of the audit log');
  assert.equal((audit.at(-1)!.details.after as { open311ApiKey: string }).open311ApiKey, '(new)');
  assert.equal((await auditFor(ctx, 'settings', 'module.search')).length, 1);
  assert.equal((await auditFor(ctx, 'settings', 'openData')).length, 1);

  const again = await as.post('/admin/settings/modules', await form());
  assert.equal(again.statusCode, 303);
  assert.equal((await auditFor(ctx, 'settings', 'module.search')).length, 1, 'an unchanged section writes no audit row');
  const page = await as.get('/admin/settings/modules');
  assert.match(page.body, /id="f-search\.cacheSeconds"[^>]*value="0"|value="0"[^>]*id="f-search\.cacheSeconds"/);
  assert.match(page.body, /<option value="ODbL-1\.0" selected>/);
  assert.doesNotMatch(page.body, /sekret-key-123/, 'the stored key is not in the page');
});

test('the API key is never shown: an empty field keeps it, the box removes it', async () => {
  await ctx.settings.set('module.reports.senders', { senders: ['open311'], open311Endpoint: 'https://x.test/', open311ApiKey: 'sekret-key-456', open311TimeoutMs: 5000 });
  const page = await as.get('/admin/settings/modules');
  assert.doesNotMatch(page.body, /sekret-key-456/);
  assert.match(page.body, /O valoare este salvată și nu este afișată/);
  assert.match(page.body, /id="f-reports\.open311ApiKey\.clear"/);
  const kept = await as.post('/admin/settings/modules', await form({ 'reports.open311ApiKey': '' }));
  assert.equal(kept.statusCode, 303);
  assert.equal((await ctx.settings.get<{ open311ApiKey: string }>('module.reports.senders', { open311ApiKey: '' })).open311ApiKey, 'sekret-key-456');
  const typed = await as.post('/admin/settings/modules', await form({ 'reports.open311ApiKey': 'typed-key-789', 'search.cacheSeconds': 'x' }));
  assert.equal(typed.statusCode, 400);
  assert.doesNotMatch(typed.body, /typed-key-789|sekret-key-456/, 'not even what was just typed');
  const cleared = await as.post('/admin/settings/modules', await form({ 'reports.open311ApiKey.clear': 'true' }));
  assert.equal(cleared.statusCode, 303);
  assert.equal((await ctx.settings.get<{ open311ApiKey: string }>('module.reports.senders', { open311ApiKey: 'default' })).open311ApiKey, '');
});

test('invalid values are a 400 naming each field, with what was typed, and nothing is saved', async () => {
  const before = await ctx.database.query(`select key, value from settings where key like 'module.%' or key = 'openData' order by key`);
  const res = await as.post(
    '/admin/settings/modules',
    await form({ 'search.cacheSeconds': '601', 'reports.open311TimeoutMs': 'abc', 'comments.maxPerWindow': '-1', 'reports.senders': ['email', 'fax'], 'openData.license': 'WTFPL' }),
  );
  assert.equal(res.statusCode, 400);
  for (const field of ['search.cacheSeconds', 'reports.open311TimeoutMs', 'comments.maxPerWindow', 'reports.senders', 'openData.license']) {
    assert.match(res.body, new RegExp(`href="#f-${field.replace('.', '\\.')}"`), field);
  }
  assert.match(res.body, /Scrie un număr întreg\. Între 0 și 600\./);
  assert.match(res.body, /aria-describedby="f-search\.cacheSeconds-hint f-search\.cacheSeconds-error"/);
  assert.match(res.body, /<p class="error" id="f-search\.cacheSeconds-error">/);
  assert.match(res.body, /id="f-search\.cacheSeconds"[^>]*value="601"|value="601"[^>]*id="f-search\.cacheSeconds"/, 'what was typed is shown back');
  const summary = res.body.indexOf('href="#f-reports.senders"');
  assert.ok(summary > 0 && summary < res.body.indexOf('href="#f-openData.license"'), 'errors in the order of the form');
  assert.deepEqual(await ctx.database.query(`select key, value from settings where key like 'module.%' or key = 'openData' order by key`), before);
  const unknown = await as.post('/admin/settings/modules', await form({ 'search.theme': 'dark' }));
  assert.equal(unknown.statusCode, 400);
});

test('a licence stored some other way is shown and kept', async () => {
  await ctx.settings.set('openData', { license: 'OGL-RO-1.0' });
  try {
    const page = await as.get('/admin/settings/modules');
    assert.match(page.body, /<option value="OGL-RO-1\.0" selected>OGL-RO-1\.0<\/option>/);
    assert.equal((await as.post('/admin/settings/modules', await form())).statusCode, 303);
    assert.deepEqual(await ctx.settings.get('openData', {}), { license: 'OGL-RO-1.0' });
  } finally {
    await ctx.settings.set('openData', { license: 'CC-BY-4.0' });
  }
});

test('only admins: anonymous visitors log in, other roles get the 403 page and change nothing', async () => {
  const anon = await signedIn(app, ctx);
  const page = await anon.get('/admin/settings/modules');
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, `/login?next=${encodeURIComponent('/admin/settings/modules')}`);
  const moderator = await signedIn(app, ctx, (await makeUser(ctx, { role: 'moderator' })).id);
  assert.equal((await moderator.get('/admin/settings/modules')).statusCode, 403);
  const before = await ctx.settings.get<{ cacheSeconds: number }>('module.search', { cacheSeconds: -1 });
  assert.equal((await moderator.post('/admin/settings/modules', { 'search.cacheSeconds': '77' })).statusCode, 403);
  assert.deepEqual(await ctx.settings.get('module.search', { cacheSeconds: -1 }), before);
  const { cookie } = await browser(ctx, admin.id);
  const noCsrf = await app.inject({
    method: 'POST',
    url: '/admin/settings/modules',
    headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'search.cacheSeconds=77',
  });
  assert.equal(noCsrf.statusCode, 403, 'a post without the CSRF token is refused');
  assert.deepEqual(await ctx.settings.get('module.search', { cacheSeconds: -1 }), before);
});
