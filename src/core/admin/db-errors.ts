// Recognises a unique-constraint violation on both engines (PGlite and node-postgres errors carry
// the SQLSTATE in `code` and the constraint name in `constraint`).
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return !!e && e.code === '23505' && e.constraint === constraint;
}
