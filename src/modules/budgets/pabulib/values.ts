// Cell-level parsing shared by the PROJECTS and VOTES readers. Each helper returns either the
// value or a reason string; the section reader attaches the line number.

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseNumber(raw: string, what: string): Parsed<number> {
  const s = raw.trim();
  if (NUMBER_RE.test(s)) {
    const value = Number(s);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  // Pabulib's own checker flags decimal commas as an error too; say so instead of guessing.
  const hint = /^\d+,\d+$/.test(s) ? " (use '.' as the decimal separator)" : '';
  return { ok: false, reason: `${what} ${JSON.stringify(raw)} is not a number${hint}` };
}

/** Empty cell → null; otherwise a number. */
export function parseOptionalNumber(raw: string, what: string): Parsed<number | null> {
  if (raw.trim() === '') return { ok: true, value: null };
  return parseNumber(raw, what);
}

/** Comma-separated list as used by `vote`, `points`, `category`; empty string → []. */
export function splitList(raw: string): string[] {
  if (raw.trim() === '') return [];
  return raw.split(',').map((s) => s.trim());
}
