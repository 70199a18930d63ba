// Route hooks that keep everyone but permitted actors out of the admin area. They run before schema
// validation, so an outsider learns nothing about a form from its validation errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../auth/actor.ts';
import { problem, sendProblem } from '../http/problem.ts';
import { ErrorPage } from '../ui/error-page.tsx';
import { adminPolicy, type AdminAction } from './policy.ts';

export function ForbiddenPage(props: { t: FastifyRequest['t'] }) {
  const { t } = props;
  return (
    <section aria-labelledby="forbidden-heading" class="narrow">
      <h1 id="forbidden-heading">{t('admin.forbidden.title')}</h1>
      <p>{t('admin.forbidden.detail')}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </section>
  );
}

/** HTML pages and forms: anonymous → log in and come back; signed in without the right → 403 page. */
export function requirePage(action: AdminAction) {
  return async function guardPage(req: FastifyRequest, reply: FastifyReply) {
    if (req.actor.kind !== 'user') {
      // After logging in, a browser can only come back with a GET: a form's own URL may not have one.
      const next = req.method === 'GET' ? req.url : '/admin';
      return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    if (!adminPolicy.can(req.actor, action)) {
      return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    }
  };
}

/** JSON API: 401 when anonymous, 403 without the right, both as problem+json. */
export function requireApi(action: AdminAction) {
  return async function guardApi(req: FastifyRequest, reply: FastifyReply) {
    if (req.actor.kind !== 'user') return sendProblem(reply, problem(401, 'unauthenticated', 'Not signed in'));
    if (!adminPolicy.can(req.actor, action)) return sendProblem(reply, problem(403, 'forbidden', 'Forbidden', `This needs the ${action} permission.`));
  };
}

/** The signed-in actor of a route behind a guard. */
export function adminActor(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw new Error('admin route reached without a signed-in actor');
  return req.actor;
}

/** The site's 404 page, for an admin URL whose record does not exist. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply.page(req.t('error.notFound'), <ErrorPage status={404} detail={req.t('error.notFoundDetail')} t={req.t} />, { status: 404 });
}
