// Test helpers: every JSON answer is checked against the official Open311 JSON schemas (from the
// open311/schema-validation project, in shared/open311-schemas beside the repository), and every
// XML answer is parsed back with a real XML parser.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedDir } from '../../../../core/testing/shared-dir.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { discoverySchema, errorsSchema, updateSchema } from '../schemas.ts';

const SCHEMAS = `${sharedDir('open311-schemas')}/`;
const load = (name: string) => JSON.parse(readFileSync(SCHEMAS + name, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
// Formats the spec's swagger file names but JSON Schema does not define.
for (const f of ['uid', 'uint', 'double']) ajv.addFormat(f, true);
for (const name of ['service.json', 'request.json']) ajv.addSchema(load(name), name);

const swagger = load('swagger.json') as { definitions: Record<string, { properties: Record<string, { type: string }> }> };

/** The spec's JSON example answers `"account_id": null`; swagger's definition forgot the null. */
function nullable(def: { properties: Record<string, { type: string }> }) {
  return { ...def, type: 'object', properties: Object.fromEntries(Object.entries(def.properties).map(([k, v]) => [k, { ...v, type: [v.type, 'null'] }])) };
}

export const validators = {
  services: ajv.compile(load('services.json')),
  serviceDefinition: ajv.compile(load('service-definition.json')),
  requests: ajv.compile(load('requests.json')),
  request: ajv.getSchema('request.json')!,
  created: ajv.compile({ type: 'array', items: nullable(swagger.definitions.RequestResponse!) }),
  tokens: ajv.compile({ type: 'array', items: swagger.definitions.TokenResponse! }),
  // Neither the Service Discovery document, mySociety's updates nor the error list has a file in
  // shared/open311-schemas: these are the schemas the OpenAPI document publishes for them.
  discovery: ajv.compile(discoverySchema),
  updates: ajv.compile({ type: 'array', items: updateSchema }),
  errors: ajv.compile(errorsSchema),
};

export function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  const ok = validate(data);
  assert.ok(ok, `${what} does not match its schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data, null, 2).slice(0, 2000)}`);
}

/** Lists become arrays even with one child, and text stays text ("007" is not 7). */
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (_name, jpath) => /^(services\.service|service_requests\.request|service_request_updates\.request_update|errors\.error|service_definition\.attributes\.attribute|service_definition\.attributes\.attribute\.values\.value|discovery\.endpoints\.endpoint|discovery\.endpoints\.endpoint\.formats\.format)$/.test(String(jpath)),
});

export function parseXml(body: string): Record<string, unknown> {
  assert.ok(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), 'the XML declaration comes first');
  const valid = XMLValidator.validate(body);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(body) as Record<string, unknown>;
}
