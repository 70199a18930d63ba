// One migrated database and one app per test file (process); tests inside a file share them and
// create their own fixtures through the factories, so they never depend on each other's data.
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config/config.ts';
import type { AppContext } from '../context.ts';
import { closeContext, createContext } from '../create-context.ts';
import { buildApp } from '../http/app.ts';
import type { ModuleManifest } from '../modules/manifest.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { PORT: '0', DEZVOLT_RATE_LIMIT: '0', DEZVOLT_SECRET: 'test-secret-test-secret', BASE_URL: 'http://dezvolt.test', DEZVOLT_SECURE_COOKIES: '0' },
    { seedDemo: false, runWorker: false, ...overrides },
  );
}

let shared: Promise<TestApp> | undefined;

/**
 * The shared app of this test file. Call it at the top level of the file (`const { app, ctx } = await testApp();`)
 * so its teardown registers for the whole file, not for one test.
 * The shared app of this test file. Pass modules/config only from files that need something special. */
export function testApp(opts: { modules?: ModuleManifest[]; config?: Partial<Config> } = {}): Promise<TestApp> {
  if (opts.modules || opts.config) return startTestApp(opts);
  shared ??= startTestApp({});
  return shared;
}

async function startTestApp(opts: { modules?: ModuleManifest[]; config?: Partial<Config> }): Promise<TestApp> {
  const database = await openTestDatabase();
  const ctx = await createContext(testConfig(opts.config), { database, ...(opts.modules ? { modules: opts.modules } : {}) });
  const app = await buildApp(ctx);
  await app.ready();
  after(async () => {
    await app.close();
    await closeContext(ctx);
  });
  return { ctx, app };
}
