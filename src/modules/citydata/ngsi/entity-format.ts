// NGSI-LD entity representations: validation of normalized input, key-values ↔ normalized, and the
// output forms (normalized, keyValues, with or without system attributes).
import { NgsiError } from './problem.ts';
import { unitFor } from '../model.ts';

export type Attribute = Record<string, unknown> & { type: string };
export type Attributes = Record<string, Attribute>;

export interface NgsiEntity {
  id: string;
  type: string;
  attrs: Attributes;
  context?: unknown;
}

export const CORE_CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld';
export const LINK_HEADER = `<${CORE_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;

const ATTRIBUTE_TYPES = new Set(['Property', 'GeoProperty', 'Relationship', 'LanguageProperty', 'VocabProperty', 'ListProperty', 'JsonProperty']);
const RESERVED = new Set(['id', 'type', '@context', 'createdAt', 'modifiedAt', 'scope']);
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
// RFC 3986 scheme followed by ':' and no whitespace: every Smart Data Models example id qualifies.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const ATTR_NAME = /^[A-Za-z_@][A-Za-z0-9_:@.\-/]{0,255}$/;

export function isUri(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 512 && URI.test(s);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isGeometry(v: unknown): v is { type: string; coordinates: unknown } {
  return isPlainObject(v) && typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type) && Array.isArray(v.coordinates);
}

/** Validates one normalized attribute; throws BadRequestData with the reason. */
export function checkAttribute(name: string, a: unknown): Attribute {
  if (!ATTR_NAME.test(name)) throw new NgsiError('BadRequestData', `attribute name "${name}" is not valid`);
  if (Array.isArray(a)) throw new NgsiError('BadRequestData', `attribute "${name}": multi-attributes (datasetId) are not supported`);
  if (!isPlainObject(a) || typeof a.type !== 'string' || !ATTRIBUTE_TYPES.has(a.type)) {
    throw new NgsiError('BadRequestData', `attribute "${name}" must be an object whose type is Property, GeoProperty or Relationship`);
  }
  if (a.type === 'Relationship') {
    if (!isUri(a.object)) throw new NgsiError('BadRequestData', `relationship "${name}" needs an "object" that is a URI`);
  } else if (a.type === 'GeoProperty') {
    if (!isGeometry(a.value)) throw new NgsiError('BadRequestData', `geo-property "${name}" needs a GeoJSON geometry as value`);
  } else if (a.type === 'LanguageProperty') {
    if (!isPlainObject(a.languageMap)) throw new NgsiError('BadRequestData', `language property "${name}" needs a languageMap`);
  } else if (!('value' in a) || a.value === null) {
    throw new NgsiError('BadRequestData', `property "${name}" needs a non-null value`);
  }
  if ('observedAt' in a && (typeof a.observedAt !== 'string' || Number.isNaN(Date.parse(a.observedAt)))) {
    throw new NgsiError('BadRequestData', `attribute "${name}": observedAt must be a date-time`);
  }
  const out: Attribute = { ...a } as Attribute;
  if (typeof out.observedAt === 'string') out.observedAt = new Date(out.observedAt).toISOString();
  return out;
}

/** A fragment of attributes (PATCH body, entity body without id/type). */
export function checkFragment(body: Record<string, unknown>): Attributes {
  const attrs: Attributes = {};
  for (const [k, v] of Object.entries(body)) {
    if (RESERVED.has(k)) continue;
    attrs[k] = checkAttribute(k, v);
  }
  return attrs;
}

/** A whole entity in normalized form (POST /entities, batch operations). */
export function checkEntity(body: unknown, keyValues = false): NgsiEntity {
  if (!isPlainObject(body)) throw new NgsiError('BadRequestData', 'an entity must be a JSON object');
  if (!isUri(body.id)) throw new NgsiError('BadRequestData', 'the entity id must be a URI');
  if (typeof body.type !== 'string' || !body.type) throw new NgsiError('BadRequestData', 'the entity needs a type');
  const source = keyValues ? fromKeyValues(body) : body;
  return { id: body.id, type: body.type, attrs: checkFragment(source), ...(body['@context'] !== undefined ? { context: body['@context'] } : {}) };
}

/** Key-values (simplified) → normalized, with the Smart Data Models conventions: GeoJSON geometries are
 *  GeoProperties, `ref…` URIs are Relationships, the model's units are attached. */
export function fromKeyValues(body: Record<string, unknown>, type = String(body.type ?? ''), observedAt?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (RESERVED.has(k)) continue;
    if (isGeometry(v)) out[k] = { type: 'GeoProperty', value: v, ...(observedAt ? { observedAt } : {}) };
    else if (/^ref[A-Z]/.test(k) && (isUri(v) || (Array.isArray(v) && v.every(isUri)))) out[k] = { type: 'Relationship', object: v };
    else {
      const unitCode = unitFor(type, k);
      out[k] = { type: 'Property', value: v, ...(unitCode ? { unitCode } : {}), ...(observedAt ? { observedAt } : {}) };
    }
  }
  return out;
}

export function attributeValue(a: Attribute): unknown {
  if (a.type === 'Relationship') return a.object;
  if (a.type === 'LanguageProperty') return a.languageMap;
  return a.value;
}

export interface RenderOptions {
  keyValues: boolean;
  sysAttrs: boolean;
  attrs?: string[] | undefined;
  withContext?: unknown;
}

export interface StoredEntity {
  urn: string;
  type: string;
  attrs: Attributes;
  context: unknown;
  created_at: string;
  modified_at: string;
}

export function renderEntity(e: StoredEntity, opts: RenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.urn, type: e.type };
  for (const [k, a] of Object.entries(e.attrs)) {
    if (opts.attrs && !opts.attrs.includes(k)) continue;
    out[k] = opts.keyValues ? attributeValue(a) : a;
  }
  if (opts.sysAttrs && !opts.keyValues) Object.assign(out, { createdAt: e.created_at, modifiedAt: e.modified_at });
  if (opts.withContext !== undefined) out['@context'] = e.context ?? opts.withContext;
  return out;
}

/** The geometry an entity is found by in geo-queries: its `location`. */
export function locationOf(attrs: Attributes): { type: string; coordinates: unknown } | null {
  const loc = attrs.location;
  return loc && loc.type === 'GeoProperty' && isGeometry(loc.value) ? loc.value : null;
}
