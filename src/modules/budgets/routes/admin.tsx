// Admin setup: editions, their phases, budgets and categories, and closing the vote.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import { listEditions } from '../queries.ts';
import { loadBudget } from '../budget-config.ts';
import { PHASES, type Phase } from '../model.ts';
import { addCategory, saveBudget, saveEdition, setPhase } from '../commands/editions.ts';
import { closeVoting } from '../commands/results.ts';
import { parseBudgetForm, type BudgetForm } from '../commands/budget-input.ts';
import { AdminEditionsPage, type EditionFormValues } from '../pages/admin-list-page.tsx';
import { BudgetFieldsForm, budgetFormValues } from '../pages/budget-fields.tsx';
import { districts } from './public.tsx';
import { idParams } from './common.tsx';
import { actorId, adminOnly, editionBody, editionInput, editionMessages, localized, renderAdminEdition } from './admin-shared.tsx';

const s = (max: number) => ({ type: 'string', maxLength: max }) as const;
const budgetBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: s(200), area: s(12), amount: s(40), currency: s(3), minProjectCost: s(40), maxProjectCost: s(40), voteType: s(20), approvalMin: s(7), approvalMax: s(7),
    pointsPerProject: s(7), pointsTotal: s(7), ordinalMax: s(7), rule: s(30), scoreThreshold: s(40), allowBallotChange: s(3),
  },
} as const;

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const guarded = { preHandler: adminOnly };

  app.get('/admin/budgets', { ...guarded, schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('pb.admin.title'), <AdminEditionsPage page={await req.pageContext()} editions={await listEditions(ctx, { drafts: true })} />);
  });

  app.post<{ Body: EditionFormValues }>('/admin/budgets/editions', { ...guarded, schema: { hide: true, body: editionBody }, attachValidation: true }, async (req, reply) => {
    const v = req.body ?? {};
    const schemaErrors = formErrors(req, editionMessages);
    const outcome = schemaErrors.length ? { kind: 'invalid' as const, errors: schemaErrors } : await saveEdition(ctx, actorId(req), null, editionInput(v));
    if (outcome.kind === 'saved') return reply.redirectWithNotice(`/admin/budgets/editions/${outcome.id}`, 'pb.admin.created');
    const errors = outcome.kind === 'invalid' ? (schemaErrors.length ? schemaErrors : localized(req, outcome.errors)) : [];
    return reply.page(req.t('pb.admin.title'), <AdminEditionsPage page={await req.pageContext()} editions={await listEditions(ctx, { drafts: true })} values={v} errors={errors} />, { status: 400 });
  });

  app.get<{ Params: { id: number } }>('/admin/budgets/editions/:id', { ...guarded, schema: { hide: true, params: idParams } }, async (req, reply) => renderAdminEdition(ctx, req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: EditionFormValues }>(
    '/admin/budgets/editions/:id',
    { ...guarded, schema: { hide: true, params: idParams, body: editionBody }, attachValidation: true },
    async (req, reply) => {
      const v = req.body ?? {};
      const schemaErrors = formErrors(req, editionMessages);
      if (schemaErrors.length) return renderAdminEdition(ctx, req, reply, req.params.id, { form: 'edition', errors: schemaErrors, values: v }, 400);
      const outcome = await saveEdition(ctx, actorId(req), req.params.id, editionInput(v));
      if (outcome.kind === 'saved') return reply.redirectWithNotice(`/admin/budgets/editions/${outcome.id}`, 'pb.admin.saved');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      return renderAdminEdition(ctx, req, reply, req.params.id, { form: 'edition', errors: localized(req, outcome.errors), values: v }, 400);
    },
  );

  app.post<{ Params: { id: number }; Body: { phase: Phase } }>(
    '/admin/budgets/editions/:id/phase',
    { ...guarded, schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['phase'], properties: { phase: { type: 'string', enum: [...PHASES] } } } }, attachValidation: true },
    async (req, reply) => {
      const fail = (key: string, params = {}) => renderAdminEdition(ctx, req, reply, req.params.id, { form: 'phase', errors: [{ field: 'phase', reason: req.t(key, params) }] }, 409);
      if (req.validationError) return fail('pb.admin.err.phase');
      const outcome = await setPhase(ctx, actorId(req), req.params.id, req.body.phase);
      switch (outcome.kind) {
        case 'changed':
          return reply.redirectWithNotice(`/admin/budgets/editions/${req.params.id}`, 'pb.admin.phaseChanged');
        case 'not_found':
          return reply.callNotFound();
        case 'no_budgets':
          return fail('pb.admin.err.noBudgets');
        case 'not_allowed':
          return fail(outcome.from === 'voting' && outcome.to === 'results' ? 'pb.admin.err.useClose' : 'pb.admin.err.phaseMove', { from: req.t(`pb.phase.${outcome.from}`), to: req.t(`pb.phase.${outcome.to}`) });
      }
    },
  );

  app.post<{ Params: { id: number } }>('/admin/budgets/editions/:id/close', { ...guarded, schema: { hide: true, params: idParams } }, async (req, reply) => {
    const outcome = await closeVoting(ctx, actorId(req), req.params.id);
    const fail = (reason: string) => renderAdminEdition(ctx, req, reply, req.params.id, { form: 'close', errors: [{ field: 'phase', reason }] }, 409);
    switch (outcome.kind) {
      case 'closed':
        return reply.redirectWithNotice(`/budgets/editions/${req.params.id}`, 'pb.admin.closed');
      case 'not_found':
        return reply.callNotFound();
      case 'wrong_phase':
        return fail(req.t('pb.admin.err.notVoting', { phase: req.t(`pb.phase.${outcome.phase}`) }));
      case 'tally_failed':
        return fail(req.t('pb.admin.err.tally', { budget: outcome.budget, message: outcome.message }));
    }
  });

  app.post<{ Params: { id: number }; Body: BudgetForm }>(
    '/admin/budgets/editions/:id/budgets',
    { ...guarded, schema: { hide: true, params: idParams, body: budgetBody }, attachValidation: true },
    async (req, reply) => {
      const v = req.body ?? {};
      const back = (errors: { field: string; reason: string }[], status = 400) => renderAdminEdition(ctx, req, reply, req.params.id, { form: 'budget', errors: localized(req, errors), values: v }, status);
      if (req.validationError) return back([{ field: 'name', reason: 'pb.admin.err.budgetName' }]);
      const parsed = parseBudgetForm(v);
      if (!parsed.ok) return back(parsed.errors);
      const outcome = await saveBudget(ctx, actorId(req), req.params.id, null, parsed.value);
      if (outcome.kind === 'saved') return reply.redirectWithNotice(`/admin/budgets/editions/${req.params.id}`, 'pb.admin.budgetSaved');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      if (outcome.kind === 'locked') return back([{ field: 'name', reason: 'pb.admin.budgetsLocked' }], 409);
      return back(outcome.errors);
    },
  );

  const renderBudget = async (req: Parameters<typeof adminOnly>[0], reply: Parameters<typeof adminOnly>[1], id: number, values?: BudgetForm, errors?: { field: string; reason: string }[], status = 200) => {
    const budget = await loadBudget(ctx.database, id);
    if (!budget) return reply.callNotFound();
    return reply.page(
      req.t('pb.admin.editBudget', { budget: budget.name }),
      <section aria-labelledby="budget-edit-heading">
        <p class="muted">
          <a href={`/admin/budgets/editions/${budget.editionId}`}>{req.t('pb.admin.backToEdition')}</a>
        </p>
        <h1 id="budget-edit-heading">{req.t('pb.admin.editBudget', { budget: budget.name })}</h1>
        <BudgetFieldsForm page={await req.pageContext()} action={`/admin/budgets/budgets/${id}`} districts={await districts(ctx)} values={values ?? budgetFormValues(budget)} errors={errors} submitLabel={req.t('pb.admin.save')} />
      </section>,
      { status },
    );
  };

  app.get<{ Params: { id: number } }>('/admin/budgets/budgets/:id', { ...guarded, schema: { hide: true, params: idParams } }, async (req, reply) => renderBudget(req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: BudgetForm }>(
    '/admin/budgets/budgets/:id',
    { ...guarded, schema: { hide: true, params: idParams, body: budgetBody }, attachValidation: true },
    async (req, reply) => {
      const v = req.body ?? {};
      const budget = await loadBudget(ctx.database, req.params.id);
      if (!budget) return reply.callNotFound();
      const parsed = req.validationError ? { ok: false as const, errors: [{ field: 'name', reason: 'pb.admin.err.budgetName' }] } : parseBudgetForm(v);
      if (!parsed.ok) return renderBudget(req, reply, budget.id, v, localized(req, parsed.errors), 400);
      const outcome = await saveBudget(ctx, actorId(req), budget.editionId, budget.id, parsed.value);
      if (outcome.kind === 'saved') return reply.redirectWithNotice(`/admin/budgets/editions/${budget.editionId}`, 'pb.admin.budgetSaved');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      const errors = outcome.kind === 'locked' ? [{ field: 'name', reason: 'pb.admin.budgetsLocked' }] : outcome.errors;
      return renderBudget(req, reply, budget.id, v, localized(req, errors), outcome.kind === 'locked' ? 409 : 400);
    },
  );

  app.post<{ Params: { id: number }; Body: { category: string } }>(
    '/admin/budgets/editions/:id/categories',
    { ...guarded, schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['category'], properties: { category: s(100) } } }, attachValidation: true },
    async (req, reply) => {
      const outcome = req.validationError ? { kind: 'invalid' as const, errors: [{ field: 'category', reason: 'pb.admin.err.category' }] } : await addCategory(ctx, actorId(req), req.params.id, req.body.category);
      if (outcome.kind === 'added') return reply.redirectWithNotice(`/admin/budgets/editions/${req.params.id}`, 'pb.admin.categoryAdded');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      return renderAdminEdition(ctx, req, reply, req.params.id, { form: 'category', errors: localized(req, outcome.errors) }, 400);
    },
  );
}
