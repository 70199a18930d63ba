// A city announcement is a public domain event: it appears in "Happening now" on the home page and
// reaches open browsers over SSE when the transaction commits.
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/record.ts';

export const ANNOUNCEMENT_MAX = 500;

export async function publishAnnouncement(ctx: AppContext, actorId: string, rawText: string): Promise<{ kind: 'published'; id: number } | { kind: 'empty' }> {
  const text = rawText.trim();
  if (!text) return { kind: 'empty' };
  return ctx.database.transaction(async (tx) => {
    const ev = await ctx.events.publish({ type: 'announcement.published', public: true, payload: { text } }, tx);
    await recordAudit(tx, { actorId, action: 'announcement.publish', subjectType: 'event', subjectId: ev.id, details: { text } });
    return { kind: 'published', id: ev.id } as const;
  });
}

export async function recentAnnouncements(ctx: AppContext, limit = 10): Promise<{ id: number; text: string; at: string }[]> {
  return ctx.database.query<{ id: number; text: string; at: string }>(
    `select id::int as id, payload->>'text' as text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
     from events where type = 'announcement.published' order by at desc, id desc limit $1`,
    [limit],
  );
}
