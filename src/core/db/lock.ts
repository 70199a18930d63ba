// PGlite silently loses data when two processes open one data dir, so exactly one process owns it.
import lockfile from 'proper-lockfile';
import { mkdirSync } from 'node:fs';

export class DataDirLockedError extends Error {
  constructor(public readonly dataDir: string) {
    super(
      `Another Dezvolt process is already using the data directory ${dataDir}.\n` +
        `Only one process may own an embedded database. Stop the other process, or point this one at ` +
        `another directory with DEZVOLT_DATA_DIR, or use PostgreSQL with DATABASE_URL to run several processes.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Takes the lock or throws DataDirLockedError. Returns the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (err) => {
        // Another process took over (e.g. our clock stalled past `stale`): stop writing at once.
        console.error(`[dezvolt] lost the lock on ${dataDir}: ${err.message}; exiting to protect the data`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
