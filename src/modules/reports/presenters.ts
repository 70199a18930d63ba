// The public JSON shapes of reports. Only masked text, never contact data or internal notes.
import type { ReportListItem, ReportView } from './queries.ts';

export function reportFeature(r: ReportListItem) {
  return {
    type: 'Feature' as const,
    id: r.id,
    geometry: { type: 'Point' as const, coordinates: [r.lng, r.lat] },
    properties: { id: r.id, status: r.status, category: r.category, categoryCode: r.categoryCode, district: r.district, title: r.title, createdAt: r.createdAt, url: `/reports/${r.id}` },
  };
}

export function publicReport(r: ReportView) {
  return {
    id: r.id,
    status: r.status,
    outcome: r.outcome,
    category: { code: r.categoryCode, name: r.category },
    department: r.department,
    district: r.district,
    location: { lat: r.lat, lng: r.lng },
    address: r.address,
    description: r.descriptionPublic,
    reporter: r.reporterName,
    createdAt: r.createdAt,
    photos: r.photoIds.map((id) => ({ url: `/reports/photos/${id}.jpg`, thumb: `/reports/photos/${id}/thumb.jpg` })),
    followers: r.followers,
    history: r.updates.filter((u) => u.public).map((u) => ({ kind: u.kind, status: u.statusTo, note: u.body, at: u.at })),
  };
}

export const publicReportSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    status: { type: 'string' },
    outcome: { type: ['string', 'null'] },
    category: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    department: { type: ['string', 'null'] },
    district: { type: ['string', 'null'] },
    location: { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } } },
    address: { type: ['string', 'null'] },
    description: { type: 'string' },
    reporter: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    photos: { type: 'array', items: { type: 'object', properties: { url: { type: 'string' }, thumb: { type: 'string' } } } },
    followers: { type: 'integer' },
    history: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, status: { type: ['string', 'null'] }, note: { type: ['string', 'null'] }, at: { type: 'string' } } } },
  },
} as const;
