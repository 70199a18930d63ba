// What an Open311 client sent with a report, for the people handling it: the client, the contact
// fields and the attribute answers worded with the category's own questions. Staff only: nothing
// here may reach a public page or a public JSON shape.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import { readAttributes } from './attributes.ts';

export interface Open311Submission {
  /** The API key's label; null when the key was deleted since. */
  client: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  deviceId: string | null;
  accountId: string | null;
  mediaUrl: string | null;
  answers: { code: string; label: string; value: string }[];
}

export async function loadOpen311Submission(ctx: AppContext, reportId: number, locale: Locale): Promise<Open311Submission | null> {
  // The questions are those of the category the client answered: the first one the report had,
  // even when staff have moved it to another category since.
  const [row] = await ctx.database.query<Omit<Open311Submission, 'answers'> & { answered: Record<string, string | string[]>; definitions: unknown }>(
    `select k.label as client, d.name, r.contact_email as email, d.phone, d.device_id as "deviceId", d.account_id as "accountId",
            d.media_url as "mediaUrl", d.attributes as answered, coalesce(s.attributes, '[]'::jsonb) as definitions
     from open311_request_details d join reports r on r.id = d.report_id
       left join open311_api_keys k on k.id = d.api_key_id
       left join report_category_settings s on s.category_id = coalesce(
         (select (ru.details->>'categoryFrom')::int from report_updates ru
          where ru.report_id = r.id and ru.details ? 'categoryFrom' order by ru.created_at, ru.id limit 1),
         r.category_id)
     where d.report_id = $1`,
    [reportId],
  );
  if (!row) return null;
  const { answered, definitions, ...contact } = row;
  const questions = readAttributes(definitions, locale);
  const answers = Object.entries(answered ?? {}).map(([code, value]) => {
    const q = questions.find((a) => a.code === code);
    // List answers read in the list's own order, whatever order the client sent them in.
    const rank = (k: string) => q?.values.findIndex((v) => v.key === k) ?? -1;
    const keys = (Array.isArray(value) ? [...value] : [value]).sort((a, b) => rank(a) - rank(b));
    const words = keys.map((k) => q?.values.find((v) => v.key === k)?.name ?? k).join(', ');
    return { code, label: q?.description || code, value: words, order: q?.order ?? Number.MAX_SAFE_INTEGER };
  });
  answers.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  return { ...contact, answers: answers.map(({ order: _order, ...a }) => a) };
}
