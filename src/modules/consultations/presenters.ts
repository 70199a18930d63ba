// What the public JSON API says about a consultation: the strategy put to consultation (ambitions →
// objectives → projects) with how many expressed interest in each project, the open actions
// proposed (named by organization only: a person proposing on their own behalf stays unnamed),
// and once it closed the aggregated dashboard. Never who expressed interest, their expertise or
// their contact consent.
import { HELIX_BUCKETS, type Dashboard } from './dashboard.ts';
import type { AmbitionNode, Consultation, PublicAction } from './queries.ts';
import { pageSchema } from '../../core/http/api-schemas.ts';

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

export const consultationItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    purpose: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    startsOn: nullableDate,
    endsOn: nullableDate,
    projects: { type: 'integer', description: 'strategic projects put to consultation' },
    space: { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, slug: { type: 'string' } } }] },
    url: { type: 'string' },
  },
} as const;

export const consultationPageSchema = pageSchema(consultationItemSchema);

const projectSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    description: { type: 'string' },
    origin: { type: 'string', enum: ['strategy', 'open_action'] },
    interests: { type: 'integer', description: 'expressions of interest in its working group' },
    url: { type: 'string' },
  },
} as const;

const ambitionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    code: { type: 'string' },
    title: { type: 'string' },
    objectives: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, projects: { type: 'array', items: projectSchema } } },
    },
  },
} as const;

const actionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    ambitionCode: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    status: { type: 'string', enum: ['proposed', 'promoted', 'declined'] },
    projectId: { type: ['integer', 'null'], description: 'the project it became, once promoted' },
    organization: { type: ['string', 'null'], description: 'the proposing organization; null when a person proposed it' },
  },
} as const;

const resultsSchema = {
  type: 'object',
  properties: {
    projects: { type: 'integer' },
    withInterest: { type: 'integer', description: 'projects with at least one expression of interest' },
    interests: { type: 'integer' },
    byAmbition: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' }, projects: { type: 'integer' }, withInterest: { type: 'integer' } } } },
    byHelix: {
      type: 'array',
      items: { type: 'object', properties: { helix: { type: 'string', enum: [...HELIX_BUCKETS] }, interests: { type: 'integer' }, projects: { type: 'integer' } } },
    },
  },
} as const;

export const consultationSchema = {
  type: 'object',
  properties: {
    ...consultationItemSchema.properties,
    ambitions: { type: 'array', items: ambitionSchema },
    actions: { type: 'array', items: actionSchema },
    results: { anyOf: [{ type: 'null' }, resultsSchema], description: 'aggregated participation; null until the consultation closes' },
  },
} as const;

export function presentConsultationItem(c: Consultation & { projects: number }) {
  return {
    id: c.id,
    title: c.title,
    purpose: c.purpose,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    projects: c.projects,
    space: c.spaceId !== null && c.spaceTitle !== null && c.spaceSlug !== null ? { id: c.spaceId, title: c.spaceTitle, slug: c.spaceSlug } : null,
    url: `/consultations/${c.id}`,
  };
}

export function presentConsultation(c: Consultation & { projects: number }, tree: AmbitionNode[], actions: PublicAction[], results: Dashboard | null) {
  return {
    ...presentConsultationItem(c),
    ambitions: tree.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      objectives: a.objectives.map((o) => ({
        id: o.id,
        code: o.code,
        title: o.title,
        url: `/consultations/objectives/${o.id}`,
        projects: o.projects.map((p) => ({ id: p.id, title: p.title, description: p.description, origin: p.origin, interests: p.interests, url: `/consultations/projects/${p.id}` })),
      })),
    })),
    actions: actions.map((x) => ({ id: x.id, ambitionCode: x.ambitionCode, title: x.title, description: x.description, status: x.status, projectId: x.projectId, organization: x.organization })),
    results,
  };
}
