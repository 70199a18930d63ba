// /my/alerts: list, create (point + radius, or district) and delete area alerts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import { districtOptions } from '../queries.ts';
import { createAlert, deleteAlert, listAlerts, MAX_ALERTS_PER_PERSON, type AlertInput } from './alerts.ts';
import { AlertsPage, type AlertFormValues } from './alerts-page.tsx';

const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: ['point', 'district'] },
    lat: { type: 'string', maxLength: 30 },
    lng: { type: 'string', maxLength: 30 },
    radius: { type: 'integer', minimum: 50, maximum: 5000 },
    district: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
} as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

/** Accepts "46.77" and the comma decimals people type in Romanian and Hungarian ("46,77"). */
function coordinate(v: string | undefined): number | undefined {
  if (!v?.trim()) return undefined;
  const n = Number(v.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function registerAlertRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function render(req: FastifyRequest, reply: FastifyReply, values?: AlertFormValues, errors?: FieldError[], status = 200) {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/my/alerts', 303);
    const [alerts, districts] = await Promise.all([listAlerts(ctx, req.actor.id), districtOptions(ctx)]);
    return reply.page(req.t('reports.alerts.title'), <AlertsPage page={await req.pageContext()} alerts={alerts} districts={districts} values={values} errors={errors} />, { status });
  }

  app.get('/my/alerts', { schema: { hide: true } }, async (req, reply) => render(req, reply));

  app.post('/my/alerts', { schema: { hide: true, body: createBody }, attachValidation: true }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/my/alerts', 303);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values: AlertFormValues = Object.fromEntries(['lat', 'lng', 'radius', 'district'].filter((k) => raw[k] !== undefined).map((k) => [k, String(raw[k])]));
    const errors = formErrors(req, { kind: 'reports.alerts.err.point', lat: 'reports.alerts.err.point', lng: 'reports.alerts.err.point', radius: 'reports.alerts.err.radius', district: 'reports.alerts.err.district' });
    if (errors.length) return render(req, reply, values, errors, 400);
    const b = req.body as { kind: 'point' | 'district'; lat?: string; lng?: string; radius?: number; district?: number };
    let input: AlertInput;
    if (b.kind === 'district') {
      if (b.district === undefined) return render(req, reply, values, [{ field: 'district', reason: req.t('reports.alerts.err.district') }], 400);
      input = { kind: 'district', districtId: b.district };
    } else {
      const lat = coordinate(b.lat);
      const lng = coordinate(b.lng);
      const missing: FieldError[] = [];
      if (lat === undefined) missing.push({ field: 'lat', reason: req.t('reports.alerts.err.point') });
      if (lng === undefined) missing.push({ field: 'lng', reason: req.t('reports.alerts.err.point') });
      if (b.radius === undefined) missing.push({ field: 'radius', reason: req.t('reports.alerts.err.radius') });
      if (missing.length) return render(req, reply, values, missing, 400);
      input = { kind: 'point', lat: lat!, lng: lng!, radiusM: b.radius! };
    }
    const outcome = await createAlert(ctx, req.actor, input);
    switch (outcome.kind) {
      case 'forbidden':
        return reply.redirect('/login?next=/my/alerts', 303);
      case 'too_many':
        return render(req, reply, values, [{ field: b.kind === 'district' ? 'district' : 'lat', reason: req.t('reports.alerts.err.tooMany', { max: MAX_ALERTS_PER_PERSON }) }], 409);
      case 'invalid':
        return render(req, reply, values, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), 400);
      case 'created':
        return reply.redirectWithNotice('/my/alerts', 'reports.alerts.created');
    }
  });

  app.post<{ Params: { id: number } }>('/my/alerts/:id/delete', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/my/alerts', 303);
    const outcome = await deleteAlert(ctx, req.actor, req.params.id);
    if (outcome.kind === 'not_found') return reply.callNotFound();
    return reply.redirectWithNotice('/my/alerts', 'reports.alerts.deleted');
  });
}
