// Comments through HTTP: threading, stances, votes, the edit window, flags and moderation, spam
// defences, followers notified, and debates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeProposalsComponent, insertProposal } from '../proposals/testing/fixtures.ts';
import { setFollow } from '../notifications/notify.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ ...fields, _csrf: b.csrf }) });
}

async function comment(b: { cookie: string; csrf: string }, proposalId: number, body: string, extra: Record<string, string> = {}) {
  return post(b, '/comments', { subjectType: 'proposal', subjectId: String(proposalId), body, ...extra });
}

const idOf = (res: { headers: Record<string, unknown> }) => Number(String(res.headers.location).split('#comment-')[1]);

async function proposal(opts: Parameters<typeof makeProposalsComponent>[1] = {}) {
  const { componentId } = await makeProposalsComponent(ctx, opts);
  return insertProposal(ctx, componentId, 'Propunere pentru discuții și comentarii');
}

test('comments thread three levels deep with a stance on top-level comments; the proposal counts them', async () => {
  const id = await proposal();
  const a = await browser(ctx, (await makeUser(ctx, { name: 'Ana Comentatoare' })).id);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const top = await comment(a, id, 'Sunt de acord cu propunerea.', { stance: 'for' });
  assert.equal(top.statusCode, 303);
  assert.match(String(top.headers.location), new RegExp(`^/proposals/${id}#comment-\\d+$`));
  const l1 = idOf(await comment(b, id, 'De ce?', { parentId: String(idOf(top)) }));
  const l2 = idOf(await comment(a, id, 'Pentru că e nevoie.', { parentId: String(l1) }));
  const l3 = idOf(await comment(b, id, 'Un răspuns la nivelul cel mai adânc.', { parentId: String(l2), stance: 'against' }));
  const rows = await ctx.database.query<{ id: number; depth: number; parent_id: number; stance: string | null }>('select id::int as id, depth, parent_id::int as parent_id, stance from comments where subject_id = $1 order by id', [id]);
  assert.deepEqual(rows.map((r) => r.depth), [0, 1, 2, 2], 'a reply to the deepest level joins that level');
  assert.equal(rows.find((r) => r.id === l3)!.parent_id, l1);
  assert.equal(rows.find((r) => r.id === l3)!.stance, null, 'replies carry no stance');
  assert.equal(rows[0]!.stance, 'for');
  const [p] = await ctx.database.query<{ n: number }>('select comments_count as n from proposals where id = $1', [id]);
  assert.equal(p!.n, 4);
  const page = await app.inject({ method: 'GET', url: `/proposals/${id}` });
  assert.match(page.body, /Comentarii \(4\)/);
  assert.match(page.body, /Ana Comentatoare/);
  assert.match(page.body, /class="stance stance-for">Pentru/);
  const api = (await app.inject({ method: 'GET', url: `/api/v1/comments?subjectType=proposal&subjectId=${id}` })).json() as { replies: { replies: unknown[] }[] }[];
  assert.equal(api.length, 1);
  assert.equal(api[0]!.replies[0]!.replies.length, 2);
});

test('agree and disagree votes are one per person, changeable, and never on your own comment', async () => {
  const id = await proposal();
  const author = await browser(ctx, (await makeUser(ctx)).id);
  const c = idOf(await comment(author, id, 'Un comentariu de votat.'));
  const voters = await Promise.all(Array.from({ length: 5 }, async () => browser(ctx, (await makeUser(ctx)).id)));
  await Promise.all(voters.map((v) => post(v, `/comments/${c}/vote`, { value: 'agree' })));
  await post(voters[0]!, `/comments/${c}/vote`, { value: 'agree' });
  await post(voters[1]!, `/comments/${c}/vote`, { value: 'disagree' });
  await post(voters[2]!, `/comments/${c}/vote`, { value: 'none' });
  assert.equal((await post(author, `/comments/${c}/vote`, { value: 'agree' })).statusCode, 403);
  const [r] = await ctx.database.query<{ agree: number; disagree: number; rows: number }>(
    'select agree_count as agree, disagree_count as disagree, (select count(*)::int from comment_votes where comment_id = $1) as rows from comments where id = $1',
    [c],
  );
  assert.deepEqual(r, { agree: 3, disagree: 1, rows: 4 });
});

