// After an NGSI-LD write commits: file the work orders its readings triggered. The API answers after
// they are filed, so a client (or a test) that sees 204 can already find the report.
import type { AppContext } from '../../../core/context.ts';
import type { ApplyResult } from '../ingest/apply.ts';
import { fileWorkOrders } from '../rules/work-orders.ts';

export async function afterWrite(ctx: AppContext, results: ApplyResult[]): Promise<void> {
  if (results.some((r) => r.transitions.some((t) => t.triggered && t.rule.action === 'work_order'))) await fileWorkOrders(ctx);
}
