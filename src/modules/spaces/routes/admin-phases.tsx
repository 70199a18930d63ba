// /admin/spaces/:id/phases: add, edit, activate, reorder and delete the phases of a process.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { adminActor, sendNotFound } from '../../../core/admin/guard.tsx';
import { PHASE_FLAGS, type PhaseSettings } from '../model.ts';
import { findPhase, findSpace, spacePhases } from '../queries.ts';
import { activatePhase, addPhase, deletePhase, moveWithinSpace, updatePhase, type PhaseInput } from '../commands/phases.ts';
import { AdminPhasePage, AdminPhasesPage } from '../pages/admin-structure.tsx';
import { childParams, FIELD_MESSAGES, guard, phaseBody, spaceIdParams } from './admin-guard.tsx';

type Values = Record<string, string | undefined>;
type IdReq = FastifyRequest<{ Params: { id: number } }>;
type PhaseReq = FastifyRequest<{ Params: { id: number; phaseId: number } }>;

const PHASE_NAMES = ['title', 'description', 'startsOn', 'endsOn', ...PHASE_FLAGS];
const moveBody = { type: 'object', additionalProperties: false, required: ['direction'], properties: { direction: { type: 'string', enum: ['up', 'down'] } } } as const;

function phaseInput(v: Values): PhaseInput {
  return {
    title: v.title!,
    description: v.description ?? '',
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    settings: Object.fromEntries(PHASE_FLAGS.map((f) => [f, v[f] === 'on'])) as PhaseSettings,
  };
}

export function registerPhaseAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function listPage(req: IdReq, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    if (!space) return sendNotFound(req, reply);
    const phases = await spacePhases(ctx.database, space.id);
    return reply.page(`${space.title}: ${req.t('spaces.admin.phases')}`, <AdminPhasesPage page={await req.pageContext()} space={space} phases={phases} errors={errors} values={v} />, { status });
  }

  async function editPage(req: PhaseReq, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    const phase = space && (await findPhase(ctx.database, space.id, req.params.phaseId));
    if (!space || !phase) return sendNotFound(req, reply);
    return reply.page(req.t('spaces.admin.editPhase', { name: phase.title }), <AdminPhasePage page={await req.pageContext()} space={space} phase={phase} errors={errors} values={v} />, { status });
  }

  const base = '/admin/spaces/:id/phases';
  app.get(base, { schema: { hide: true, params: spaceIdParams }, ...guard }, async (req: IdReq, reply) => listPage(req, reply));

  app.post(base, { schema: { hide: true, params: spaceIdParams, body: phaseBody }, attachValidation: true, ...guard }, async (req: IdReq, reply) => {
    const v = Object.fromEntries(PHASE_NAMES.map((n) => [n, str(req.body, n)]));
    const errors = formErrors(req, FIELD_MESSAGES);
    if (errors.length) return listPage(req, reply, errors, v, 400);
    const outcome = await addPhase(ctx, adminActor(req).id, req.params.id, phaseInput(v));
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    if (outcome.kind === 'bad_dates') return listPage(req, reply, [{ field: 'endsOn', reason: req.t('spaces.err.dates') }], v, 400);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/phases`, 'spaces.notice.phaseSaved');
  });

  app.post(`${base}/deactivate`, { schema: { hide: true, params: spaceIdParams }, ...guard }, async (req: IdReq, reply) => {
    const outcome = await activatePhase(ctx, adminActor(req).id, req.params.id, null);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/phases`, 'admin.notice.saved');
  });

  const one = `${base}/:phaseId`;
  const params = childParams('phaseId');
  app.get(one, { schema: { hide: true, params }, ...guard }, async (req: PhaseReq, reply) => editPage(req, reply));

  app.post(one, { schema: { hide: true, params, body: phaseBody }, attachValidation: true, ...guard }, async (req: PhaseReq, reply) => {
    const v = Object.fromEntries(PHASE_NAMES.map((n) => [n, str(req.body, n)]));
    const errors = formErrors(req, FIELD_MESSAGES);
    if (errors.length) return editPage(req, reply, errors, v, 400);
    const outcome = await updatePhase(ctx, adminActor(req).id, req.params.id, req.params.phaseId, phaseInput(v));
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    if (outcome.kind === 'bad_dates') return editPage(req, reply, [{ field: 'endsOn', reason: req.t('spaces.err.dates') }], v, 400);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/phases`, 'spaces.notice.phaseSaved');
  });

  app.post(`${one}/activate`, { schema: { hide: true, params }, ...guard }, async (req: PhaseReq, reply) => {
    const outcome = await activatePhase(ctx, adminActor(req).id, req.params.id, req.params.phaseId);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/phases`, 'admin.notice.saved');
  });

  app.post(`${one}/move`, { schema: { hide: true, params, body: moveBody }, ...guard }, async (req: PhaseReq, reply) => {
    const outcome = await moveWithinSpace(ctx, adminActor(req).id, 'space_phases', req.params.id, req.params.phaseId, (req.body as { direction: 'up' | 'down' }).direction);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirect(`/admin/spaces/${req.params.id}/phases`, 303);
  });

  app.post(`${one}/delete`, { schema: { hide: true, params }, ...guard }, async (req: PhaseReq, reply) => {
    const outcome = await deletePhase(ctx, adminActor(req).id, req.params.id, req.params.phaseId);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/phases`, 'spaces.notice.phaseDeleted');
  });
}
