// Runs the real `dezvolt` command (bin/dezvolt.mjs) in child processes, for tests of the CLI and of
// several app processes sharing one PostgreSQL. Every process started here is stopped by `stopAll`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/dezvolt.mjs', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  port: number;
  base: string;
  output(): string;
  exited: Promise<Finished>;
}

const started = new Set<ChildProcess>();

/** The environment of a child: this process's, without any database choice leaking in, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_URL_TEST', 'DEZVOLT_DATA_DIR', 'PORT', 'NODE_TEST_CONTEXT']) delete base[k];
  return { ...base, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
}

function launch(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<Finished>((resolve) => {
    child.on('close', (code) => {
      started.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, output: () => `--- stdout\n${stdout}\n--- stderr\n${stderr}`, exited };
}

/** Runs `dezvolt ARGS` to completion (killed after `timeoutMs`). */
export async function dezvolt(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<Finished> {
  const { child, exited } = launch(args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts `dezvolt start` on a free port and waits until /health answers. */
export async function startDezvolt(env: Record<string, string>, timeoutMs = 120_000): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, output, exited } = launch(['start'], { ...env, PORT: String(port) });
  const deadline = Date.now() + timeoutMs;
  let gone: Finished | undefined;
  void exited.then((f) => (gone = f));
  for (;;) {
    if (gone) throw new Error(`dezvolt start exited with ${gone.code} before serving\n${output()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`dezvolt start did not answer /health within ${timeoutMs} ms\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port, base, output, exited };
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stop(p: Running, graceMs = 15_000): Promise<Finished> {
  if (p.child.exitCode === null && p.child.signalCode === null) {
    p.child.kill('SIGTERM');
    const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
    try {
      return await p.exited;
    } finally {
      clearTimeout(timer);
    }
  }
  return p.exited;
}

/** Kills whatever this file started and is still running (call from `after`). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await once(child, 'close').catch(() => {});
      clearTimeout(timer);
    }),
  );
}
