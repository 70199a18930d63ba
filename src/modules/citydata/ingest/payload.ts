// MQTT topics and payloads: `dezvolt/<apiKey>/<deviceId>/attrs` with a JSON object of attributes
// (optional `observedAt`), and FIWARE UltraLight 2.0 on `/ul/<apiKey>/<deviceId>/attrs`
// (`t|15|k|abc`, optionally led by a timestamp, several measure groups joined by `#`).
import { attributeForUl, unitFor } from '../model.ts';
import { isGeometry, type Attributes } from '../ngsi/entity-format.ts';

export interface Topic {
  format: 'json' | 'ul';
  apiKey: string;
  deviceId: string;
}

export function parseTopic(topic: string): Topic | null {
  const json = /^dezvolt\/([^/]{1,128})\/([^/]{1,128})\/attrs$/.exec(topic);
  if (json) return { format: 'json', apiKey: json[1]!, deviceId: json[2]! };
  const ul = /^\/ul\/([^/]{1,128})\/([^/]{1,128})\/attrs$/.exec(topic);
  if (ul) return { format: 'ul', apiKey: ul[1]!, deviceId: ul[2]! };
  return null;
}

// Built field by field (no spreads): this runs for every attribute of every message.
function attribute(type: string, name: string, value: unknown, observedAt: string | undefined): Attributes[string] {
  const a: Attributes[string] = isGeometry(value) ? { type: 'GeoProperty', value } : { type: 'Property', value };
  if (a.type === 'Property') {
    const unitCode = unitFor(type, name);
    if (unitCode) a.unitCode = unitCode;
  }
  if (observedAt) a.observedAt = observedAt;
  return a;
}

function isoOrUndefined(v: unknown): string | undefined | null {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** One or more groups of attributes (UltraLight may carry several measures in one message); null if unreadable. */
export function parsePayload(format: 'json' | 'ul', type: string, payload: Buffer): Attributes[] | null {
  const text = payload.toString('utf8');
  if (format === 'json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const values = body as Record<string, unknown>;
    const at = isoOrUndefined(values.observedAt);
    if (at === null) return null;
    const attrs: Attributes = {};
    let any = false;
    for (const k of Object.keys(values)) {
      if (k === 'observedAt') continue;
      const v = values[k];
      if (!NAME.test(k) || v === null || v === undefined) return null;
      attrs[k] = attribute(type, k, v, at);
      any = true;
    }
    return any ? [attrs] : null;
  }
  const groups: Attributes[] = [];
  for (const group of text.split('#')) {
    const parts = group.trim().split('|');
    let at: string | undefined;
    // An odd number of fields means the first one is the measure's timestamp.
    if (parts.length % 2 === 1) {
      const t = isoOrUndefined(parts.shift());
      if (!t) return null;
      at = t;
    }
    const attrs: Attributes = {};
    for (let i = 0; i < parts.length; i += 2) {
      const code = parts[i]!;
      const raw = parts[i + 1]!;
      if (!code || !/^[A-Za-z0-9_]{1,64}$/.test(code)) return null;
      const name = attributeForUl(type, code);
      const value = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : raw === 'true' || raw === 'false' ? raw === 'true' : raw;
      attrs[name] = attribute(type, name, value, at);
    }
    if (Object.keys(attrs).length === 0) return null;
    groups.push(attrs);
  }
  return groups;
}
