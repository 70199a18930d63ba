// Masks personal data in text shown to the public: Romanian CNPs (validated by their control
// digit, so ordinary long numbers stay), phone numbers, e-mail addresses and IBANs (mod-97).
export const MASK_CNP = '[CNP ascuns]';
export const MASK_PHONE = '[telefon ascuns]';
export const MASK_EMAIL = '[e-mail ascuns]';
export const MASK_IBAN = '[IBAN ascuns]';

export type PersonalDataKind = 'cnp' | 'phone' | 'email' | 'iban';

const CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

export function isValidCnp(cnp: string): boolean {
  if (!/^[1-9]\d{12}$/.test(cnp)) return false;
  const month = Number(cnp.slice(3, 5));
  const day = Number(cnp.slice(5, 7));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = CNP_WEIGHTS.reduce((s, w, i) => s + w * Number(cnp[i]), 0);
  const control = sum % 11 === 10 ? 1 : sum % 11;
  return control === Number(cnp[12]);
}

export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Country code, then groups of 4 (spaces optional): RO49 AAAA 1B31 0075 9384 0000.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi;
const CNP = /(?<![\d.,])[1-9]\d{12}(?![\d.,])/g;
// Mobile 07xx xxx xxx, landlines 02x/03x, with +40 / 0040 prefixes and space, dot or dash separators.
const PHONE = /(?<![\w+])(?:(?:\+|00)40[\s.-]?|0)(?:7\d{2}|[23]\d{1,2})(?:[\s.-]?\d){6,7}(?!\d)/g;

export function maskPersonalData(text: string): { text: string; found: PersonalDataKind[] } {
  const found = new Set<PersonalDataKind>();
  let out = text.replace(EMAIL, () => {
    found.add('email');
    return MASK_EMAIL;
  });
  out = out.replace(IBAN, (m) => {
    if (!isValidIban(m)) return m;
    found.add('iban');
    return MASK_IBAN;
  });
  out = out.replace(CNP, (m) => {
    if (!isValidCnp(m)) return m;
    found.add('cnp');
    return MASK_CNP;
  });
  out = out.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, '').replace(/^(?:0040|40)/, '0');
    if (digits.length !== 10) return m;
    found.add('phone');
    return MASK_PHONE;
  });
  return { text: out, found: [...found] };
}
