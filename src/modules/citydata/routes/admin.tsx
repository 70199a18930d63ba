// /admin/citydata: the command view (officials read it, admins manage groups and rules).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { citydataPolicy } from '../policy.ts';
import { adminOverview, openAlerts } from '../queries.ts';
import { AdminPage, type RuleFormValues } from '../pages/admin-page.tsx';
import { createGroup, revokeGroup } from '../commands/groups.ts';
import { createRule, setRuleActive } from '../commands/rules.ts';
import { ENTITY_TYPES } from '../model.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';

/** Behind the guard the actor is always a signed-in user. */
function actorId(req: FastifyRequest): string {
  return req.actor.kind === 'user' ? req.actor.id : '';
}

function guard(action: 'citydata.command' | 'citydata.manage') {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/citydata')}`, 303);
    if (!citydataPolicy.can(req.actor, action)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
  };
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const groupBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'entityType'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120 },
    entityType: { type: 'string', enum: ENTITY_TYPES },
    department: { type: 'string', pattern: '^[0-9]*$', maxLength: 10 },
    staleAfter: { type: 'string', pattern: '^[0-9]{1,6}$' },
    public: { type: 'string', enum: ['on'] },
  },
} as const;
const ruleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'entityType', 'attr', 'direction', 'threshold', 'reset', 'action'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120 },
    entityType: { type: 'string', enum: ENTITY_TYPES },
    attr: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
    direction: { type: 'string', enum: ['above', 'below'] },
    threshold: { type: 'string', pattern: '^-?[0-9]+([.,][0-9]+)?$' },
    reset: { type: 'string', pattern: '^-?[0-9]+([.,][0-9]+)?$' },
    action: { type: 'string', enum: ['work_order', 'public_alert', 'alert'] },
    category: { type: 'string', maxLength: 60 },
  },
} as const;

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, extra: { groupErrors?: FieldError[]; ruleErrors?: FieldError[]; rule?: RuleFormValues } = {}, status = 200) =>
    reply.page(
      req.t('citydata.admin.title'),
      <AdminPage page={await req.pageContext()} data={await adminOverview(ctx)} alerts={await openAlerts(ctx, false)} canManage={citydataPolicy.can(req.actor, 'citydata.manage')} {...extra} />,
      { status },
    );

  app.get('/admin/citydata', { schema: { hide: true }, preHandler: guard('citydata.command') }, async (req, reply) => render(req, reply));

  app.post('/admin/citydata/groups', { schema: { hide: true, body: groupBody }, attachValidation: true, preHandler: guard('citydata.manage') }, async (req, reply) => {
    const errors = formErrors(req, { name: 'citydata.err.name', entityType: 'citydata.err.type', staleAfter: 'citydata.err.number', department: 'citydata.err.number' });
    if (errors.length) return render(req, reply, { groupErrors: errors }, 400);
    const dep = str(req.body, 'department');
    const outcome = await createGroup(ctx.database, {
      name: str(req.body, 'name') ?? '',
      entityType: str(req.body, 'entityType') ?? '',
      departmentId: dep ? Number(dep) : null,
      public: str(req.body, 'public') === 'on',
      staleAfterMinutes: Number(str(req.body, 'staleAfter') ?? 120),
    });
    if (outcome.kind === 'invalid') return render(req, reply, { groupErrors: outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })) }, 400);
    await recordAudit(ctx.database, { actorId: actorId(req), action: 'citydata.group.create', subjectType: 'citydata_group', subjectId: String(outcome.id), details: {} });
    // The key is shown once, on this response only (never in a redirect or a cookie).
    return reply.page(
      req.t('citydata.admin.title'),
      <AdminPage page={await req.pageContext()} data={await adminOverview(ctx)} alerts={await openAlerts(ctx, false)} canManage newKey={outcome.apiKey} />,
      { status: 201 },
    );
  });

  app.post<{ Params: { id: number } }>('/admin/citydata/groups/:id/revoke', { schema: { hide: true, params: idParams }, preHandler: guard('citydata.manage') }, async (req, reply) => {
    if (!(await revokeGroup(ctx.database, req.params.id))) return reply.callNotFound();
    await recordAudit(ctx.database, { actorId: actorId(req), action: 'citydata.group.revoke', subjectType: 'citydata_group', subjectId: String(req.params.id), details: {} });
    return reply.redirectWithNotice('/admin/citydata', 'citydata.admin.keyRevoked');
  });

  app.post('/admin/citydata/rules', { schema: { hide: true, body: ruleBody }, attachValidation: true, preHandler: guard('citydata.manage') }, async (req, reply) => {
    const names = ['name', 'entityType', 'attr', 'direction', 'threshold', 'reset', 'action', 'category'] as const;
    const values = Object.fromEntries(names.map((n) => [n, str(req.body, n)])) as RuleFormValues;
    const errors = formErrors(req, { name: 'citydata.err.name', entityType: 'citydata.err.type', attr: 'citydata.err.attr', threshold: 'citydata.err.number', reset: 'citydata.err.number', direction: 'citydata.err.type', action: 'citydata.err.type', category: 'citydata.err.category' });
    if (errors.length) return render(req, reply, { ruleErrors: errors, rule: values }, 400);
    const num = (s: string | undefined) => Number((s ?? '').replace(',', '.'));
    const outcome = await createRule(ctx.database, {
      name: values.name ?? '',
      entityType: values.entityType ?? '',
      attr: values.attr ?? '',
      direction: values.direction === 'below' ? 'below' : 'above',
      threshold: num(values.threshold),
      reset: num(values.reset),
      action: values.action as 'work_order' | 'public_alert' | 'alert',
      categoryCode: values.category || null,
    });
    if (outcome.kind === 'invalid') return render(req, reply, { ruleErrors: outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), rule: values }, 400);
    await recordAudit(ctx.database, { actorId: actorId(req), action: 'citydata.rule.create', subjectType: 'citydata_rule', subjectId: String(outcome.id), details: { ...values } });
    return reply.redirectWithNotice('/admin/citydata', 'citydata.admin.ruleCreated');
  });

  app.post<{ Params: { id: number } }>('/admin/citydata/rules/:id/toggle', { schema: { hide: true, params: idParams }, preHandler: guard('citydata.manage') }, async (req, reply) => {
    const [rule] = await ctx.database.query<{ active: boolean }>('select active from citydata_rules where id = $1', [req.params.id]);
    if (!rule) return reply.callNotFound();
    await setRuleActive(ctx.database, req.params.id, !rule.active);
    return reply.redirectWithNotice('/admin/citydata', 'citydata.admin.ruleToggled');
  });
}
