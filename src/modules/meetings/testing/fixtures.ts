// Meetings for tests, inserted directly: by default an in-person workshop in three days with no
// capacity limit.
import type { AppContext } from '../../../core/context.ts';

export async function makeMeeting(
  ctx: AppContext,
  opts: { capacity?: number | null; startsInHours?: number; registrationOpen?: boolean; spaceId?: number | null; title?: string; format?: 'in_person' | 'online' | 'hybrid' } = {},
): Promise<number> {
  const start = new Date(Date.now() + (opts.startsInHours ?? 72) * 3600_000);
  const end = new Date(start.getTime() + 2 * 3600_000);
  const online = opts.format && opts.format !== 'in_person' ? 'https://meet.example.ro/atelier' : null;
  const [m] = await ctx.database.query<{ id: number }>(
    `insert into meetings (title, starts_at, ends_at, format, address, location, online_url, capacity, registration_open, space_id)
     values ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint(23.5867, 46.767), 4326), $6, $7, $8, $9) returning id`,
    [opts.title ?? 'Atelier de test', start.toISOString(), end.toISOString(), opts.format ?? 'in_person', opts.format === 'online' ? '' : 'Str. Baba Novac nr. 2', online, opts.capacity ?? null, opts.registrationOpen ?? true, opts.spaceId ?? null],
  );
  return m!.id;
}

export async function makeSpace(ctx: AppContext, title = 'Spațiu de test', published = true): Promise<number> {
  const slug = `spatiu-${Math.random().toString(36).slice(2, 10)}`;
  const [s] = await ctx.database.query<{ id: number }>(`insert into spaces (kind, slug, title, published) values ('process', $1, $2, $3) returning id`, [slug, title, published]);
  return s!.id;
}
