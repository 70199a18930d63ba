import cliProgress from 'cli-progress';
import { existsSync } from 'node:fs';
import type { Config } from '../core/config/config.ts';
import { closeContext, createContext } from '../core/create-context.ts';
import { restoreBackup, writeBackup, type Progress } from '../core/backup/backup.ts';

function bar(label: string): Progress {
  const b = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left`, hideCursor: true }, cliProgress.Presets.shades_classic);
  return { start: (total) => b.start(total, 0), advance: (n) => b.increment(n), stop: () => b.stop() };
}

export async function runBackup(config: Config, argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    console.error('usage: dezvolt backup FILE');
    return 1;
  }
  const ctx = await createContext(config);
  try {
    const header = await writeBackup(ctx.database, file, bar('backup '));
    console.log(`wrote ${file}: ${header.tables.reduce((s, t) => s + t.rows, 0)} rows from ${header.tables.length} tables`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

export async function runRestore(config: Config, argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || !existsSync(file)) {
    console.error(file ? `no such file: ${file}` : 'usage: dezvolt restore FILE');
    return 1;
  }
  const ctx = await createContext(config);
  try {
    const outcome = await restoreBackup(ctx.database, file, bar('restore'));
    if (outcome.kind === 'invalid') {
      console.error(outcome.reason);
      return 1;
    }
    console.log(`restored ${file} (made ${outcome.header.createdAt} on ${outcome.header.engine}); the previous contents were replaced`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
