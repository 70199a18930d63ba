// GeoReport services: one per active report category, in the request's language, grouped by the
// department that handles it; categories with extra questions carry metadata=true.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import type { Translate } from '../../../core/i18n/catalog.ts';
import { presentAttribute, readAttributes, type CategoryAttribute } from './attributes.ts';

export interface Service {
  categoryId: number;
  code: string;
  name: string;
  help: string;
  department: string | null;
  keywords: string;
  slaResolveDays: number | null;
  attributes: CategoryAttribute[];
}

export async function loadServices(ctx: AppContext, locale: Locale, code?: string): Promise<Service[]> {
  const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
  const help = { ro: 'help_ro', en: 'help_en', hu: 'help_hu' }[locale];
  const rows = await ctx.database.query<{
    id: number;
    code: string;
    name: string;
    help: string | null;
    department: string | null;
    names: string[];
    sla: number | null;
    attributes: unknown;
  }>(
    `select c.id, c.code, c.${name} as name, s.${help} as help, d.name as department,
            array[c.name_ro, c.name_en, c.name_hu] as names, s.sla_resolve_days as sla, coalesce(s.attributes, '[]'::jsonb) as attributes
     from categories c left join departments d on d.id = c.department_id left join report_category_settings s on s.category_id = c.id
     where c.active ${code !== undefined ? 'and c.code = $1' : ''}
     order by d.name nulls last, c.${name}, c.code`,
    code !== undefined ? [code] : [],
  );
  return rows.map((r) => ({
    categoryId: r.id,
    code: r.code,
    name: r.name,
    help: r.help ?? '',
    department: r.department,
    // The names in every language the city speaks, so a client can match what its user typed.
    keywords: [...new Set(r.names.map((n) => n.trim()).filter(Boolean))].join(', '),
    slaResolveDays: r.sla,
    attributes: readAttributes(r.attributes, locale),
  }));
}

export function presentService(s: Service) {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.help || null,
    metadata: s.attributes.length > 0,
    type: 'realtime',
    keywords: s.keywords || null,
    group: s.department,
  };
}

export function presentDefinition(s: Service) {
  return { service_code: s.code, attributes: s.attributes.map(presentAttribute) };
}

/** What the city promises for a category: its resolution deadline, when one is set. */
export function serviceNotice(t: Translate, slaResolveDays: number | null): string | null {
  return slaResolveDays ? t('reports.open311.serviceNotice', { days: slaResolveDays }) : null;
}
