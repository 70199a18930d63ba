// One answer, two formats: the same value goes out as JSON (the list itself) or as XML (the list
// wrapped in its root element), exactly as GeoReport v2 pairs them. Errors are the spec's error list.
import type { FastifyReply } from 'fastify';
import { xmlDocument, type XmlValue } from './xml.ts';

export type Format = 'json' | 'xml';

export function parseFormat(raw: string): Format | undefined {
  return raw === 'json' || raw === 'xml' ? raw : undefined;
}

/** For answers that have no parsed route (404s, parser errors): the extension decides, XML otherwise. */
export function formatOfUrl(url: string): Format {
  return /\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml';
}

export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, value));
}

export type Open311Error = { code: number; description: string };

export function sendErrors(reply: FastifyReply, format: Format, status: 400 | 403 | 404 | 413 | 415 | 429 | 500, descriptions: string[]): FastifyReply {
  const errors: Open311Error[] = descriptions.map((description) => ({ code: status, description }));
  return sendOpen311(reply, format, 'errors', errors, status);
}
