// CSV for spreadsheet users (RFC 4180: comma, CRLF, quotes doubled). A UTF-8 BOM makes Excel read
// Romanian diacritics correctly, and cells that a spreadsheet would run as a formula (=, +, -, @,
// tab, CR) get a leading apostrophe, because exported answers are text written by the public.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
