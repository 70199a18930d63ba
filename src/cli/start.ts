import type { Config } from '../core/config/config.ts';
import { startServer } from '../core/server.ts';

/** Serves until SIGINT/SIGTERM, then shuts down cleanly (the data-dir lock is released). Returns -1: keep running. */
export async function runStart(config: Config): Promise<number> {
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    console.log(`received ${signal}, shutting down`);
    server.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return -1;
}
