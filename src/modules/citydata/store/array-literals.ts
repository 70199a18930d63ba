// PostgreSQL array literals for the bulk statements, built in one pass. Given a JS array,
// node-postgres runs two regex replaces on every element; at tens of thousands of readings per second
// that shows in the profile. Elements are quoted (so any text is safe) and escaped only when needed.
const NEEDS_ESCAPE = /["\\]/;

export function textArray(xs: readonly (string | null)[]): string {
  let s = '{';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) s += ',';
    if (x === null || x === undefined) s += 'NULL';
    else s += NEEDS_ESCAPE.test(x) ? `"${x.replace(/[\\"]/g, '\\$&')}"` : `"${x}"`;
  }
  return `${s}}`;
}

/** Integers and finite floats; null as NULL. */
export function numberArray(xs: readonly (number | null)[]): string {
  let s = '{';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) s += ',';
    s += x === null || x === undefined ? 'NULL' : String(x);
  }
  return `${s}}`;
}
