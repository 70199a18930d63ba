// Where the real Pabulib elections live for tests and benchmarks: $PABULIB_DIR, else
// ../shared/pabulib-sample next to the repository (present for every developer and CI run).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir } from '../../../core/testing/shared-dir.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export function pabulibSampleDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['PABULIB_DIR'] ? path.resolve(env['PABULIB_DIR']) : sharedDir('pabulib-sample', env);
}
