// What leaves the JSON API about a proposal (never database rows; the public text only).
import { STATES } from './model.ts';
import type { Proposal, ProposalListItem } from './queries.ts';
import type { AttachmentItem } from './attachments.ts';

const nullableString = { type: ['string', 'null'] } as const;

export const proposalItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    excerpt: { type: 'string' },
    state: { type: 'string', enum: [...STATES] },
    supports: { type: 'integer' },
    comments: { type: 'integer' },
    category: nullableString,
    district: nullableString,
    author: nullableString,
    createdAt: { type: 'string', format: 'date-time' },
    url: { type: 'string' },
  },
} as const;

export const proposalSchema = {
  type: 'object',
  properties: {
    ...proposalItemSchema.properties,
    componentId: { type: 'integer' },
    body: { type: 'string' },
    address: nullableString,
    location: { anyOf: [{ type: 'null' }, { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } } }] },
    answer: { anyOf: [{ type: 'null' }, { type: 'object', properties: { text: { type: 'string' }, answeredAt: { type: 'string', format: 'date-time' } } }] },
    editedAt: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
    attachments: {
      type: 'array',
      items: { type: 'object', properties: { fileName: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, url: { type: 'string' } } },
    },
  },
} as const;

export const proposalPageSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: proposalItemSchema }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;

export function presentItem(p: ProposalListItem) {
  return { id: p.id, title: p.title, excerpt: p.excerpt, state: p.state, supports: p.supports, comments: p.comments, category: p.category, district: p.district, author: p.author, createdAt: p.createdAt, url: `/proposals/${p.id}` };
}

export function presentProposal(p: Proposal, attachments: AttachmentItem[]) {
  return {
    ...presentItem(p),
    componentId: p.componentId,
    body: p.bodyPublic,
    address: p.address,
    location: p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
    answer: p.answeredAt ? { text: p.answerText ?? '', answeredAt: p.answeredAt } : null,
    editedAt: p.editedAt,
    attachments: attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.size, url: `/proposals/attachments/${a.id}` })),
  };
}
