// Request schemas shared by the proposal pages and the JSON API.
import { SORTS, STATES } from '../model.ts';

export const listQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    state: { type: 'string', enum: ['', ...STATES] },
    category: { type: 'string', maxLength: 40 },
    district: { anyOf: [{ type: 'integer', minimum: 1, maximum: 2147483647 }, { type: 'string', maxLength: 0 }] },
    sort: { type: 'string', enum: [...SORTS], default: 'recent' },
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  },
} as const;

export const componentParams = { type: 'object', required: ['cid'], properties: { cid: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

const optionalId = { anyOf: [{ type: 'integer', minimum: 1, maximum: 2147483647 }, { type: 'string', maxLength: 0 }] } as const;
const coordinate = { type: 'string', maxLength: 30, pattern: '^\\s*$|^\\s*-?\\d{1,3}([.,]\\d+)?\\s*$' } as const;

export const proposalBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body'],
  properties: {
    title: { type: 'string', maxLength: 150 },
    body: { type: 'string', maxLength: 5000 },
    category: optionalId,
    district: optionalId,
    address: { type: 'string', maxLength: 200 },
    lat: coordinate,
    lng: coordinate,
    intent: { type: 'string', enum: ['check', 'publish'] },
  },
} as const;

export const PROPOSAL_FIELDS = {
  title: 'proposals.err.title',
  body: 'proposals.err.body',
  category: 'proposals.err.category',
  district: 'proposals.err.district',
  address: 'proposals.err.address',
  lat: 'proposals.err.location',
  lng: 'proposals.err.location',
} as const;

export interface ListQuery {
  q?: string;
  state?: string;
  category?: string;
  district?: number | string;
  sort: (typeof SORTS)[number];
  page: number;
}

/** The edit form: the new-proposal fields plus attachments to drop. */
export const proposalEditBody = {
  ...proposalBody,
  properties: { ...proposalBody.properties, remove: { type: 'array', maxItems: 10, items: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } },
} as const;

export const EDIT_FIELDS = { ...PROPOSAL_FIELDS, remove: 'proposals.err.remove' } as const;

const nullableId = { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 } as const;

/** PATCH /api/v1/proposals/:id: only the fields sent change. */
export const proposalPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    title: { type: 'string', minLength: 10, maxLength: 150 },
    body: { type: 'string', minLength: 15, maxLength: 5000 },
    category: nullableId,
    district: nullableId,
    address: { type: 'string', maxLength: 200 },
    location: {
      anyOf: [
        { type: 'null' },
        { type: 'object', additionalProperties: false, required: ['lat', 'lng'], properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } } },
      ],
    },
  },
} as const;

export interface ProposalPatch {
  title?: string;
  body?: string;
  category?: number | null;
  district?: number | null;
  address?: string;
  location?: { lat: number; lng: number } | null;
}
