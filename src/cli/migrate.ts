import type { Config } from '../core/config/config.ts';
import { closeContext, createContext } from '../core/create-context.ts';

export async function runMigrate(config: Config): Promise<number> {
  let n = 0;
  const ctx = await createContext(config, { log: (l) => (n++, console.log(l)) });
  await closeContext(ctx);
  console.log(n === 0 ? 'database is up to date' : `applied ${n} migration(s)`);
  return 0;
}
