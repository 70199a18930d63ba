// Conditional downloads: a dataset that can say cheaply when it last changed gets Last-Modified and
// a weak ETag, and a client that already holds that version gets 304 instead of the whole file
// (RFC 9110 §13). The ETag also covers what changes the file besides its rows: format, language
// (category names are translated) and licence.
import { createHash } from 'node:crypto';
import type { OpenDataFormat, OpenDataVersion } from '../modules/manifest.ts';

export interface Validators {
  etag: string;
  /** HTTP dates have whole seconds. */
  lastModified: Date;
}

export function validatorsFor(version: OpenDataVersion, file: { dataset: string; format: OpenDataFormat; locale: string; license: string }): Validators {
  const digest = createHash('sha256')
    .update(JSON.stringify([file.dataset, file.format, file.locale, file.license, version.at, version.tag ?? '']))
    .digest('base64url')
    .slice(0, 22);
  const ms = new Date(version.at).getTime();
  return { etag: `W/"${digest}"`, lastModified: new Date(ms - (ms % 1000)) };
}

/** Weak comparison: W/"x" and "x" name the same version. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match decides when present; If-Modified-Since is only looked at without it. */
export function isNotModified(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, v: Validators): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    const mine = opaque(v.etag);
    return inm.split(',').some((t) => opaque(t) === mine);
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && v.lastModified.getTime() <= since;
}
