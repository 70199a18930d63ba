// Reference data shared by the workplace (Pabulib samples, Open311 schemas, Smart Data Models)
// lives next to the repository in ../shared; CI clones elsewhere, so fall back to the workplace copy.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function sharedDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.DEZVOLT_SHARED_DIR && path.join(env.DEZVOLT_SHARED_DIR, name), path.resolve(REPO_ROOT, '..', 'shared', name), path.join('/work/shared', name)].filter(
    (c): c is string => !!c,
  );
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}
