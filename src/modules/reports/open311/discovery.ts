// Open311 Service Discovery: where the GeoReport v2 endpoint is, which formats it speaks, whom to
// ask for a key, and a changeset that moves whenever the service list may have changed.
import type { AppContext } from '../../../core/context.ts';
import type { Translate } from '../../../core/i18n/catalog.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['text/xml', 'application/json'];

/** The one jurisdiction this installation serves: the host name of its public address. */
export function jurisdictionId(ctx: AppContext): string {
  return new URL(ctx.config.baseUrl).hostname;
}

/** Latest change to categories (audited by the admin area) or to the reports schema. */
async function changeset(ctx: AppContext): Promise<string> {
  const [row] = await ctx.database.query<{ at: string }>(
    `select to_char(greatest(
              (select max(at) from audit_log where subject_type = 'category'),
              (select max(applied_at) from schema_migrations where module = 'reports'),
              'epoch'::timestamptz) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at`,
  );
  return row!.at;
}

export async function discoveryDocument(ctx: AppContext, t: Translate) {
  const city = await ctx.settings.city();
  const at = await changeset(ctx);
  return {
    changeset: at,
    contact: t('reports.open311.discovery.contact', { city: city.name, email: city.contactEmail }),
    key_service: t('reports.open311.discovery.keyService', { email: city.contactEmail }),
    endpoints: [{ specification: SPECIFICATION, url: `${ctx.config.baseUrl}/open311/v2`, changeset: at, type: 'production', formats: FORMATS }],
  };
}
