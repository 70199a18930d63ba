// /admin/audit: who changed what in the administration, newest first.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requirePage } from '../guard.tsx';
import { pageQuery } from '../components.tsx';
import { AuditPage } from './pages.tsx';
import { listAudit } from './queries.ts';

export async function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { page: number } }>(
    '/admin/audit',
    { schema: { hide: true, querystring: { type: 'object', properties: { page: pageQuery } } }, preValidation: requirePage('audit.read') },
    async (req, reply) => {
      const { rows, total } = await listAudit(ctx.database, req.query.page);
      return reply.page(req.t('admin.audit.title'), <AuditPage page={await req.pageContext()} rows={rows} current={req.query.page} total={total} />);
    },
  );
}
