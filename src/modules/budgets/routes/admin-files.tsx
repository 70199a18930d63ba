// Admin uploads: a Pabulib `.pb` file to import, and an edition's residents' list (CSV).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { verifyCsrf } from '../../../core/http/request-context.ts';
import { listEditions } from '../queries.ts';
import { BUDGET_RULES, type BudgetRule } from '../model.ts';
import { importPabulib } from '../commands/import.ts';
import { uploadCensus } from '../commands/eligibility.ts';
import { AdminEditionsPage } from '../pages/admin-list-page.tsx';
import { idParams } from './common.tsx';
import { actorId, adminOnly, renderAdminEdition } from './admin-shared.tsx';

const MAX_FILE = 20 * 1024 * 1024;

interface Upload {
  fields: Record<string, string>;
  file: { name: string; text: string } | null;
  tooLarge: boolean;
  notText: boolean;
}

async function readUpload(req: FastifyRequest): Promise<Upload> {
  const out: Upload = { fields: {}, file: null, tooLarge: false, notText: false };
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_FILE, files: 1, fields: 10, fieldSize: 4096 } })) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (buf.length === 0) continue;
        try {
          out.file = { name: part.filename, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
        } catch {
          out.notText = true;
        }
      } else if (typeof part.value === 'string') {
        out.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') out.tooLarge = true;
    else throw err;
  }
  return out;
}

function uploadProblem(u: Upload): string | null {
  if (u.tooLarge) return 'pb.import.err.tooLarge';
  if (u.notText) return 'pb.import.err.notText';
  if (!u.file) return 'pb.import.err.noFile';
  return null;
}

export function registerAdminFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const opts = { preHandler: adminOnly, schema: { hide: true }, config: { csrf: 'handler' as const }, bodyLimit: MAX_FILE + 64 * 1024 };

  app.post<{ Querystring: { _csrf?: string } }>('/admin/budgets/import', opts, async (req, reply) => {
    const upload = await readUpload(req);
    verifyCsrf(req, req.query._csrf ?? upload.fields._csrf);
    const fail = async (reason: string, field = 'file') =>
      reply.page(req.t('pb.admin.title'), <AdminEditionsPage page={await req.pageContext()} editions={await listEditions(ctx, { drafts: true })} importErrors={[{ field, reason }]} />, { status: 400 });
    const problem = uploadProblem(upload);
    if (problem) return fail(req.t(problem));
    const rule = upload.fields.rule ? (upload.fields.rule as BudgetRule) : null;
    if (rule !== null && !BUDGET_RULES.includes(rule)) return fail(req.t('pb.admin.err.rule'), 'rule');
    const edition = upload.fields.edition && /^\d{1,9}$/.test(upload.fields.edition) ? Number(upload.fields.edition) : null;
    const outcome = await importPabulib(ctx, actorId(req), { text: upload.file!.text, rule, editionId: edition, fileName: upload.file!.name.slice(0, 200) });
    switch (outcome.kind) {
      case 'imported':
        return reply.redirectWithNotice(`/budgets/results/${outcome.budgetId}`, 'pb.import.done');
      case 'parse_error':
        return fail(req.t('pb.import.err.parse', { line: outcome.line, message: outcome.message }));
      case 'unsupported_vote_type':
        return fail(req.t('pb.import.err.voteType', { voteType: outcome.voteType }));
      case 'unsupported_rule':
        return fail(req.t('pb.import.err.rule', { rule: outcome.rule }), 'rule');
      case 'no_budget':
        return fail(req.t('pb.import.err.budget'));
      case 'tally_failed':
        return fail(req.t('pb.import.err.tally', { message: outcome.message }));
      case 'not_found':
        return fail(req.t('pb.import.err.edition'), 'edition');
    }
  });

  app.post<{ Params: { id: number }; Querystring: { _csrf?: string } }>('/admin/budgets/editions/:id/census', { ...opts, schema: { hide: true, params: idParams } }, async (req, reply) => {
    const upload = await readUpload(req);
    verifyCsrf(req, req.query._csrf ?? upload.fields._csrf);
    const fail = (reason: string) => renderAdminEdition(ctx, req, reply, req.params.id, { form: 'census', errors: [{ field: 'file', reason }] }, 400);
    const problem = uploadProblem(upload);
    if (problem) return fail(req.t(problem));
    const outcome = await uploadCensus(ctx, actorId(req), req.params.id, upload.file!.text);
    if (outcome.kind === 'not_found') return reply.callNotFound();
    if (outcome.kind === 'empty') return fail(req.t('pb.admin.err.censusEmpty'));
    return reply.redirectWithNotice(`/admin/budgets/editions/${req.params.id}`, 'pb.admin.censusUploaded');
  });
}
