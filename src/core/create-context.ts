// Opens the database, applies migrations and wires the shared services. Used by the server, the
// CLI and the test harness so they all run the same code.
import type { Config } from './config/config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';
import { migrate, type ModuleMigrations } from './db/migrate.ts';
import { coreMigrations } from './db/core-migrations.ts';
import { Catalog } from './i18n/catalog.ts';
import { coreMessages } from './i18n/core-messages.ts';
import type { ModuleManifest } from './modules/manifest.ts';
import { JobQueue } from './jobs/queue.ts';
import { Mailer, smtpTransport } from './mail/mailer.ts';
import { EventBus } from './events/bus.ts';
import { SettingsStore } from './settings/settings.ts';
import { ReferenceCache } from './cache/reference-cache.ts';
import { watchWrites } from './db/table-writes.ts';
import { allModules } from '../modules/index.ts';

export function enabledModules(config: Config, modules: ModuleManifest[] = allModules): ModuleManifest[] {
  const known = new Set(modules.map((m) => m.name));
  for (const name of config.disabledModules) {
    if (!known.has(name)) throw new Error(`DEZVOLT_DISABLED_MODULES names an unknown module "${name}" (known: ${[...known].join(', ') || 'none'})`);
  }
  return modules.filter((m) => !config.disabledModules.includes(m.name));
}

export function migrationSets(modules: ModuleManifest[]): ModuleMigrations[] {
  return [{ module: 'core', migrations: coreMigrations }, ...modules.map((m) => ({ module: m.name, migrations: m.migrations }))];
}

export function buildCatalog(modules: ModuleManifest[]): Catalog {
  const catalog = new Catalog();
  for (const [source, m] of coreMessages) catalog.add(source, m);
  for (const m of modules) if (m.messages) catalog.add(`module ${m.name}`, m.messages);
  return catalog;
}

export interface ContextOptions {
  /** Use an already-open database (tests). */
  database?: Database;
  modules?: ModuleManifest[];
  /** Print applied migrations. */
  log?: (line: string) => void;
}

export async function createContext(config: Config, opts: ContextOptions = {}): Promise<AppContext> {
  // Every module's migrations run, enabled or not, so switching a module on later never meets a missing table.
  const all = opts.modules ?? allModules;
  const modules = enabledModules(config, all);
  const opened = opts.database ?? (await openDatabase(config));
  try {
    await migrate(opened, migrationSets(all), (m, n) => opts.log?.(`migrated ${m}/${n}`));
  } catch (err) {
    if (!opts.database) await opened.close();
    throw err;
  }
  const cache = new ReferenceCache();
  const database = watchWrites(opened, (tables) => cache.changed(tables));
  await cache.listen(database);
  const catalog = buildCatalog(modules);
  const settings = new SettingsStore(database, cache);
  const jobs = new JobQueue(database);
  const smtpTimeouts = { connectionMs: config.smtpConnectionTimeoutMs, greetingMs: config.smtpGreetingTimeoutMs, socketMs: config.smtpSocketTimeoutMs };
  const mail = new Mailer(database, jobs, config.mailFrom, config.smtpUrl ? smtpTransport(config.smtpUrl, smtpTimeouts) : undefined);
  const events = new EventBus(database);
  await events.start();
  const secret = config.secret ?? (await settings.secret());
  const ctx: AppContext = { config, database, catalog, modules, mail, jobs, events, settings, cache, secret };
  for (const m of modules) for (const [name, handler] of Object.entries(m.jobs ?? {})) jobs.register(`${m.name}.${name}`, (payload, job) => handler(ctx, payload, job));
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.events.stop();
  await ctx.database.close();
}
