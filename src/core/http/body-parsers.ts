// Strict body parsers: invalid UTF-8, malformed JSON and malformed url-encoding are 400s with a
// reason, never 500s and never silently "repaired" with replacement characters.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './problem.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Buffer): string {
  try {
    return decoder.decode(body);
  } catch {
    throw new HttpError(400, 'invalid-utf8', 'The request body is not valid UTF-8.');
  }
}

export type FormBody = Record<string, string | string[]>;

export function parseUrlEncoded(text: string): FormBody {
  const out: FormBody = Object.create(null);
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawK = eq < 0 ? part : part.slice(0, eq);
    const rawV = eq < 0 ? '' : part.slice(eq + 1);
    let k: string;
    let v: string;
    try {
      k = decodeURIComponent(rawK.replace(/\+/g, ' '));
      v = decodeURIComponent(rawV.replace(/\+/g, ' '));
    } catch {
      throw new HttpError(400, 'malformed-body', 'The form body has malformed percent-encoding (or encodes invalid UTF-8).');
    }
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  return out;
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'application/problem+json', 'application/geo+json'], { parseAs: 'buffer' }, (_req, body, done) => {
    const buf = body as Buffer;
    if (buf.length === 0) return done(new HttpError(400, 'malformed-body', 'The content type is JSON but the body is empty.'));
    try {
      const text = decodeUtf8(buf);
      done(null, JSON.parse(text, (k, v) => (k === '__proto__' ? undefined : v)));
    } catch (err) {
      if (err instanceof HttpError) return done(err);
      done(new HttpError(400, 'malformed-json', `The body is not valid JSON: ${(err as Error).message}`));
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseUrlEncoded(decodeUtf8(body as Buffer)));
    } catch (err) {
      done(err as Error);
    }
  });
}
