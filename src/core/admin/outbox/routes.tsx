// /admin/outbox: every mail the platform wrote, and one message in full. E2E tests and operators
// without SMTP read verification and reset links from /admin/outbox/:id, so these URLs are a contract.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requirePage, sendNotFound } from '../guard.tsx';
import { pageQuery } from '../components.tsx';
import { idParams } from '../departments/schemas.ts';
import { OutboxMessagePage, OutboxPage } from './pages.tsx';
import { findOutboxMessage, listOutbox } from './queries.ts';

export async function registerOutboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('outbox.read') };

  app.get<{ Querystring: { page: number } }>(
    '/admin/outbox',
    { schema: { hide: true, querystring: { type: 'object', properties: { page: pageQuery } } }, ...guard },
    async (req, reply) => {
      const { rows, total } = await listOutbox(ctx.database, req.query.page);
      return reply.page(req.t('admin.outbox.title'), <OutboxPage page={await req.pageContext()} rows={rows} current={req.query.page} total={total} />);
    },
  );

  app.get<{ Params: { id: number } }>('/admin/outbox/:id', { schema: { hide: true, params: idParams }, ...guard }, async (req, reply) => {
    const message = await findOutboxMessage(ctx.database, req.params.id);
    if (!message) return sendNotFound(req, reply);
    return reply.page(message.subject, <OutboxMessagePage page={await req.pageContext()} message={message} />);
  });
}
