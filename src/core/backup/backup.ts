// Whole-database backup to one gzip'd JSON-lines file, portable between PGlite and PostgreSQL
// (a PGlite backup restores into PostgreSQL and back). Each row travels as its composite-type text
// form, which PostgreSQL round-trips exactly for every column type we use (geometry as hex EWKB).
import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip, createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Database, TxQuery } from '../db/database.ts';

export const BACKUP_FORMAT = 'dezvolt-backup';
export const BACKUP_VERSION = 1;
const BATCH = 2000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Database['kind'];
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export interface Progress {
  start(total: number): void;
  advance(n: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, stop() {} };

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function userTables(q: TxQuery | Database): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     order by c.relname`,
  );
  return rows.map((r) => r.name);
}

export async function writeBackup(database: Database, file: string, progress: Progress = silentProgress): Promise<BackupHeader> {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  const header = await database.transaction(async (tx) => {
    await tx.exec(`set transaction isolation level repeatable read; set local timezone = 'UTC'`);
    const tables = await userTables(tx);
    const counts = [];
    for (const t of tables) {
      const [c] = await tx.query<{ n: number }>(`select count(*)::int as n from ${ident(t)}`);
      counts.push({ name: t, rows: c!.n });
    }
    const migrations = (await tx.query<{ m: string }>(`select module || '/' || name as m from schema_migrations order by 1`)).map((r) => r.m);
    const h: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.kind, migrations, tables: counts };
    await write(JSON.stringify(h));
    progress.start(counts.reduce((s, c) => s + c.rows, 0));
    for (const t of counts) {
      for (let offset = 0; offset < t.rows; offset += BATCH) {
        const rows = await tx.query<{ r: string }>(`select x::text as r from ${ident(t.name)} x order by ctid limit ${BATCH} offset ${offset}`);
        for (const row of rows) await write(JSON.stringify({ t: t.name, r: row.r }));
        progress.advance(rows.length);
      }
    }
    return h;
  });
  progress.stop();
  gzip.end();
  await once(out, 'close');
  return header;
}

export type RestoreOutcome = { kind: 'restored'; header: BackupHeader } | { kind: 'invalid'; reason: string };

/** The file, not the database, is at fault: the restore rolls back and reports it as invalid. */
class CorruptBackupError extends Error {}

// The schema is the running version's, so its migration record stays; restoring an older list
// would make the next start re-apply migrations whose tables already exist.
const KEPT_TABLES = new Set(['schema_migrations']);

function isHeader(v: unknown): v is BackupHeader {
  const h = v as Partial<BackupHeader> | null;
  return (
    typeof h === 'object' && h !== null && h.format === BACKUP_FORMAT && typeof h.version === 'number' &&
    Array.isArray(h.migrations) && Array.isArray(h.tables) &&
    h.tables.every((t) => typeof t?.name === 'string' && Number.isInteger(t.rows))
  );
}

/** The file's decompressed lines. `close` stops reading, so a damaged tail left unread raises nothing. */
function openLines(file: string) {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  return {
    lines,
    close() {
      lines.close();
      input.destroy();
      gunzip.destroy();
    },
  };
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { lines, close } = openLines(file);
  try {
    for await (const line of lines) {
      const header: unknown = JSON.parse(line);
      if (!isHeader(header)) throw new Error('the first line is not a Dezvolt backup header');
      return header;
    }
    throw new Error('empty backup file');
  } finally {
    close();
  }
}

/** Replaces every row of every table with the backup's rows, in one transaction: all or nothing. */
export async function restoreBackup(database: Database, file: string, progress: Progress = silentProgress): Promise<RestoreOutcome> {
  let header: BackupHeader;
  try {
    header = await readBackupHeader(file);
  } catch (err) {
    return { kind: 'invalid', reason: `not a readable Dezvolt backup: ${(err as Error).message}` };
  }
  if (header.version !== BACKUP_VERSION) return { kind: 'invalid', reason: `unsupported Dezvolt backup version ${header.version} (this Dezvolt reads version ${BACKUP_VERSION})` };
  const known = new Set((await database.query<{ m: string }>(`select module || '/' || name as m from schema_migrations`)).map((r) => r.m));
  const newer = header.migrations.filter((m) => !known.has(m));
  if (newer.length) return { kind: 'invalid', reason: `the backup comes from a newer Dezvolt (unknown migrations: ${newer.join(', ')}); upgrade first` };

  try {
    await database.transaction(async (tx) => {
      await tx.exec(`set local timezone = 'UTC'; set local session_replication_role = replica`);
      const tables = (await userTables(tx)).filter((t) => !KEPT_TABLES.has(t));
      const expected = new Map(header.tables.filter((t) => !KEPT_TABLES.has(t.name)).map((t) => [t.name, t.rows]));
      const missing = [...expected.keys()].filter((t) => !tables.includes(t));
      if (missing.length) throw new CorruptBackupError(`tables in the backup do not exist here: ${missing.join(', ')}`);
      await tx.exec(`truncate ${tables.map(ident).join(', ')}`);
      progress.start([...expected.values()].reduce((s, n) => s + n, 0));
      const restored = new Map<string, number>();
      let batchTable = '';
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        try {
          await tx.query(`insert into ${ident(batchTable)} select (r::${ident(batchTable)}).* from unnest($1::text[]) as r`, [batch]);
        } catch (err) {
          throw new CorruptBackupError(`rows of table ${batchTable} do not fit this database: ${(err as Error).message}`);
        }
        restored.set(batchTable, (restored.get(batchTable) ?? 0) + batch.length);
        progress.advance(batch.length);
        batch = [];
      };
      const { lines, close } = openLines(file);
      let first = true;
      try {
        for await (const line of lines) {
          if (first) {
            first = false;
            continue;
          }
          if (!line) continue;
          let row: { t?: unknown; r?: unknown };
          try {
            row = JSON.parse(line) as typeof row;
          } catch {
            throw new CorruptBackupError('a line of the backup is not valid JSON');
          }
          if (typeof row.t !== 'string' || typeof row.r !== 'string' || !expected.has(row.t)) {
            if (typeof row.t === 'string' && KEPT_TABLES.has(row.t)) continue;
            throw new CorruptBackupError(`a line of the backup names no table listed in its header (${String(row.t)})`);
          }
          if (row.t !== batchTable || batch.length >= 500) {
            await flush();
            batchTable = row.t;
          }
          batch.push(row.r);
        }
        await flush();
      } catch (err) {
        if (err instanceof CorruptBackupError) throw err;
        // gunzip and read errors: a truncated or damaged file.
        throw new CorruptBackupError(`the backup file is damaged: ${(err as Error).message}`);
      } finally {
        close();
      }
      for (const [name, rows] of expected) {
        const got = restored.get(name) ?? 0;
        if (got !== rows) throw new CorruptBackupError(`the backup is incomplete: table ${name} has ${got} of its ${rows} rows`);
      }
      // Serial columns continue after the restored ids.
      const seqs = await tx.query<{ tbl: string; col: string; seq: string }>(
        `select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
         from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
         where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
           and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
      );
      for (const s of seqs) {
        await tx.query(`select setval($1, coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 1), (select count(*) > 0 from ${ident(s.tbl)}))`, [s.seq]);
      }
    });
  } catch (err) {
    if (err instanceof CorruptBackupError) return { kind: 'invalid', reason: err.message };
    throw err;
  } finally {
    progress.stop();
  }
  return { kind: 'restored', header };
}
