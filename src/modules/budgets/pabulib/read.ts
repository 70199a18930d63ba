// The only file-reading entry point of the Pabulib module; everything else is pure.
import { readFile } from 'node:fs/promises';
import { parsePb } from './parse.ts';
import type { ParseError, PbElection, Result } from './types.ts';

export type ReadPbError =
  | { kind: 'io'; message: string }
  | ({ kind: 'parse' } & ParseError);

/** Read and parse a `.pb` file; I/O failures and malformed content come back as typed errors. */
export async function readPbFile(path: string): Promise<Result<PbElection, ReadPbError>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { kind: 'io', message } };
  }
  const parsed = parsePb(text);
  if (!parsed.ok) return { ok: false, error: { kind: 'parse', ...parsed.error } };
  return parsed;
}