test('authors edit within the window only; the public text stays masked', async () => {
  const id = await proposal();
  const author = await makeUser(ctx);
  const ab = await browser(ctx, author.id);
  const c = idOf(await comment(ab, id, 'Prima versiune.'));
  const other = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: `/comments/${c}/edit`, headers: { cookie: other.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/comments/${c}/edit`, headers: { cookie: ab.cookie } })).statusCode, 200);
  assert.equal((await post(ab, `/comments/${c}/edit`, { body: 'A doua versiune, scrieți-mi la ana@example.ro.' })).statusCode, 303);
  const [row] = await ctx.database.query<{ body_public: string; edited: boolean }>('select body_public, edited_at is not null as edited from comments where id = $1', [c]);
  assert.equal(row!.edited, true);
  assert.doesNotMatch(row!.body_public, /ana@example\.ro/);
  await ctx.database.query(`update comments set created_at = now() - interval '16 minutes' where id = $1`, [c]);
  assert.equal((await post(ab, `/comments/${c}/edit`, { body: 'Prea târziu.' })).statusCode, 403);
  const [after] = await ctx.database.query<{ body: string }>('select body from comments where id = $1', [c]);
  assert.match(after!.body, /A doua versiune/);
});

test('residents flag, moderators hide with a reason and restore; citizens cannot moderate', async () => {
  const id = await proposal();
  const author = await browser(ctx, (await makeUser(ctx)).id);
  const c = idOf(await comment(author, id, 'Cumpărați produsele noastre!'));
  const r1 = await browser(ctx, (await makeUser(ctx)).id);
  const r2 = await browser(ctx, (await makeUser(ctx)).id);
  await post(r1, `/comments/${c}/flag`, { reason: 'spam' });
  await post(r1, `/comments/${c}/flag`, { reason: 'spam' });
  await post(r2, `/comments/${c}/flag`, { reason: 'off_topic' });
  const [f] = await ctx.database.query<{ n: number }>('select flags_count as n from comments where id = $1', [c]);
  assert.equal(f!.n, 2, 'one flag per person');
  assert.equal((await post(r1, `/comments/${c}/hide`, { reason: 'x' })).statusCode, 403);
  const moderator = await browser(ctx, (await makeUser(ctx, { role: 'moderator' })).id);
  const queue = await app.inject({ method: 'GET', url: '/moderation/comments', headers: { cookie: moderator.cookie } });
  assert.match(queue.body, /Cumpărați produsele noastre/);
  assert.equal((await post(moderator, `/comments/${c}/hide`, { reason: '' })).statusCode, 400);
  assert.equal((await post(moderator, `/comments/${c}/hide`, { reason: 'Reclamă' })).statusCode, 303);
  const publicPage = await app.inject({ method: 'GET', url: `/proposals/${id}` });
  assert.match(publicPage.body, /Comentariu ascuns de moderatori. Motivul: Reclamă/);
  assert.doesNotMatch(publicPage.body, /Cumpărați produsele noastre/);
  const api = (await app.inject({ method: 'GET', url: `/api/v1/comments?subjectType=proposal&subjectId=${id}` })).json() as { body: string | null; hidden: boolean }[];
  assert.deepEqual(api.map((x) => [x.body, x.hidden]), [[null, true]]);
  assert.equal((await post(moderator, `/comments/${c}/restore`, {})).statusCode, 303);
  assert.match((await app.inject({ method: 'GET', url: `/proposals/${id}` })).body, /Cumpărați produsele noastre/);
  const [audit] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from audit_log where subject_type = 'comment' and subject_id = $1`, [String(c)]);
  assert.equal(audit!.n, 2);
});

