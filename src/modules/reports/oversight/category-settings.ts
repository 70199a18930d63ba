// Read and write one category's report settings (SLA days, help texts, group, Open311 attributes).
// A category without a settings row shows the column defaults; saving creates the row. Every save
// writes its audit row in the same transaction.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { DEFAULT_SLA } from './sla.ts';
import type { Open311Attribute } from './open311-attributes.ts';

export interface CategorySettingsRow {
  id: number;
  code: string;
  name: string;
  department: string | null;
  active: boolean;
  group: string;
  slaAckDays: number;
  slaResolveDays: number;
  helpRo: string;
  helpEn: string;
  helpHu: string;
  attributes: Open311Attribute[];
}

export interface CategorySettingsInput {
  group: string;
  slaAckDays: number;
  slaResolveDays: number;
  helpRo: string;
  helpEn: string;
  helpHu: string;
  attributes: Open311Attribute[];
}

const SELECT = (locale: Locale) => `
  select c.id, c.code, c.${({ ro: 'name_ro', en: 'name_en', hu: 'name_hu' })[locale]} as name, d.name as department, c.active,
         coalesce(s.group_code, 'other') as group, coalesce(s.sla_ack_days, ${DEFAULT_SLA.ackDays}) as "slaAckDays",
         coalesce(s.sla_resolve_days, ${DEFAULT_SLA.resolveDays}) as "slaResolveDays",
         coalesce(s.help_ro, '') as "helpRo", coalesce(s.help_en, '') as "helpEn", coalesce(s.help_hu, '') as "helpHu",
         coalesce(s.attributes, '[]'::jsonb) as attributes
  from categories c left join departments d on d.id = c.department_id left join report_category_settings s on s.category_id = c.id`;

export async function listCategorySettings(ctx: AppContext, locale: Locale): Promise<CategorySettingsRow[]> {
  return ctx.database.query<CategorySettingsRow>(`${SELECT(locale)} order by d.name nulls last, c.code`);
}

export async function findCategorySettings(ctx: AppContext, locale: Locale, categoryId: number): Promise<CategorySettingsRow | undefined> {
  const [row] = await ctx.database.query<CategorySettingsRow>(`${SELECT(locale)} where c.id = $1`, [categoryId]);
  return row;
}

export type SaveSettingsOutcome = { kind: 'saved' } | { kind: 'not_found' };

export async function saveCategorySettings(ctx: AppContext, actorId: string, categoryId: number, input: CategorySettingsInput): Promise<SaveSettingsOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [cat] = await tx.query('select 1 from categories where id = $1 for update', [categoryId]);
    if (!cat) return { kind: 'not_found' } as const;
    const [before] = await tx.query<CategorySettingsInput>(
      `select group_code as group, sla_ack_days as "slaAckDays", sla_resolve_days as "slaResolveDays",
              help_ro as "helpRo", help_en as "helpEn", help_hu as "helpHu", attributes
       from report_category_settings where category_id = $1`,
      [categoryId],
    );
    await tx.query(
      `insert into report_category_settings (category_id, group_code, sla_ack_days, sla_resolve_days, help_ro, help_en, help_hu, attributes)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (category_id) do update set group_code = excluded.group_code, sla_ack_days = excluded.sla_ack_days,
         sla_resolve_days = excluded.sla_resolve_days, help_ro = excluded.help_ro, help_en = excluded.help_en,
         help_hu = excluded.help_hu, attributes = excluded.attributes`,
      [categoryId, input.group, input.slaAckDays, input.slaResolveDays, input.helpRo, input.helpEn, input.helpHu, JSON.stringify(input.attributes)],
    );
    await recordAudit(tx, { actorId, action: 'report_category.settings', subjectType: 'category', subjectId: categoryId, details: { before: before ?? null, after: input } });
    return { kind: 'saved' } as const;
  });
}
