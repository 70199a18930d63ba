// Hides personal data that people paste into text meant for the public (a report's description, a
// comment): Romanian CNPs, phone numbers, e-mail addresses and IBANs. Each kind is checked as strictly
// as its format allows (CNP control digit and birth date, IBAN mod-97, phone number plans), because a
// public text full of "[ascuns]" where house numbers, dates and prices stood is unreadable.

export type PersonalDataKind = 'cnp' | 'phone' | 'email' | 'iban';

export const MASK_CNP = '[CNP ascuns]';
export const MASK_PHONE = '[telefon ascuns]';
export const MASK_EMAIL = '[e-mail ascuns]';
export const MASK_IBAN = '[IBAN ascuns]';

export const PERSONAL_DATA_PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  cnp: MASK_CNP,
  phone: MASK_PHONE,
  email: MASK_EMAIL,
  iban: MASK_IBAN,
};

export interface MaskResult {
  text: string;
  /** Each kind that was masked, once, in the order it first appears in the text. */
  found: PersonalDataKind[];
}

interface Span {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

/**
 * Replaces personal data with placeholders. Kinds are looked for in the order e-mail, IBAN, CNP, phone;
 * text already claimed by one kind is not looked at again (an IBAN's digits are not a phone number).
 */
export function maskPersonalData(
  text: string,
  placeholders: Readonly<Record<PersonalDataKind, string>> = PERSONAL_DATA_PLACEHOLDERS,
): MaskResult {
  const spans: Span[] = [];
  const claim = (start: number, end: number, kind: PersonalDataKind) => {
    if (!spans.some((s) => start < s.end && s.start < end)) spans.push({ start, end, kind });
  };
  for (const [start, end] of findEmails(text)) claim(start, end, 'email');
  for (const [start, end] of findIbans(text)) claim(start, end, 'iban');
  for (const [start, end] of findCnps(text)) claim(start, end, 'cnp');
  for (const [start, end] of findPhones(text)) claim(start, end, 'phone');

  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const found: PersonalDataKind[] = [];
  for (const s of spans) {
    out += text.slice(at, s.start) + placeholders[s.kind];
    at = s.end;
    if (!found.includes(s.kind)) found.push(s.kind);
  }
  return { text: out + text.slice(at), found };
}

type Range = [start: number, end: number];

// ---- e-mail -------------------------------------------------------------------------------------

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

function findEmails(text: string): Range[] {
  return [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length]);
}

// ---- IBAN ---------------------------------------------------------------------------------------

// Lengths from the SWIFT IBAN registry. A length per country lets us stop exactly at the end of the
// IBAN even when the next word ("RO49 … 0000 este contul") would also look like a group.
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27,
  MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z]{2})(\d{2})/gu;
const ALNUM = /[A-Za-z0-9]/;

function findIbans(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    if (!length) continue;
    let compact = m[0].toUpperCase();
    let i = m.index + m[0].length;
    // Groups of four separated by single spaces are the printed form; people also write it solid.
    while (compact.length < length && i < text.length) {
      const ch = text[i]!;
      if (ALNUM.test(ch)) compact += ch.toUpperCase();
      else if (!(ch === ' ' && ALNUM.test(text[i + 1] ?? ''))) break;
      i++;
    }
    if (compact.length !== length || ALNUM.test(text[i] ?? '')) continue;
    if (ibanChecksumOk(compact)) out.push([m.index, i]);
  }
  return out;
}

/** A whole IBAN, spaces allowed: known country, that country's length, and the mod-97 check. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  return IBAN_LENGTHS[iban.slice(0, 2)] === iban.length && ibanChecksumOk(iban);
}

/** ISO 13616: move the first four characters to the end, letters become 10–35, the number mod 97 is 1. */
function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// ---- CNP ----------------------------------------------------------------------------------------

const THIRTEEN_DIGITS = /(?<![\p{L}\p{N}])\d{13}(?![\p{L}\p{N}])/gu;
const CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

function findCnps(text: string): Range[] {
  return [...text.matchAll(THIRTEEN_DIGITS)].filter((m) => isValidCnp(m[0])).map((m) => [m.index, m.index + 13]);
}

/**
 * S YY MM DD JJ NNN C: S gives sex and century, YYMMDD a real date, C the weighted control digit.
 * The county code is not checked against a list: codes have been added over time, and a missed CNP
 * is a leak while a masked look-alike is only a lost number.
 */
