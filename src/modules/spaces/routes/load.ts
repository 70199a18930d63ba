// Finds a space from the URL and the asking actor's relation to it, for the policy.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { findSpaceBySlug, memberRole, type Space } from '../queries.ts';
import type { SpaceSubject } from '../policy.ts';

export async function spaceFor(ctx: AppContext, req: FastifyRequest, slug: string): Promise<{ space: Space; subject: SpaceSubject } | null> {
  const space = await findSpaceBySlug(ctx.database, slug);
  if (!space) return null;
  const role = await memberRole(ctx.database, space.id, req.actor.kind === 'user' ? req.actor.id : undefined);
  return { space, subject: { kind: space.kind, published: space.published, memberRole: role } };
}

export const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
} as const;
