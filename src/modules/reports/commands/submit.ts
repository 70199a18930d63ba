// Filing a report: validate the place and category, mask personal data for the public text,
// re-encode photos, route to a department, and record everything in one transaction. Retries with
// the same idempotency key return the first report instead of creating a second.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { LngLat } from '../../../core/db/geometry.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { randomToken, sha256 } from '../../../core/auth/tokens.ts';
import { placeInDistrict, placePoint, routeToDepartment } from '../location.ts';
import { processPhoto, MAX_PHOTOS, type ProcessedPhoto } from '../photos.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { enqueueAreaAlerts } from '../alerts/area-alerts-job.ts';

export interface SubmitInput {
  categoryId: number;
  point?: LngLat | undefined;
  districtId?: number | undefined;
  address?: string | undefined;
  description: string;
  showName: boolean;
  photos: Buffer[];
  /** For people without an account: the report waits for an emailed confirmation. */
  contact?: { name: string; email: string } | undefined;
  source: 'web' | 'open311';
  idempotencyKey?: string | undefined;
  apiKeyId?: number | undefined;
  deviceId?: string | undefined;
}

export type SubmitOutcome =
  | { kind: 'created'; id: number; status: 'new' | 'unconfirmed' }
  | { kind: 'repeated'; id: number }
  | { kind: 'invalid'; errors: FieldError[] };

export async function submitReport(ctx: AppContext, actor: Actor, input: SubmitInput): Promise<SubmitOutcome> {
  const errors: FieldError[] = [];
  const [category] = await ctx.database.query<{ id: number; name_ro: string }>('select id, name_ro from categories where id = $1 and active', [input.categoryId]);
  if (!category) errors.push({ field: 'category', reason: 'reports.err.category' });
  if (!input.description.trim()) errors.push({ field: 'description', reason: 'reports.err.description' });
  // Open311 clients answer for their users through their API key; an address for them is optional.
  if (actor.kind === 'anonymous' && input.source === 'web' && !input.contact) errors.push({ field: 'email', reason: 'reports.err.contact' });
  if (input.photos.length > MAX_PHOTOS) errors.push({ field: 'photos', reason: 'reports.err.tooManyPhotos' });

  let place = input.point ? await placePoint(ctx.database, input.point) : input.districtId ? await placeInDistrict(ctx.database, input.districtId) : undefined;
  if (!place) errors.push({ field: 'location', reason: 'reports.err.location' });
  else if (place.kind === 'outside_city') errors.push({ field: 'location', reason: 'reports.err.outsideCity' });
  else if (place.kind === 'unknown_district') errors.push({ field: 'district', reason: 'reports.err.district' });

  const photos: ProcessedPhoto[] = [];
  for (const buf of input.photos.slice(0, MAX_PHOTOS)) {
    const p = await processPhoto(buf);
    if (p.kind === 'ok') photos.push(p.photo);
    else errors.push({ field: 'photos', reason: p.kind === 'too_large' ? 'reports.err.photoTooLarge' : p.kind === 'too_small' ? 'reports.err.photoTooSmall' : 'reports.err.notImage' });
  }
  if (errors.length || !place || place.kind !== 'ok' || !category) return { kind: 'invalid', errors };

  if (input.idempotencyKey) {
    const [prior] = await ctx.database.query<{ id: number }>('select id::int as id from reports where idempotency_key = $1', [input.idempotencyKey]);
    if (prior) return { kind: 'repeated', id: prior.id };
  }

  const departmentId = await routeToDepartment(ctx.database, category.id, place.districtId);
  const masked = maskPersonalData(input.description.trim());
  const needsConfirmation = actor.kind === 'anonymous' && input.source === 'web';
  const confirmToken = needsConfirmation ? randomToken() : undefined;
  const status = needsConfirmation ? 'unconfirmed' : 'new';
  const point = place.point;
  const districtId = place.districtId;

  // Read before the transaction: on PGlite a query outside it would wait for it to end.
  const city = confirmToken && input.contact ? await ctx.settings.city() : undefined;
  try {
    return await ctx.database.transaction(async (tx) => {
      const [row] = await tx.query<{ id: number }>(
        `insert into reports (category_id, department_id, district_id, location, address, description, description_public,
           reporter_id, contact_name, contact_email, show_name, status, source, api_key_id, device_id, idempotency_key, confirm_token_hash)
         values ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         returning id::int as id`,
        [
          category.id,
          departmentId,
          districtId,
          point.lng,
          point.lat,
          input.address?.trim() || null,
          input.description.trim(),
          masked.text,
          actor.kind === 'user' ? actor.id : null,
          input.contact?.name ?? null,
          input.contact?.email.toLowerCase() ?? null,
          input.showName,
          status,
          input.source,
          input.apiKeyId ?? null,
          input.deviceId ?? null,
          input.idempotencyKey ?? null,
          confirmToken ? sha256(confirmToken) : null,
        ],
      );
      const id = row!.id;
      for (const [i, p] of photos.entries()) {
        await tx.query('insert into report_photos (report_id, ordinal, content_type, width, height, image, thumb) values ($1, $2, $3, $4, $5, $6, $7)', [
          id,
          i,
          p.contentType,
          p.width,
          p.height,
          p.image,
          p.thumb,
        ]);
      }
      await tx.query(`insert into report_updates (report_id, author_id, kind, status_to, public) values ($1, $2, 'created', $3, true)`, [
        id,
        actor.kind === 'user' ? actor.id : null,
        status,
      ]);
      if (actor.kind === 'user') await tx.query('insert into report_followers (report_id, user_id) values ($1, $2) on conflict do nothing', [id, actor.id]);
      if (confirmToken && input.contact && city) {
        const t = ctx.catalog.translator('ro');
        await ctx.mail.enqueue(
          {
            to: input.contact.email,
            subject: t('reports.mail.confirm.subject', { city: city.name }),
            text: t('reports.mail.confirm.body', { name: input.contact.name, id, link: `${ctx.config.baseUrl}/reports/confirm?token=${confirmToken}` }),
          },
          tx,
        );
      } else {
        await afterPublished(ctx, tx, id, masked.text);
      }
      return { kind: 'created', id, status } as const;
    });
  } catch (err) {
    // A concurrent retry with the same idempotency key won the race: answer with its report.
    if (input.idempotencyKey && /idempotency_key|unique/i.test(String((err as Error).message))) {
      const [prior] = await ctx.database.query<{ id: number }>('select id::int as id from reports where idempotency_key = $1', [input.idempotencyKey]);
      if (prior) return { kind: 'repeated', id: prior.id };
    }
    throw err;
  }
}

type Tx = Parameters<Parameters<AppContext['database']['transaction']>[0]>[0];

/** A report becomes public: announce it and hand it to the department's sender. */
export async function afterPublished(ctx: AppContext, tx: Tx, id: number, publicText: string): Promise<void> {
  await ctx.events.publish({ type: 'report.created', public: true, payload: { id, title: publicText.slice(0, 80) } }, tx);
  await ctx.jobs.enqueue('reports.dispatch', { reportId: id }, { dedupeKey: `reports.dispatch:${id}` }, tx);
  await enqueueAreaAlerts(ctx, tx, id);
}
