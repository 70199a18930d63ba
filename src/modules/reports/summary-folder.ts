// Moves the summary deltas that report writes append (migration 007) into report_tallies and
// report_map_cells, once a second, in its own short transaction. Readers add pending deltas
// themselves (the *_live views), so this only keeps the delta tables small; a failed fold
// leaves them for the next one.
import type { AppContext } from '../../core/context.ts';

export const FOLD_EVERY_MS = 1000;

export async function foldReportSummaries(ctx: AppContext): Promise<void> {
  await ctx.database.query('select report_summaries_fold()');
}

export function startSummaryFolder(ctx: AppContext, everyMs = FOLD_EVERY_MS): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = foldReportSummaries(ctx)
      .catch((err) => console.error('[reports] folding summary deltas failed; retrying in a second', err))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
