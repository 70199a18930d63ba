// A module is one folder with a manifest: its migrations, routes, messages, navigation, jobs and
// home card come in through the manifest alone, and configuration switches it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineModule } from './manifest.ts';
import { defineMessages } from '../i18n/catalog.ts';
import { testApp } from '../testing/harness.ts';
import { enabledModules } from '../create-context.ts';
import { testConfig } from '../testing/harness.ts';

const ran: string[] = [];
const sample = defineModule({
  name: 'sample',
  title: 'sample.title',
  migrations: [{ name: '001_notes', sql: 'create table sample_notes (id serial primary key, body text not null)' }],
  messages: defineMessages({
    ro: { 'sample.title': 'Notițe', 'sample.card': 'Scrie o notiță' },
    en: { 'sample.title': 'Notes', 'sample.card': 'Write a note' },
    hu: { 'sample.title': 'Jegyzetek', 'sample.card': 'Írjon jegyzetet' },
  }),
  nav: [{ href: '/notes', label: 'sample.title', audience: 'public' }],
  jobs: {
    async tidy(_ctx, payload) {
      ran.push(String(payload.note));
    },
  },
  routes(app, ctx) {
    app.get('/notes', { schema: { hide: true } }, async (req, reply) => {
      const rows = await ctx.database.query<{ body: string }>('select body from sample_notes order by id');
      return reply.page(req.t('sample.title'), <ul>{rows.map((r) => <li>{r.body}</li>)}</ul>);
    });
  },
  async homeCard(_ctx, _actor, t) {
    return { title: t('sample.title'), body: t('sample.card'), href: '/notes', linkLabel: t('sample.title') };
  },
});

const enabled = await testApp({ modules: [sample] });
const disabled = await testApp({ modules: [sample], config: { disabledModules: ['sample'] } });

test('an enabled module brings its table, route, navigation entry, home card and jobs', async () => {
  const { app, ctx } = enabled;
  await ctx.database.query(`insert into sample_notes (body) values ('prima notiță')`);
  const page = await app.inject({ method: 'GET', url: '/notes' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /prima notiță/);
  const home = await app.inject({ method: 'GET', url: '/' });
  assert.match(home.body, /<a href="\/notes"[^>]*>Notițe<\/a>/);
  assert.match(home.body, /Scrie o notiță/);
  await ctx.jobs.enqueue('sample.tidy', { note: 'x1' });
  await ctx.jobs.runDue();
  assert.deepEqual(ran, ['x1']);
});

test('a disabled module has no routes or navigation, but its tables exist for later', async () => {
  const { app, ctx } = disabled;
  assert.equal((await app.inject({ method: 'GET', url: '/notes', headers: { accept: 'application/json' } })).statusCode, 404);
  const home = await app.inject({ method: 'GET', url: '/' });
  assert.doesNotMatch(home.body, /Notițe/);
  const [t] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_name = 'sample_notes'`);
  assert.equal(t!.n, 1);
});

test('disabling an unknown module is a configuration error, not a silent no-op', () => {
  assert.throws(() => enabledModules(testConfig({ disabledModules: ['nope'] }), [sample]), /unknown module "nope"/);
});

test('migrations are recorded per module and not applied twice', async () => {
  const { ctx } = enabled;
  const rows = await ctx.database.query<{ module: string; name: string }>(`select module, name from schema_migrations where module in ('core', 'sample') order by module, name`);
  assert.deepEqual(rows.filter((r) => r.module === 'sample'), [{ module: 'sample', name: '001_notes' }]);
  assert.ok(rows.some((r) => r.module === 'core' && r.name === '001_extensions'));
});
