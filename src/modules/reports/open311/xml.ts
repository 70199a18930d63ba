// GeoReport v2 XML: elements only (no attributes, no namespaces), arrays as a plural element
// holding singular children. That is all the spec uses, so this small writer is enough and keeps
// a serialisation library (and its option surface) out of the runtime; the tests parse every
// document back with a real XML parser.

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

/** Child element name of each list the spec (and mySociety's extension) defines. */
const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

// Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function element(name: string, value: XmlValue, indent: string): string {
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    const child = SINGULAR[name];
    if (!child) throw new Error(`no singular element name for list <${name}>`);
    if (value.length === 0) return `${indent}<${name}/>\n`;
    return `${indent}<${name}>\n${value.map((v) => element(child, v, indent + '  ')).join('')}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v, indent + '  '))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** A whole document: declaration, then `root` holding `value` (a list gets singular children). */
export function xmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}`;
}