test('spam defences: too many links, the same text twice, and bursts past the rate limit are refused', async () => {
  const id = await proposal();
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const links = await comment(b, id, 'Vezi http://a.ro și https://b.ro și www.c.ro');
  assert.equal(links.statusCode, 422);
  assert.match(links.body, /prea multe linkuri \(cel mult 2\)/);
  assert.match(links.body, /www\.c\.ro<\/textarea>/, 'the text is kept for another try');
  assert.equal((await comment(b, id, 'Un text original.')).statusCode, 303);
  const dup = await comment(b, id, 'UN TEXT   original!');
  assert.equal(dup.statusCode, 422, 'case, spacing and punctuation do not make a text new');
  assert.match(dup.body, /Ai publicat deja exact acest text/);
  const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => comment(b, id, `Mesajul numărul ${i} din rafală.`)));
  assert.equal(burst.filter((r) => r.statusCode === 303).length, 4, 'five per ten minutes, one already used');
  assert.equal(burst.filter((r) => r.statusCode === 429).length, 4);
  const anon = await browser(ctx);
  const toLogin = await comment(anon, id, 'Anonim');
  assert.equal(toLogin.statusCode, 303);
  assert.match(String(toLogin.headers.location), /^\/login/);
});

test('comments are refused when the phase closes them', async () => {
  const id = await proposal({ flags: { commentsOpen: false } });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const res = await comment(b, id, 'Prea târziu pentru comentarii.');
  assert.equal(res.statusCode, 303);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from comments where subject_id = $1', [id]);
  assert.equal(n!.n, 0);
  assert.match((await app.inject({ method: 'GET', url: `/proposals/${id}` })).body, /Comentariile nu sunt deschise acum/);
});

test('followers are notified of comments; the person replied to gets a reply notification', async () => {
  const id = await proposal();
  const follower = await makeUser(ctx);
  await setFollow(ctx.database, follower.id, 'proposal', id, true);
  const a = await makeUser(ctx, { name: 'Autorul Primului' });
  const ab = await browser(ctx, a.id);
  const top = idOf(await comment(ab, id, 'Primul comentariu.'));
  const b = await makeUser(ctx, { name: 'Cel Care Răspunde' });
  await comment(await browser(ctx, b.id), id, 'Un răspuns.', { parentId: String(top) });
  const kinds = async (userId: string) => (await ctx.database.query<{ kind: string }>('select kind from notifications where user_id = $1 and subject_id = $2 order by id', [userId, id])).map((r) => r.kind);
  assert.deepEqual(await kinds(follower.id), ['comment', 'comment']);
  assert.deepEqual(await kinds(a.id), ['reply'], 'commenting followed the thread; the reply is personal');
  assert.deepEqual(await kinds(b.id), [], 'nobody is notified of their own comment');
  const list = await app.inject({ method: 'GET', url: '/notifications', headers: { cookie: ab.cookie } });
  assert.match(list.body, /Cel Care Răspunde ți-a răspuns la „Propunere pentru discuții și comentarii”/);
});

test('officials open debates in a debates component; residents comment on them', async () => {
  const { spaceId } = await makeProposalsComponent(ctx);
  const [c] = await ctx.database.query<{ id: number }>(`insert into space_components (space_id, module, position) values ($1, 'comments', 2) returning id`, [spaceId]);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await post(citizen, `/debates/c/${c!.id}`, { title: 'O întrebare', description: 'Context' })).statusCode, 403);
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  assert.equal((await post(official, `/debates/c/${c!.id}`, { title: 'Ce', description: 'Context' })).statusCode, 400);
  const created = await post(official, `/debates/c/${c!.id}`, { title: 'Unde construim parcarea nouă?', description: 'Avem două variante.' });
  assert.equal(created.statusCode, 303);
  const debateId = Number(String(created.headers.location).split('/').pop());
  const res = await post(citizen, '/comments', { subjectType: 'debate', subjectId: String(debateId), body: 'Lângă piață.', stance: 'neutral' });
  assert.equal(res.statusCode, 303);
  const page = await app.inject({ method: 'GET', url: `/debates/${debateId}` });
  assert.match(page.body, /Lângă piață/);
  await post(official, `/debates/${debateId}/close`, {});
  assert.equal((await post(citizen, '/comments', { subjectType: 'debate', subjectId: String(debateId), body: 'Încă ceva.' })).statusCode, 303);
  const [d] = await ctx.database.query<{ n: number }>('select comments_count as n from debates where id = $1', [debateId]);
  assert.equal(d!.n, 1, 'a closed debate takes no more comments');
});
