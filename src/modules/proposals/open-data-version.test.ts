// The proposals file's version (migration 005): 304 while nothing the file shows has changed, 200 as
// soon as a support, a comment, an edit, an answer, hiding, withdrawal or the space's visibility
// changes it; not for what the file leaves out (body, answer text, settings); and on PostgreSQL,
// concurrent supports never wait on each other for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { loadActor, type UserActor } from '../../core/auth/actor.ts';
import { insertProposal, makeProposalsComponent } from './testing/fixtures.ts';
import { setSupport } from './commands/support.ts';
import { answerProposal, setProposalHidden, withdrawProposal } from './commands/manage.ts';
import { editProposal } from './commands/edit.ts';
import { csvRecords } from '../../core/testing/csv.ts';

const { app, ctx } = await testApp();
const userActor = async (opts: Parameters<typeof makeUser>[1] = {}) => (await loadActor(ctx.database, (await makeUser(ctx, opts)).id)) as UserActor;
const admin = await userActor({ role: 'admin' });

const get = (url: string, headers: Record<string, string> = {}, lang?: string) => app.inject({ method: 'GET', url, headers, ...(lang ? { cookies: { dz_lang: lang } } : {}) });
const etagOf = async (url = '/open-data/proposals.csv', lang?: string) => String((await get(url, {}, lang)).headers.etag);
const rowOf = (body: string, id: number) => csvRecords(body).records.find((r) => Number(r.id) === id);

/** After `change`, the file held before is stale: 200 with a new ETag, which then answers 304. */
async function changes(what: string, change: () => Promise<unknown>, url = '/open-data/proposals.csv', lang?: string) {
  const etag = await etagOf(url, lang);
  assert.equal((await get(url, { 'if-none-match': etag }, lang)).statusCode, 304, `${what}: 304 before`);
  await change();
  const after = await get(url, { 'if-none-match': etag }, lang);
  assert.equal(after.statusCode, 200, `${what}: 200 after`);
  assert.notEqual(after.headers.etag, etag, what);
  assert.equal((await get(url, { 'if-none-match': String(after.headers.etag) }, lang)).statusCode, 304, `${what}: the new version answers 304`);
  return after.body;
}

test('both formats carry Last-Modified and a weak ETag, and answer 304 to it', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  await insertProposal(ctx, componentId, 'Piste de biciclete pe malul Someșului');
  for (const url of ['/open-data/proposals.csv', '/open-data/proposals.json']) {
    const first = await get(url);
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers.etag), /^W\/"[\w-]{22}"$/);
    const lastModified = String(first.headers['last-modified']);
    assert.ok(Date.now() - Date.parse(lastModified) < 60_000, `${url}: dated by the proposal just inserted (${lastModified})`);
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304, url);
    assert.equal(again.body, '');
    assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, url);
  }
});

test('an edit, a support, a comment, an answer, hiding and restoring, withdrawal each give a new version', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const author = await userActor();
  const id = await insertProposal(ctx, componentId, 'Bănci noi în parcul central', undefined, author.id);
  const edited = await changes('edit', async () => {
    const out = await editProposal(ctx, author, id, { title: 'Bănci și umbrare în parcul central', body: 'O descriere suficient de lungă a propunerii.', categoryId: null, districtId: null, point: null, address: '' });
    assert.equal(out.kind, 'edited');
  });
  assert.equal(rowOf(edited, id)?.title, 'Bănci și umbrare în parcul central');
  const supported = await changes('support', async () => assert.equal((await setSupport(ctx, await userActor(), id, true)).kind, 'supported'));
  assert.equal(rowOf(supported, id)?.supports, '1');
  const commenter = await browser(ctx, (await makeUser(ctx)).id);
  const commented = await changes('comment', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: commenter.cookie },
      payload: form({ _csrf: commenter.csrf, subjectType: 'proposal', subjectId: String(id), body: 'Da, mai ales lângă locul de joacă.' }),
    });
    assert.equal(res.statusCode, 303, res.body);
  });
  assert.equal(rowOf(commented, id)?.comments, '1');
  const answered = await changes('answer', async () => assert.deepEqual(await answerProposal(ctx, admin, id, 'evaluating', 'Analizăm propunerea.'), { kind: 'done' }));
  assert.equal(rowOf(answered, id)?.state, 'evaluating');
  const hidden = await changes('hide', async () => assert.deepEqual(await setProposalHidden(ctx, admin, id, true, 'spam'), { kind: 'done' }));
  assert.equal(rowOf(hidden, id), undefined);
  await changes('restore', async () => assert.deepEqual(await setProposalHidden(ctx, admin, id, false, ''), { kind: 'done' }));

  const other = await insertProposal(ctx, componentId, 'Fântână de apă potabilă în piață', undefined, author.id);
  const withdrawn = await changes('withdraw', async () => assert.deepEqual(await withdrawProposal(ctx, author, other), { kind: 'done' }));
  assert.equal(rowOf(withdrawn, other)?.state, 'withdrawn');
});

