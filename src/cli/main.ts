// The `dezvolt` command. Each sub-command lives in its own file; this one only dispatches.
import { loadConfig } from '../core/config/config.ts';
import { DataDirLockedError } from '../core/db/lock.ts';

const USAGE = `Usage: dezvolt <command> [options]

Commands:
  start                 serve the platform (PORT, DEZVOLT_DATA_DIR or DATABASE_URL)
  migrate               apply pending migrations and exit
  seed [--empty]        seed the demo city (or, with --empty, an empty city) into an empty database
  create-admin          create an administrator: --email E --name N (password from DEZVOLT_ADMIN_PASSWORD or a prompt)
  backup FILE           write the whole database to one file
  restore FILE          replace the whole database with a backup file
  pb tally FILE.pb      tally a Pabulib participatory-budgeting file (see dezvolt pb tally --help)
  simulate              publish realistic city sensor readings over MQTT (--devices N --rate R)
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'start': {
      const { runStart } = await import('./start.ts');
      return runStart(loadConfig());
    }
    case 'migrate': {
      const { runMigrate } = await import('./migrate.ts');
      return runMigrate(loadConfig());
    }
    case 'seed': {
      const { runSeed } = await import('./seed.ts');
      return runSeed(loadConfig(), rest);
    }
    case 'create-admin': {
      const { runCreateAdmin } = await import('./create-admin.ts');
      return runCreateAdmin(loadConfig(), rest);
    }
    case 'backup':
    case 'restore': {
      const { runBackup, runRestore } = await import('./backup.ts');
      return cmd === 'backup' ? runBackup(loadConfig(), rest) : runRestore(loadConfig(), rest);
    }
    case 'simulate': {
      const { simulateCommand } = await import('../modules/citydata/cli/simulate.ts');
      return simulateCommand(rest);
    }
    case 'pb': {
      if (rest[0] !== 'tally') break;
      const { pbTallyCommand } = await import('../modules/budgets/cli/pb-tally.ts');
      return pbTallyCommand(rest.slice(1));
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return cmd === undefined ? 1 : 0;
  }
  process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
  return 1;
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== -1) process.exitCode = code;
} catch (err) {
  if (err instanceof DataDirLockedError) {
    process.stderr.write(`dezvolt: ${err.message}\n`);
    process.exitCode = 75;
  } else {
    process.stderr.write(`dezvolt: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
