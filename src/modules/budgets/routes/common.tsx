// Small pieces every budgets route file uses.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/actor.ts';
import type { Phase } from '../model.ts';
import { budgetPolicy } from '../policy.ts';

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

/** Signed in, but this is not theirs to do: a 403 page that says so. */
export function forbidden(req: FastifyRequest, reply: FastifyReply) {
  return reply.page(
    req.t('pb.forbidden.title'),
    <section aria-labelledby="forbidden-heading" class="narrow">
      <h1 id="forbidden-heading">{req.t('pb.forbidden.title')}</h1>
      <p>{req.t('pb.forbidden.detail')}</p>
    </section>,
    { status: 403 },
  );
}

/** Anonymous visitors go to the login page and come back here afterwards. */
export function toLogin(reply: FastifyReply, next: string) {
  return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
}

/**
 * Whether the actor may see this edition (or what hangs off it). Every route that loads an edition,
 * a budget or a project asks this and answers 404 when not, so a draft's existence is not revealed.
 */
export function visibleTo<T extends { phase: Phase }>(actor: Actor, edition: T | null | undefined): edition is T {
  return !!edition && budgetPolicy.can(actor, 'pb.view', { phase: edition.phase });
}

/** Lists keep drafts for those who may see them. */
export const seesDrafts = (actor: Actor) => budgetPolicy.can(actor, 'pb.view', { phase: 'draft' });