test('what else the file shows changes it too: the space unpublished or renamed, a category renamed, a deletion', async () => {
  const { componentId, spaceId } = await makeProposalsComponent(ctx);
  const id = await insertProposal(ctx, componentId, 'Parcare pentru biciclete la școală');
  const [green] = await ctx.database.query<{ id: number }>(`select id from proposal_categories where code = 'green'`);
  await ctx.database.query('update proposals set category_id = $2 where id = $1', [id, green!.id]);
  await changes('space renamed', () => ctx.database.query(`update spaces set title = title || ' (2027)' where id = $1`, [spaceId]));
  await changes('category renamed', () => ctx.database.query(`update proposal_categories set name_en = 'Green spaces' where id = $1`, [green!.id]), '/open-data/proposals.json', 'en');
  await changes('component unpublished', () => ctx.database.query('update space_components set published = false where id = $1', [componentId]));
  await changes('component published', () => ctx.database.query('update space_components set published = true where id = $1', [componentId]));
  await changes('space unpublished', () => ctx.database.query('update spaces set published = false where id = $1', [spaceId]));
  await ctx.database.query('update spaces set published = true where id = $1', [spaceId]);
  await changes('deletion', () => ctx.database.query('delete from proposals where id = $1', [id]));
});

test('what the file leaves out keeps the version: the body, the answer text alone, the space description, the component settings', async () => {
  const { componentId, spaceId } = await makeProposalsComponent(ctx);
  const id = await insertProposal(ctx, componentId, 'Toalete publice în parcul mare');
  const etag = await etagOf();
  await ctx.database.query(`update proposals set body = body || ' Și apă.', body_public = body_public || ' Și apă.', updated_at = now() where id = $1`, [id]);
  await ctx.database.query(`update proposals set answer_text = 'Răspuns precizat.', answered_at = now() where id = $1`, [id]);
  await ctx.database.query(`update spaces set description = 'Un proces nou.' where id = $1`, [spaceId]);
  await ctx.database.query(`update space_components set settings = settings || '{"threshold": 5}' where id = $1`, [componentId]);
  assert.equal((await get('/open-data/proposals.csv', { 'if-none-match': etag })).statusCode, 304);
});

test('PostgreSQL: concurrent supports of different proposals do not wait for each other, and all count', { skip: ctx.database.kind !== 'postgres' }, async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const [a, b] = [await insertProposal(ctx, componentId, 'Locuri de joacă accesibile'), await insertProposal(ctx, componentId, 'Copaci pe strada Horea')];
  const etag = await etagOf();
  const [x, y] = [await makeUser(ctx), await makeUser(ctx)];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let changed!: () => void;
  const inside = new Promise<void>((r) => (changed = r));
  // A support as commands/support.ts writes it, held open.
  const first = ctx.database.transaction(async (tx) => {
    await tx.query('insert into proposal_supports (proposal_id, user_id, component_id) values ($1, $2, $3)', [a, x.id, componentId]);
    await tx.query('update proposals set supports_count = supports_count + 1 where id = $1', [a]);
    changed();
    await gate;
  });
  await inside;
  assert.equal((await get('/open-data/proposals.csv', { 'if-none-match': etag })).statusCode, 304, 'the open support is not visible yet');
  const second = setSupport(ctx, (await loadActor(ctx.database, y.id)) as UserActor, b, true);
  const waited = await Promise.race([second.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5000))]);
  release();
  await first;
  assert.equal((await second).kind, 'supported');
  assert.equal(waited, false, 'the second support took another slot instead of waiting for the first to commit');
  const after = await get('/open-data/proposals.csv', { 'if-none-match': etag });
  assert.equal(after.statusCode, 200);
  assert.equal(rowOf(after.body, a)?.supports, '1');
  assert.equal(rowOf(after.body, b)?.supports, '1');
});
