// Starts a throw-away Dezvolt for the browser tests: a fresh embedded data dir, or a fresh
// PostgreSQL database when DATABASE_URL_TEST is set. Demo accounts get a known password.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, DEZVOLT_DEMO_PASSWORD: 'e2e-demo-password', DEZVOLT_RATE_LIMIT: '0', LOG_LEVEL: 'warn' };
if (process.env.DATABASE_URL_TEST) {
  const name = `dz_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL_TEST);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
} else {
  // One directory per run, so parallel runs never share (and fight over) one embedded database.
  const dir = `${root}.tmp/e2e-data-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  env.DEZVOLT_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const child = spawn(process.execPath, ['bin/dezvolt.mjs', 'start'], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
