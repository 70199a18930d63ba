// "Is this already reported?": open reports of the same category within a radius, ranked by how
// similar their text is (pg_trgm on unaccented text) and then by distance.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';

export interface NearbySettings {
  /** Default search radius in metres. */
  radiusM: number;
  /** Upper bound a client may ask for. */
  maxRadiusM: number;
}

export const DEFAULT_NEARBY: NearbySettings = { radiusM: 150, maxRadiusM: 1000 };

export interface NearbyReport {
  id: number;
  title: string;
  status: string;
  category: string;
  distanceM: number;
  similarity: number;
}

export async function nearbyOpenReports(
  ctx: AppContext,
  locale: Locale,
  q: { lat: number; lng: number; categoryCode?: string | undefined; text?: string | undefined; radiusM?: number | undefined },
): Promise<NearbyReport[]> {
  const s = await ctx.settings.get<NearbySettings>('module.reports.nearby', DEFAULT_NEARBY);
  const radius = Math.min(q.radiusM ?? s.radiusM, s.maxRadiusM);
  const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
  return ctx.database.query<NearbyReport>(
    `with p as (select ST_SetSRID(ST_MakePoint($1, $2), 4326) as g)
     select r.id::int as id, left(r.description_public, 140) as title, r.status, c.${name} as category,
            round(ST_Distance(r.location::geography, p.g::geography))::int as "distanceM",
            case when $5::text is null or $5 = '' then 0
                 else round(similarity(unaccent(lower(r.description_public)), unaccent(lower($5)))::numeric, 3)::float end as similarity
     from reports r join categories c on c.id = r.category_id, p
     where r.status in ('new','acknowledged','in_progress','planned') and r.hidden_at is null
       and ($4::text is null or c.code = $4)
       and ST_DWithin(r.location::geography, p.g::geography, $3)
     order by similarity desc, "distanceM" asc limit 5`,
    [q.lng, q.lat, radius, q.categoryCode ?? null, q.text ?? null],
  );
}
