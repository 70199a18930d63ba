// The API-key page of the administration area. The key is shown in the answer to the form that
// issued it and nowhere else: only its hash is kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { issueApiKey, LABEL_MAX, listApiKeys, revokeApiKey } from './api-keys.ts';
import { Open311KeysPage, type IssuedKey } from './admin-page.tsx';
import { open311Policy } from './policy.ts';

/** Runs before validation: outsiders learn nothing about the forms. */
async function guard(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/open311')}`, 303);
  if (!open311Policy.can(req.actor, 'open311.keys.manage')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

function actorId(req: FastifyRequest): string {
  if (req.actor.kind !== 'user') throw new Error('open311 admin route reached without a signed-in actor');
  return req.actor.id;
}

export function registerOpen311AdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function render(req: FastifyRequest, reply: FastifyReply, opts: { issued?: IssuedKey; errors?: FieldError[]; label?: string | undefined; status?: number } = {}) {
    const keys = await listApiKeys(ctx);
    const { status, ...rest } = opts;
    return reply
      .header('cache-control', 'no-store')
      .page(req.t('reports.open311.admin.title'), <Open311KeysPage page={await req.pageContext()} keys={keys} endpoint={`${ctx.config.baseUrl}/open311/v2`} {...rest} />, { status: status ?? 200 });
  }

  app.get('/admin/open311', { schema: { hide: true }, preValidation: guard }, async (req, reply) => render(req, reply));

  app.post(
    '/admin/open311',
    {
      schema: { hide: true, body: { type: 'object', additionalProperties: false, required: ['label'], properties: { label: { type: 'string', minLength: 1, maxLength: LABEL_MAX, pattern: '\\S' } } } },
      attachValidation: true,
      preValidation: guard,
    },
    async (req, reply) => {
      const label = str(req.body, 'label');
      const labelError = [{ field: 'label', reason: req.t('reports.open311.err.label', { max: LABEL_MAX }) }];
      const errors = formErrors(req, { label: 'reports.open311.err.label' }).map((e) => (e.field === 'label' ? labelError[0]! : e));
      if (errors.length) return render(req, reply, { errors, label, status: 400 });
      const outcome = await issueApiKey(ctx, actorId(req), label!);
      if (outcome.kind === 'invalid_label') return render(req, reply, { errors: labelError, label, status: 400 });
      return render(req, reply, { issued: { label: label!.trim(), key: outcome.key } });
    },
  );

  app.post<{ Params: { id: number } }>(
    '/admin/open311/:id/revoke',
    { schema: { hide: true, params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } }, preValidation: guard },
    async (req, reply) => {
      const outcome = await revokeApiKey(ctx, actorId(req), req.params.id);
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      return reply.redirectWithNotice('/admin/open311', outcome.kind === 'revoked' ? 'reports.open311.notice.revoked' : 'reports.open311.notice.alreadyRevoked');
    },
  );
}
