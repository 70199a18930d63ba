// `;`-separated CSV as Pabulib writes it (Python's csv module): fields may be wrapped in double
// quotes, quotes inside are doubled, and quoted fields may hold `;` and newlines. We also accept
// CRLF / CR line ends, a UTF-8 BOM and blanks around fields (the format docs show `key; value`).
import type { ParseError, Result } from './types.ts';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
  /** Whether the first field was quoted; a quoted `"VOTES"` is data, not a section marker. */
  firstQuoted: boolean;
}

const SEMI = 59;
const QUOTE = 34;
const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Split `text` into records. Whitespace-only lines are dropped. Unquoted fields are trimmed;
 * quoted fields are kept verbatim so values with meaningful outer spaces survive a round trip.
 */
export function tokenize(text: string): Result<CsvRecord[], ParseError> {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let firstQuoted = false;
    let blank = true;
    let quoteOpenedOn = 0; // line of the last quoted field's opening quote

    for (;;) {
      let j = i;
      while (j < n && isBlank(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        if (fields.length === 0) firstQuoted = true;
        blank = false;
        quoteOpenedOn = line;
        let value = '';
        let k = j + 1;
        let closed = false;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === QUOTE) {
            if (text.charCodeAt(k + 1) === QUOTE) {
              value += '"';
              k += 2;
              continue;
            }
            closed = true;
            k++;
            break;
          }
          // Count embedded line breaks so later errors still point at the right physical line.
          if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
          value += text[k];
          k++;
        }
        if (!closed) return { ok: false, error: { line: start, message: 'unterminated quoted field' } };
        i = k;
        while (i < n && isBlank(text.charCodeAt(i))) i++;
        fields.push(value);
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === SEMI || c === LF || c === CR) break;
          k++;
        }
        const value = text.slice(i, k).trim();
        if (value !== '') blank = false;
        fields.push(value);
        i = k;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === SEMI) {
        blank = false;
        i++;
        continue;
      }
      if (c === CR) {
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
      if (c === LF) {
        i++;
        line++;
        break;
      }
      // A stray quote swallows text up to the next quote; point at where it opened.
      const hint = quoteOpenedOn !== line ? ` (the quoted field opened on line ${quoteOpenedOn})` : '';
      return {
        ok: false,
        error: { line, message: `unexpected character ${JSON.stringify(text[i])} after a closing quote${hint}` },
      };
    }
    if (!blank) records.push({ line: start, fields, firstQuoted });
  }
  return { ok: true, value: records };
}

/** Quote a field only when needed, so ordinary files come out looking like Pabulib's own. */
export function quoteField(value: string, force = false): string {
  if (force || /[;"\r\n]/.test(value) || value !== value.trim()) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
