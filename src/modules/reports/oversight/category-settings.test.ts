// /admin/report-categories: admins only, validated SLA days and Open311 attributes, audited saves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, form } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { parseAttributes } from './open311-attributes.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const userId = async (email: string) => (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);
const admin = await browser(ctx, await userId('admin@demo.dezvolt.ro'));
const save = (b: { cookie: string; csrf: string }, fields: Record<string, string>) =>
  app.inject({ method: 'POST', url: `/admin/report-categories/${pothole!.id}`, headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, ...fields }) });
const valid = { slaAckDays: '1', slaResolveDays: '14', group: 'roads', helpRo: 'Gropi mai adânci de 5 cm.', helpEn: 'Potholes deeper than 5 cm.', helpHu: '5 cm-nél mélyebb kátyúk.' };

test('only admins reach the category settings', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/admin/report-categories' })).statusCode, 303);
  for (const email of ['cetatean@demo.dezvolt.ro', 'drumuri@demo.dezvolt.ro', 'moderator@demo.dezvolt.ro']) {
    const b = await browser(ctx, await userId(email));
    assert.equal((await app.inject({ method: 'GET', url: '/admin/report-categories', headers: { cookie: b.cookie } })).statusCode, 403, email);
    assert.equal((await save(b, valid)).statusCode, 403, `${email} cannot save`);
  }
  const list = await app.inject({ method: 'GET', url: '/admin/report-categories', headers: { cookie: admin.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /roads\.pothole/);
  assert.match(list.body, /<caption>/);
  const dash = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: admin.cookie } });
  assert.match(dash.body, /href="\/admin\/report-categories"/, 'the admin dashboard links to it');
});

test('invalid days, groups and attributes are refused with a reason; nothing is saved', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...valid, slaAckDays: '0' }, /între 1 și 365/],
    [{ ...valid, slaResolveDays: 'multe' }, /între 1 și 3650/],
    [{ ...valid, slaAckDays: '20', slaResolveDays: '10' }, /nu poate fi mai lung/],
    [{ ...valid, group: 'Drumuri Mari' }, /litere mici/],
    [{ ...valid, attributes: '{"code": ' }, /nu este JSON valid/],
    [{ ...valid, attributes: '{"code": "x"}' }, /listă JSON/],
    [{ ...valid, attributes: '[{"code": "tip", "datatype": "singlevaluelist", "description": "Tipul"}]' }, /Atributul 1: o listă cere/],
    [{ ...valid, attributes: '[{"code": "a", "datatype": "string", "description": "A"}, {"code": "a", "datatype": "text", "description": "B"}]' }, /Atributul 2: „code” mai apare/],
  ];
  for (const [fields, reason] of cases) {
    const res = await save(admin, fields);
    assert.equal(res.statusCode, 400, JSON.stringify(fields));
    assert.match(res.body, reason);
    assert.match(res.body, /class="error-summary"/);
  }
  const [row] = await ctx.database.query<{ sla_ack_days: number }>('select sla_ack_days from report_category_settings where category_id = $1', [pothole!.id]);
  assert.equal(row!.sla_ack_days, 2, 'the demo value is untouched');
});

test('a valid save stores normalised settings and writes one audit row', async () => {
  const attributes = JSON.stringify([
    { code: 'depth', datatype: 'number', description: 'Adâncimea în cm', required: true },
    { code: 'lane', datatype: 'singlevaluelist', description: 'Banda', values: [{ key: '1', name: 'Banda 1' }, { key: '2', name: 'Banda 2' }] },
  ]);
  const res = await save(admin, { ...valid, attributes });
  assert.equal(res.statusCode, 303, res.body);
  const [row] = await ctx.database.query<{ sla_ack_days: number; sla_resolve_days: number; group_code: string; help_en: string; attributes: unknown[] }>(
    'select sla_ack_days, sla_resolve_days, group_code, help_en, attributes from report_category_settings where category_id = $1',
    [pothole!.id],
  );
  assert.deepEqual({ ack: row!.sla_ack_days, resolve: row!.sla_resolve_days, group: row!.group_code, help: row!.help_en }, { ack: 1, resolve: 14, group: 'roads', help: 'Potholes deeper than 5 cm.' });
  assert.deepEqual(row!.attributes[0], { variable: true, code: 'depth', datatype: 'number', required: true, datatype_description: '', order: 1, description: 'Adâncimea în cm' });
  const audit = await ctx.database.query<{ action: string; details: { before: { slaAckDays: number }; after: { slaAckDays: number } } }>(
    `select action, details from audit_log where subject_type = 'category' and subject_id = $1`,
    [String(pothole!.id)],
  );
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'report_category.settings');
  assert.deepEqual([audit[0]!.details.before.slaAckDays, audit[0]!.details.after.slaAckDays], [2, 1]);
  const edit = await app.inject({ method: 'GET', url: `/admin/report-categories/${pothole!.id}`, headers: { cookie: admin.cookie } });
  assert.match(edit.body, /&quot;lane&quot;/, 'the form shows the stored attributes back');
});

test('attribute parsing fills Open311 defaults and rejects what the spec does not allow', () => {
  assert.deepEqual(parseAttributes(''), { kind: 'ok', attributes: [] });
  const ok = parseAttributes('[{"code":"a","datatype":"text","description":" Note ","order":4,"variable":false}]');
  assert.deepEqual(ok, { kind: 'ok', attributes: [{ variable: false, code: 'a', datatype: 'text', required: false, datatype_description: '', order: 4, description: 'Note' }] });
  assert.equal((parseAttributes('[{"code":"a","datatype":"text","description":"x","colour":"red"}]') as { problem: string }).problem, 'reports.categories.attr.unknownKey');
  assert.equal((parseAttributes('[{"code":"a","datatype":"text","description":"x","values":[{"key":"1","name":"x"}]}]') as { problem: string }).problem, 'reports.categories.attr.valuesNotList');
  assert.equal((parseAttributes('[{"code":"a","datatype":"blob","description":"x"}]') as { problem: string }).problem, 'reports.categories.attr.datatype');
  assert.equal((parseAttributes('[{"code":"a","datatype":"text","description":"x","order":0}]') as { problem: string }).problem, 'reports.categories.attr.order');
});
