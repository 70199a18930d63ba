// OpenAPI descriptions of the GeoReport v2 routes. The handlers write their own bodies (JSON or
// XML), so these schemas document the answers; the tests hold the answers to the official
// Open311 JSON schemas.
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

export const serviceSchema = {
  type: 'object',
  required: ['service_code', 'service_name', 'metadata', 'type'],
  properties: {
    service_code: str,
    service_name: str,
    description: nullableStr,
    metadata: { type: 'boolean' },
    type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
    keywords: nullableStr,
    group: nullableStr,
  },
} as const;

export const serviceDefinitionSchema = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: str,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required'],
        properties: {
          variable: { type: 'boolean' },
          code: str,
          datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: nullableStr,
          order: { type: ['integer', 'null'] },
          description: nullableStr,
          values: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: str, name: str } } },
        },
      },
    },
  },
} as const;

export const requestSchema = {
  type: 'object',
  required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
  properties: {
    service_request_id: str,
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: nullableStr,
    service_name: nullableStr,
    service_code: str,
    description: nullableStr,
    agency_responsible: nullableStr,
    service_notice: nullableStr,
    requested_datetime: dateTime,
    updated_datetime: { type: ['string', 'null'], format: 'date-time' },
    expected_datetime: { type: ['string', 'null'], format: 'date-time' },
    address: nullableStr,
    address_id: nullableStr,
    zipcode: nullableStr,
    lat: { type: ['number', 'null'] },
    long: { type: ['number', 'null'] },
    media_url: { type: ['string', 'null'], format: 'uri' },
  },
} as const;

export const createdSchema = {
  type: 'object',
  required: ['service_request_id'],
  properties: { service_request_id: str, service_notice: nullableStr, account_id: nullableStr },
} as const;

export const tokenSchema = { type: 'object', required: ['service_request_id', 'token'], properties: { service_request_id: str, token: str } } as const;

export const updateSchema = {
  type: 'object',
  required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
  properties: { update_id: str, service_request_id: str, status: { type: 'string', enum: ['open', 'closed'] }, updated_datetime: dateTime, description: str, media_url: str },
} as const;

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: dateTime,
    contact: str,
    key_service: str,
    endpoints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: { specification: str, url: str, changeset: dateTime, type: { type: 'string', enum: ['production', 'test'] }, formats: { type: 'array', items: str } },
      },
    },
  },
} as const;

export const errorsSchema = {
  type: 'array',
  items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: str } },
} as const;

/** A response in both formats: `json` is the JSON body's schema; XML is the same data as a document. */
export function both(description: string, json: object) {
  return { description, content: { 'application/json': { schema: json }, 'text/xml': { schema: { type: 'string', description: 'The same data as XML, in the GeoReport v2 element names' } } } };
}

export const errorResponses = {
  400: both('Bad or missing parameters (the GeoReport error list)', errorsSchema),
  404: both('Unknown jurisdiction, service, request or format (the GeoReport error list)', errorsSchema),
} as const;

export const formatParam = { type: 'string', description: '`json` or `xml`', examples: ['json', 'xml'] } as const;
export const jurisdictionParam = { type: 'string', maxLength: 200, description: 'Accepted for compatibility; must be this installation\'s host name when given' } as const;
