// `dezvolt start`: one process owns the data dir (or connects to PostgreSQL), migrates, seeds the
// demo city on first start, serves HTTP and runs the job worker.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import type { AppContext } from './context.ts';
import { closeContext, createContext } from './create-context.ts';
import { buildApp } from './http/app.ts';
import { formatDemoAccounts, isSeeded, seedDemo } from './seed/demo.ts';

export interface RunningServer {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const started = Date.now();
  const ctx = await createContext(config, { log });
  try {
    if (config.seedDemo && !(await isSeeded(ctx))) {
      const accounts = await seedDemo(ctx);
      log(formatDemoAccounts(accounts));
    }
    const app = await buildApp(ctx, { logger: config.logLevel !== 'silent' });
    await app.listen({ port: config.port, host: config.host });
    if (config.runWorker) ctx.jobs.start();
    const stopModules: (() => Promise<void>)[] = [];
    for (const m of ctx.modules) if (m.start) stopModules.push(await m.start(ctx));
    const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    const city = await ctx.settings.city();
    log(`Dezvolt is serving ${city.name} on ${url} (${ctx.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    let stopping: Promise<void> | undefined;
    return {
      ctx,
      app,
      url,
      stop: () =>
        (stopping ??= (async () => {
          for (const stopModule of stopModules.reverse()) await stopModule();
          await app.close();
          await closeContext(ctx);
        })()),
    };
  } catch (err) {
    await closeContext(ctx);
    throw err;
  }
}
