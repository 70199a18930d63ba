// "My account" over HTTP: who may see it, and each of its forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { browser, form, makeUser, unique } from '../testing/factories.ts';
import { login } from '../auth/commands.ts';
import { TERMS_VERSION } from './consent-versions.ts';

const { app, ctx } = await testApp();

type Browser = Awaited<ReturnType<typeof browser>>;

function post(b: Browser, url: string, fields: Record<string, string>, csrf = true) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie, accept: 'text/html' },
    payload: form(csrf ? { _csrf: b.csrf, ...fields } : fields),
  });
}

async function consentRows(userId: string) {
  return ctx.database.query<{ kind: string; granted: boolean; version: string }>('select kind, granted, version from consents where user_id = $1 order by id', [userId]);
}

async function makeDistrict(name: string): Promise<number> {
  const [a] = await ctx.database.query<{ id: number }>(
    `insert into areas (kind, slug, name, geom) values ('district', $1, $2, ST_Multi(ST_GeomFromText('POLYGON((23.5 46.7, 23.6 46.7, 23.6 46.8, 23.5 46.7))', 4326))) returning id`,
    [unique('district-'), name],
  );
  return a!.id;
}

test('anonymous visitors are sent to log in and come back', async () => {
  for (const url of ['/account', '/account/export', '/account/erase']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${url}`);
  }
  const b = await browser(ctx);
  const res = await post(b, '/account/profile', { displayName: 'Nobody', locale: 'ro' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/login?next=/account');
});

test('the account page shows the person, their verification state and every form', async () => {
  const u = await makeUser(ctx, { verified: false, name: 'Ana Pop' });
  const b = await browser(ctx, u.id);
  const res = await app.inject({ method: 'GET', url: '/account', headers: { cookie: b.cookie } });
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.match(html, /<h1[^>]*>Contul meu<\/h1>/);
  assert.ok(html.includes('Ana Pop') && html.includes(u.email));
  assert.ok(html.includes('action="/verify-email/resend"'), 'unverified people get the resend form');
  for (const action of ['/account/profile', '/account/password', '/account/consents']) assert.ok(html.includes(`action="${action}"`), action);
  assert.ok(!html.includes('action="/account/demographics"'), 'no demographics form before consent');
  assert.ok(html.includes('href="/account/export"') && html.includes('href="/account/erase"'));

  const verified = await makeUser(ctx);
  const vb = await browser(ctx, verified.id);
  const page = await app.inject({ method: 'GET', url: '/account', headers: { cookie: vb.cookie } });
  assert.ok(!page.body.includes('action="/verify-email/resend"'));
  assert.ok(page.body.includes('Adresa de e-mail este confirmată.'));
});

test('the profile form changes the display name and preferred language', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const res = await post(b, '/account/profile', { displayName: '  Ioana M.  ', locale: 'hu' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const [row] = await ctx.database.query<{ display_name: string; locale: string }>('select display_name, locale from users where id = $1', [u.id]);
  assert.deepEqual(row, { display_name: 'Ioana M.', locale: 'hu' });
  assert.ok(String(res.headers['set-cookie']).includes('dz_lang=hu'), 'the new language applies at once');

  const page = await app.inject({ method: 'GET', url: '/account', headers: { cookie: `${b.cookie}; dz_lang=hu` } });
  assert.match(page.body, /<html lang="hu"/);
  assert.match(page.body, /<option value="hu" selected/);
});

test('an invalid profile is shown again with localized field errors', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const res = await post(b, '/account/profile', { displayName: ' ', locale: 'de' });
  assert.equal(res.statusCode, 400);
  assert.ok(res.body.includes('Numele afișat trebuie să aibă între 2 și 80 de caractere.'));
  assert.ok(res.body.includes('Alege una dintre limbile din listă.'));
  assert.ok(res.body.includes('href="#f-locale"'));
});

test('changing the password needs the current one and ends the other sessions', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const other = await browser(ctx, u.id);

  const wrong = await post(b, '/account/password', { currentPassword: 'not my password', newPassword: 'a brand new password' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /id="f-currentPassword-error"[^>]*>Parola actuală nu este corectă\./);
  assert.match(wrong.body, /id="f-currentPassword"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-currentPassword"/);

  const short = await post(b, '/account/password', { currentPassword: u.password, newPassword: 'short' });
  assert.equal(short.statusCode, 400);
  assert.ok(short.body.includes('Parola trebuie să aibă cel puțin 10 caractere.'));

  const ok = await post(b, '/account/password', { currentPassword: u.password, newPassword: 'a brand new password' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await login(ctx, u.email, u.password)).kind, 'invalid');
  assert.equal((await login(ctx, u.email, 'a brand new password')).kind, 'ok');
  const mine = await app.inject({ method: 'GET', url: '/account', headers: { cookie: b.cookie } });
  assert.equal(mine.statusCode, 200, 'the session that changed the password stays');
  const theirs = await app.inject({ method: 'GET', url: '/account', headers: { cookie: other.cookie } });
  assert.equal(theirs.statusCode, 303, 'every other session is logged out');
});

test('each consent change appends to the history; the latest record is the current state', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  assert.equal((await post(b, '/account/consents', { notifications: 'on' })).statusCode, 303);
  assert.deepEqual(await consentRows(u.id), [{ kind: 'notifications', granted: true, version: TERMS_VERSION }]);

  await post(b, '/account/consents', { notifications: 'on' });
  assert.equal((await consentRows(u.id)).length, 1, 'saving an unchanged state records nothing');

  await post(b, '/account/consents', { demographics: 'on' });
  assert.deepEqual(
    (await consentRows(u.id)).map((r) => `${r.kind}:${r.granted}`),
    ['notifications:true', 'notifications:false', 'demographics:true'],
  );
  const page = await app.inject({ method: 'GET', url: '/account', headers: { cookie: b.cookie } });
  assert.match(page.body, /id="f-demographics"[^>]*checked/);
  assert.doesNotMatch(page.body, /id="f-notifications"[^>]*checked/);
  assert.ok(page.body.includes('<caption id="consent-history-caption">Istoricul acordurilor</caption>'));
  assert.equal((page.body.match(/<tr>/g) ?? []).length, 4, 'header row plus three records');
});

test('demographics are saved with consent and deleted when it is withdrawn', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const district = await makeDistrict('Mănăștur');

  const early = await post(b, '/account/demographics', { birthYear: '1990', gender: 'female', districtId: String(district) });
  assert.equal(early.statusCode, 409, 'no demographics without consent');
  assert.ok(early.body.includes('Bifează și salvează mai întâi acordul pentru date demografice.'));

  await post(b, '/account/consents', { demographics: 'on' });
  const form = await app.inject({ method: 'GET', url: '/account', headers: { cookie: b.cookie } });
  assert.ok(form.body.includes('action="/account/demographics"'));
  assert.ok(form.body.includes('Mănăștur'));

  const saved = await post(b, '/account/demographics', { birthYear: '1990', gender: 'female', districtId: String(district) });
  assert.equal(saved.statusCode, 303);
  const rows = () => ctx.database.query<{ birth_year: number | null; gender: string | null; district_id: number | null }>('select birth_year, gender, district_id from demographics where user_id = $1', [u.id]);
  assert.deepEqual(await rows(), [{ birth_year: 1990, gender: 'female', district_id: district }]);

  await post(b, '/account/demographics', { birthYear: '', gender: '', districtId: '' });
  assert.deepEqual(await rows(), [{ birth_year: null, gender: null, district_id: null }], 'every field may be left empty');

  const badYear = await post(b, '/account/demographics', { birthYear: '1850', gender: 'male', districtId: '' });
  assert.equal(badYear.statusCode, 400);
  assert.ok(badYear.body.includes(`Anul nașterii trebuie să fie între 1900 și ${new Date().getUTCFullYear()}.`));
  const badGender = await post(b, '/account/demographics', { gender: 'robot' });
  assert.equal(badGender.statusCode, 400);
  const [city] = await ctx.database.query<{ id: number }>(
    `insert into areas (kind, slug, name, geom) values ('city', $1, 'Oraș', ST_Multi(ST_GeomFromText('POLYGON((23 46, 24 46, 24 47, 23 46))', 4326))) returning id`,
    [unique('city-')],
  );
  const notDistrict = await post(b, '/account/demographics', { districtId: String(city!.id) });
  assert.equal(notDistrict.statusCode, 400);
  assert.ok(notDistrict.body.includes('Alege un cartier din listă.'));

  await post(b, '/account/demographics', { birthYear: '1990', gender: 'female', districtId: String(district) });
  await post(b, '/account/consents', {});
  assert.deepEqual(await rows(), [], 'withdrawing the consent deletes the data');
  assert.deepEqual(
    (await consentRows(u.id)).map((r) => `${r.kind}:${r.granted}`),
    ['demographics:true', 'demographics:false'],
  );
});

test('every account form refuses a post without the CSRF token and changes nothing', async () => {
  const u = await makeUser(ctx, { name: 'Unchanged Name' });
  const b = await browser(ctx, u.id);
  const attempts: [string, Record<string, string>][] = [
    ['/account/profile', { displayName: 'Forged', locale: 'en' }],
    ['/account/password', { currentPassword: u.password, newPassword: 'forged password 123' }],
    ['/account/consents', { notifications: 'on', demographics: 'on' }],
    ['/account/demographics', { birthYear: '1980' }],
    ['/account/erase', { password: u.password, confirm: 'on' }],
  ];
  for (const [url, fields] of attempts) {
    const res = await post(b, url, fields, false);
    assert.equal(res.statusCode, 403, url);
    const forged = await post(b, url, { _csrf: 'forged-token', ...fields }, false);
    assert.equal(forged.statusCode, 403, url);
  }
  const [row] = await ctx.database.query<{ display_name: string; erased: boolean }>('select display_name, erased_at is not null as erased from users where id = $1', [u.id]);
  assert.deepEqual(row, { display_name: 'Unchanged Name', erased: false });
  assert.deepEqual(await consentRows(u.id), []);
  assert.equal((await login(ctx, u.email, u.password)).kind, 'ok');
});
