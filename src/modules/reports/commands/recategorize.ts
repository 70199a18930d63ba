// An official files a report under the right category. The report is re-routed by the routing
// rules (it may move to another department) and the classifier learns from the correction.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { reportPolicy } from '../policy.ts';
import { routeToDepartment } from '../location.ts';
import { learnCorrection } from '../classifier/store.ts';
import { loadReportCore } from './load.ts';
import type { HandleOutcome } from './handle.ts';

export async function recategorize(ctx: AppContext, actor: Actor, reportId: number, code: string): Promise<HandleOutcome> {
  const result = await ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.manage', r)) return { kind: 'forbidden' } as const;
    const [cat] = await tx.query<{ id: number }>('select id from categories where code = $1 and active', [code]);
    if (!cat) return { kind: 'invalid', field: 'category', reason: 'reports.err.category' } as const;
    if (cat.id === r.categoryId) return { kind: 'done', text: null } as const;
    const [loc] = await tx.query<{ district_id: number | null; description: string }>('select district_id, description from reports where id = $1', [reportId]);
    const departmentId = (await routeToDepartment(tx, cat.id, loc!.district_id)) ?? r.departmentId;
    await tx.query('update reports set category_id = $2, department_id = $3, updated_at = now() where id = $1', [reportId, cat.id, departmentId]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, public, details) values ($1, $2, 'reassign', false, $3)`, [
      reportId,
      actor.kind === 'user' ? actor.id : null,
      JSON.stringify({ categoryFrom: r.categoryId, categoryTo: cat.id, from: r.departmentId, to: departmentId }),
    ]);
    if (departmentId !== r.departmentId) await ctx.jobs.enqueue('reports.dispatch', { reportId }, { dedupeKey: `reports.dispatch:${reportId}:${departmentId}` }, tx);
    return { kind: 'done', text: loc!.description } as const;
  });
  if (result.kind !== 'done') return result;
  if (result.text) await learnCorrection(ctx, result.text, code);
  return { kind: 'done' };
}
