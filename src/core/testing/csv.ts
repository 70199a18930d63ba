// Reads CSV back in tests (RFC 4180: quoted fields, doubled quotes, CRLF), so exports are checked
// by parsing them rather than by matching text.
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else if (ch === '\n') throw new Error(`bare LF at ${i}: RFC 4180 lines end with CRLF`);
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last line does not end with CRLF');
  return rows;
}

/** Rows as objects keyed by the header. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  for (const r of rows) if (r.length !== header.length) throw new Error(`row of ${r.length} cells under a header of ${header.length}`);
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}
