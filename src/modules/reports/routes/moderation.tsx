// Flagging (anyone), the moderators' queue with hide/restore, and merging duplicates (officials).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import { hasRole } from '../../../core/auth/actor.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import { flagReport, moderationQueue, setHidden, type ModerationOutcome } from '../commands/moderate.ts';
import { mergeDuplicate } from '../commands/merge.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

export function registerModerationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const refuse = async (req: FastifyRequest, reply: FastifyReply, outcome: ModerationOutcome | { kind: 'invalid'; field: string; reason: string }, back: string) => {
    if (outcome.kind === 'not_found') return reply.callNotFound();
    if (outcome.kind === 'forbidden') {
      if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
      return reply.page(req.t('error.title'), <p>{req.t('reports.moderation.title')}</p>, { status: 403 });
    }
    if (outcome.kind === 'invalid') return reply.page(req.t('error.title'), <p role="alert">{req.t(outcome.reason)}</p>, { status: 400 });
    return reply.redirectWithNotice(back, 'reports.moderation.done');
  };

  app.post<{ Params: { id: number } }>(
    '/reports/:id/flag',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } } } }, attachValidation: true, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const errors = formErrors(req, { reason: 'reports.err.flagReason' });
      if (errors.length) return reply.page(req.t('reports.flag.title'), <p role="alert">{errors[0]!.reason}</p>, { status: 400 });
      const outcome = await flagReport(ctx, req.actor, req.params.id, (req.body as { reason: string }).reason);
      if (outcome.kind === 'done') return reply.redirectWithNotice(`/reports/${req.params.id}`, 'reports.flag.thanks');
      return refuse(req, reply, outcome, `/reports/${req.params.id}`);
    },
  );

  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: number } }>(
      `/reports/:id/${action}`,
      { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 1000 }, back: { type: 'string', enum: ['queue', 'report'] } } } } },
      async (req, reply) => {
        const body = req.body as { reason?: string; back?: string };
        const outcome = await setHidden(ctx, req.actor, req.params.id, action === 'hide', body.reason ?? '');
        return refuse(req, reply, outcome, body.back === 'queue' ? '/moderation/reports' : `/reports/${req.params.id}`);
      },
    );
  }

  app.get('/moderation/reports', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind === 'anonymous') return reply.redirect('/login?next=/moderation/reports', 303);
    if (!hasRole(req.actor, 'moderator') && !hasRole(req.actor, 'admin')) return reply.page(req.t('error.title'), <p>{req.t('reports.moderation.title')}</p>, { status: 403 });
    const page = await req.pageContext();
    const queue = await moderationQueue(ctx);
    const { t } = req;
    return reply.page(
      t('reports.moderation.title'),
      <section aria-labelledby="moderation-heading">
        <h1 id="moderation-heading">{t('reports.moderation.title')}</h1>
        {queue.length === 0 ? (
          <p>{t('reports.moderation.empty')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('reports.moderation.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.moderation.report')}</th>
                  <th scope="col">{t('reports.moderation.flags')}</th>
                  <th scope="col">{t('reports.moderation.reasons')}</th>
                  <th scope="col">{t('reports.moderation.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((q) => (
                  <tr>
                    <td>
                      <a href={`/reports/${q.id}`}>#{q.id}</a> {q.title}
                    </td>
                    <td>{q.flags}</td>
                    <td>
                      <ul>
                        {q.reasons.map((r) => (
                          <li>{r}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <form method="post" action={`/reports/${q.id}/${q.hidden ? 'restore' : 'hide'}`}>
                        <CsrfField page={page} />
                        <input type="hidden" name="back" value="queue" />
                        {q.hidden ? null : (
                          <div class="field">
                            <label for={`reason-${q.id}`}>{t('reports.moderation.hideReason')}</label>
                            <input type="text" id={`reason-${q.id}`} name="reason" required maxLength={1000} />
                          </div>
                        )}
                        <button type="submit">{q.hidden ? t('reports.moderation.restore') : t('reports.moderation.hide')}</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>,
    );
  });

  app.post<{ Params: { id: number } }>(
    '/reports/:id/merge',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['keptId'], properties: { keptId: { type: 'integer', minimum: 1 } } } }, attachValidation: true },
    async (req, reply) => {
      const errors = formErrors(req, { keptId: 'reports.err.mergeTarget' });
      if (errors.length) return reply.page(req.t('reports.merge.title'), <p role="alert">{errors[0]!.reason}</p>, { status: 400 });
      const keptId = (req.body as { keptId: number }).keptId;
      const outcome = await mergeDuplicate(ctx, req.actor, req.params.id, keptId);
      if (outcome.kind === 'merged') return reply.redirectWithNotice(`/reports/${keptId}`, 'reports.moderation.done');
      return refuse(req, reply, outcome, `/reports/${req.params.id}/manage`);
    },
  );
}
