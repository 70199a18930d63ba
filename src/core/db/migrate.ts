// Each module owns an ordered list of SQL migrations; this runner applies the missing ones in one
// transaction per start, serialised across processes by an advisory lock (PostgreSQL).
import type { Database } from './database.ts';

export interface Migration {
  /** Unique within the module, sortable: `001_init`. */
  name: string;
  sql: string;
}

export interface ModuleMigrations {
  module: string;
  migrations: Migration[];
}

export interface MigrateResult {
  applied: { module: string; name: string }[];
}

export async function migrate(database: Database, sets: ModuleMigrations[], onApplied?: (m: string, n: string) => void): Promise<MigrateResult> {
  const applied: MigrateResult['applied'] = [];
  await database.exec(`create table if not exists schema_migrations (
    module text not null, name text not null, applied_at timestamptz not null default now(),
    primary key (module, name))`);
  await database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7261001)');
    const done = new Set(
      (await tx.query<{ module: string; name: string }>('select module, name from schema_migrations')).map((r) => `${r.module}/${r.name}`),
    );
    for (const set of sets) {
      const names = set.migrations.map((m) => m.name);
      if (new Set(names).size !== names.length) throw new Error(`module ${set.module} declares a migration name twice`);
      for (const m of [...set.migrations].sort((a, b) => a.name.localeCompare(b.name))) {
        if (done.has(`${set.module}/${m.name}`)) continue;
        await tx.exec(m.sql);
        await tx.query('insert into schema_migrations (module, name) values ($1, $2)', [set.module, m.name]);
        applied.push({ module: set.module, name: m.name });
        onApplied?.(set.module, m.name);
      }
    }
  });
  return { applied };
}
