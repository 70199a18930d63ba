// Keeps everyone but space managers out of /admin/spaces, before schema validation runs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';
import { spacePolicy } from '../policy.ts';

export async function requireSpaceManager(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') {
    const next = req.method === 'GET' ? req.url : '/admin/spaces';
    return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
  }
  if (!spacePolicy.can(req.actor, 'space.manage')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

export const guard = { preValidation: requireSpaceManager };

export const spaceIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

export function childParams(child: string) {
  return { type: 'object', required: ['id', child], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, [child]: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
}

const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) }) as const;
const optionalDistrict = { anyOf: [{ type: 'integer', minimum: 1, maximum: 2147483647 }, { type: 'string', maxLength: 0 }] } as const;
const checkbox = { type: 'string', enum: ['on'] } as const;
const day = { type: 'string', pattern: '^$|^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const spaceFields = {
  title: text(1, 200),
  subtitle: text(0, 300),
  description: text(0, 20000),
  district: optionalDistrict,
  published: checkbox,
} as const;

export const FIELD_MESSAGES = {
  kind: 'spaces.err.kind',
  slug: 'spaces.err.slug',
  title: 'spaces.err.title',
  subtitle: 'spaces.err.subtitle',
  description: 'spaces.err.description',
  district: 'spaces.err.district',
  startsOn: 'spaces.err.date',
  endsOn: 'spaces.err.date',
  module: 'spaces.err.module',
  email: 'spaces.err.memberEmail',
  role: 'spaces.err.role',
  positionTitle: 'spaces.err.positionTitle',
} as const;

export const phaseBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: text(1, 200),
    description: text(0, 10000),
    startsOn: day,
    endsOn: day,
    proposalsOpen: checkbox,
    supportsOpen: checkbox,
    commentsOpen: checkbox,
    resultsPublished: checkbox,
  },
} as const;
