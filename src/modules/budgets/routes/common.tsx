// Small pieces every budgets route file uses.
import type { FastifyReply, FastifyRequest } from 'fastify';

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
