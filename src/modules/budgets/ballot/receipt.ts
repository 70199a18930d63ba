// Ballot receipts: 80 random bits written as four groups of Crockford base32 (no I, L, O, U, so
// a code read aloud or copied by hand survives). Only the SHA-256 of the code is stored, so the
// database cannot hand out receipts, and a receipt never reveals what was voted.
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../../core/auth/tokens.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Canonical form of what a person typed: upper case, no separators, look-alikes mapped. */
export function normalizeReceipt(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(s) ? s : null;
}

export function receiptHash(code: string): string {
  return sha256(`pb-receipt:${normalizeReceipt(code) ?? code}`);
}