export function isValidCnp(cnp: string): boolean {
  if (!/^\d{13}$/.test(cnp)) return false;
  const d = [...cnp].map(Number);
  const sex = d[0]!;
  if (sex === 0) return false;
  const yy = d[1]! * 10 + d[2]!;
  const month = d[3]! * 10 + d[4]!;
  const day = d[5]! * 10 + d[6]!;
  // 1/2 born 1900–1999, 3/4 1800–1899, 5/6 2000–2099; 7/8/9 (residents, foreigners) do not say.
  const centuries = sex <= 2 ? [1900] : sex <= 4 ? [1800] : sex <= 6 ? [2000] : [1900, 2000];
  if (!centuries.some((c) => isRealDate(c + yy, month, day))) return false;
  if (d[7]! * 10 + d[8]! === 0 || d[9]! * 100 + d[10]! * 10 + d[11]! === 0) return false;
  const sum = CNP_WEIGHTS.reduce((s, w, i) => s + w * d[i]!, 0);
  const control = sum % 11 === 10 ? 1 : sum % 11;
  return control === d[12];
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// ---- phone numbers ------------------------------------------------------------------------------

// A run of digit groups joined by the separators people use in phone numbers. The run is split into
// groups and the longest valid number is looked for inside it, so "nr. 12 0744 123 456" still finds
// the phone after the house number.
const DIGIT_RUN = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}][-/])[+(]{0,2}\d(?:[ .\-/()]{0,3}\d)*/gu;

// No spelling of a phone number has more groups than "+40 (0) 744 12 34 56"; bounding the search
// keeps a pasted wall of digits from costing quadratic time.
const MAX_PHONE_GROUPS = 7;

interface Group {
  digits: string;
  start: number;
  end: number;
}

function findPhones(text: string): Range[] {
  const out: Range[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups: Group[] = [...run[0].matchAll(/\d+/g)].map((g) => ({
      digits: g[0],
      start: run.index + g.index,
      end: run.index + g.index + g[0].length,
    }));
    const international = run[0].slice(0, run[0].search(/\d/)).includes('+');
    for (let i = 0; i < groups.length; ) {
      let last = -1;
      for (let j = Math.min(groups.length, i + MAX_PHONE_GROUPS) - 1; j >= i && last < 0; j--) {
        if (isPhone(text, groups.slice(i, j + 1), i === 0 && international)) last = j;
      }
      if (last < 0) {
        i++;
        continue;
      }
      const start = i === 0 ? run.index : text[groups[i]!.start - 1] === '(' ? groups[i]!.start - 1 : groups[i]!.start;
      out.push([start, groups[last]!.end]);
      i = last + 1;
    }
  }
  return out;
}

/**
 * Romanian numbers: 0 + nine digits starting 2 or 3 (landlines) or 7 (mobiles), or the same nine
 * digits after +40 / 0040 (an extra "(0)" or "0" after the country code is tolerated). When written in
 * groups, the groups must look like a phone number: the first national group has at least three
 * digits, no later group is a single digit, and all separators after the first one are the same, which
 * is what tells "0744 123 456" from a date and time such as "07.12.2023 14".
 */
function isPhone(text: string, groups: Group[], plusPrefix: boolean): boolean {
  const digits = groups.map((g) => g.digits).join('');
  let national: string;
  let international = plusPrefix;
  if (plusPrefix) {
    if (!digits.startsWith('40')) return false;
    national = digits.slice(2);
  } else if (digits.startsWith('0040')) {
    international = true;
    national = digits.slice(4);
  } else if (digits.startsWith('0') && !digits.startsWith('00')) {
    national = digits.slice(1);
  } else {
    return false;
  }
  if (international && national.startsWith('0')) national = national.slice(1);
  if (!/^[237]\d{8}$/.test(national)) return false;
  if (groups.length === 1) return true;

  if (!international && groups[0]!.digits.length < 3) return false;
  const kinds = new Set<string>();
  for (let k = 1; k < groups.length; k++) {
    if (groups[k]!.digits.length < 2 && !(international && groups[k]!.digits === '0')) return false;
    const separator = text.slice(groups[k - 1]!.end, groups[k]!.start).replace(/[()]/g, '').trim();
    if (separator.length > 1) return false;
    if (k > 1) kinds.add(separator || ' ');
  }
  return kinds.size <= 1;
}
