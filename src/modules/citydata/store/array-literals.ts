// PostgreSQL array literals for the bulk statements. Given a JS array, node-postgres runs two regex
// replaces on every element; at tens of thousands of readings per second that shows in the profile.
// JSON.stringify (native) writes the same literal when no element needs more than JSON's `\"` and
// `\\` escapes, which PostgreSQL reads alike; `null` reads as NULL. Anything else (control
// characters, lone surrogates: JSON's other escapes mean something else to PostgreSQL) is quoted
// element by element.
const OTHER_ESCAPE = /\\[^"\\]/;

export function textArray(xs: readonly (string | null)[]): string {
  const json = JSON.stringify(xs);
  if (!OTHER_ESCAPE.test(json) || !xs.some((x) => x !== null && /[\u0000-\u001f\ud800-\udfff]/.test(x))) return `{${json.slice(1, -1)}}`;
  let s = '{';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) s += ',';
    s += x === null || x === undefined ? 'NULL' : `"${x.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${s}}`;
}

/** Integers and finite floats; null as NULL. */
export function numberArray(xs: readonly (number | null)[]): string {
  return `{${JSON.stringify(xs).slice(1, -1)}}`;
}
