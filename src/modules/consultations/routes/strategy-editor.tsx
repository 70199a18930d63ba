// The strategy-tree editor under /admin/consultations: list the tree, add a child, edit, move up or
// down, delete (refused with the reason when the node holds people's contributions).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { formErrors } from '../../../core/http/form-errors.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation, strategyTree, type Consultation } from '../queries.ts';
import { addNode, deleteNode, editNode, moveNode, type StrategyOutcome } from '../commands/strategy.ts';
import { locateNode, NODE_KINDS, parentKind, type NodeKind } from '../strategy-nodes.ts';
import { NodeFormPage, StrategyEditorPage, type NodeFormValues } from '../pages/strategy-editor.tsx';
import { guard } from './admin.tsx';

const id = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
const nodeParams = { type: 'object', required: ['kind', 'id'], properties: { kind: { type: 'string', enum: [...NODE_KINDS] }, id } } as const;
const nodeFields = { code: { type: 'string', maxLength: 12 }, title: { type: 'string', maxLength: 1000 }, description: { type: 'string', maxLength: 10000 } } as const;
const FIELD_MESSAGES = { code: 'consultations.strategy.err.code', title: 'consultations.strategy.err.title', description: 'consultations.strategy.err.description' };

type NodeBody = { code?: string; title?: string; description?: string };
const input = (b: NodeBody | undefined) => ({ code: b?.code ?? '', title: b?.title ?? '', description: b?.description ?? '' });
const nodeLabel = (n: { code: string; title: string }) => (n.code ? `${n.code}. ${n.title}` : n.title);

export function registerStrategyEditorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const forbidden = (req: FastifyRequest, reply: FastifyReply) => reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });

  /** The consultation when the admin may edit its strategy; otherwise the reply is already sent. */
  const editable = async (req: FastifyRequest, reply: FastifyReply, consultationId: number): Promise<Consultation | null> => {
    const c = await getConsultation(ctx.database, consultationId);
    if (!c) return (await sendNotFound(req, reply), null);
    if (!consultationPolicy.can(req.actor, 'consultation.editStrategy', c)) return (await forbidden(req, reply), null);
    return c;
  };

  const treePage = async (req: FastifyRequest, reply: FastifyReply, consultationId: number, refusal?: string) => {
    const c = await editable(req, reply, consultationId);
    if (!c) return reply;
    return reply.page(req.t('consultations.strategy.title'), <StrategyEditorPage page={await req.pageContext()} c={c} tree={await strategyTree(ctx.database, c.id)} {...(refusal ? { refusal } : {})} />, {
      status: refusal ? 409 : 200,
    });
  };

  const parentLabel = async (c: Consultation, kind: NodeKind, parentId: number) => {
    const pk = parentKind(kind);
    const parent = pk && (await locateNode(ctx.database, pk, parentId));
    return pk ? (parent && parent.consultationId === c.id ? nodeLabel(parent) : undefined) : c.title;
  };

  const newForm = async (req: FastifyRequest, reply: FastifyReply, c: Consultation, kind: NodeKind, parentId: number, values: NodeFormValues, errors?: FieldError[]) => {
    const under = await parentLabel(c, kind, parentId);
    if (under === undefined) return sendNotFound(req, reply);
    const hidden = (
      <>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="parent" value={String(parentId)} />
      </>
    );
    const heading = req.t(`consultations.strategy.add.${kind}`);
    return reply.page(
      heading,
      <NodeFormPage page={await req.pageContext()} c={c} kind={kind} heading={heading} action={`/admin/consultations/${c.id}/strategy/new`} parentLabel={under} values={values} hidden={hidden} {...(errors ? { errors } : {})} />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const editForm = async (req: FastifyRequest, reply: FastifyReply, kind: NodeKind, nodeId: number, values?: NodeFormValues, errors?: FieldError[]) => {
    const node = await locateNode(ctx.database, kind, nodeId);
    const c = node && (await editable(req, reply, node.consultationId));
    if (!node) return sendNotFound(req, reply);
    if (!c) return reply;
    const heading = req.t(`consultations.strategy.editOf.${kind}`);
    return reply.page(
      heading,
      <NodeFormPage
        page={await req.pageContext()}
        c={c}
        kind={kind}
        heading={heading}
        action={`/admin/consultations/strategy/${kind}/${nodeId}/edit`}
        {...(kind === 'ambition' ? {} : { parentLabel: await parentLabel(c, kind, node.parentId) })}
        values={values ?? node}
        {...(errors ? { errors } : {})}
      />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const answer = async (req: FastifyRequest, reply: FastifyReply, outcome: StrategyOutcome, onInvalid: (errors: FieldError[]) => Promise<FastifyReply>) => {
    const tree = (cid: number, anchor = '') => `/admin/consultations/${cid}/strategy${anchor}`;
    switch (outcome.kind) {
      case 'created':
      case 'saved':
        return reply.redirectWithNotice(tree(outcome.consultationId, `#${outcome.nodeKind}-${outcome.id}`), `consultations.strategy.notice.${outcome.kind === 'created' ? 'created' : 'updated'}`);
      case 'moved':
        return reply.redirectWithNotice(tree(outcome.consultationId), 'consultations.strategy.notice.moved');
      case 'at_edge':
        return reply.redirectWithNotice(tree(outcome.consultationId), 'consultations.strategy.notice.atEdge');
      case 'deleted':
        return reply.redirectWithNotice(tree(outcome.consultationId), 'consultations.strategy.notice.deleted');
      case 'refused':
        return treePage(req, reply, outcome.consultationId, req.t(`consultations.strategy.refused.${outcome.reason}`, { title: outcome.title }));
      case 'invalid':
        return onInvalid(outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })));
      case 'forbidden':
        return forbidden(req, reply);
      case 'not_found':
        return sendNotFound(req, reply);
    }
  };

  app.get<{ Params: { id: number } }>('/admin/consultations/:id/strategy', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => treePage(req, reply, req.params.id));

  app.get<{ Params: { id: number }; Querystring: { kind: NodeKind; parent: number } }>(
    '/admin/consultations/:id/strategy/new',
    { schema: { hide: true, params: idParams, querystring: { type: 'object', additionalProperties: false, required: ['kind', 'parent'], properties: { kind: { type: 'string', enum: [...NODE_KINDS] }, parent: id } } }, preHandler: guard },
    async (req, reply) => {
      const c = await editable(req, reply, req.params.id);
      return c ? newForm(req, reply, c, req.query.kind, req.query.parent, {}) : reply;
    },
  );

  app.post<{ Params: { id: number }; Body: NodeBody & { kind: NodeKind; parent: string } }>(
    '/admin/consultations/:id/strategy/new',
    {
      schema: {
        hide: true,
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['kind', 'parent'], properties: { kind: { type: 'string', enum: [...NODE_KINDS] }, parent: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' }, ...nodeFields } },
      },
      attachValidation: true,
      preValidation: guard,
    },
    async (req, reply) => {
      const kind = req.body?.kind;
      const parentId = Number(req.body?.parent);
      // Without a valid place in the tree there is no form to show the errors on.
      if (!kind || !NODE_KINDS.includes(kind) || !Number.isInteger(parentId) || parentId < 1) return sendNotFound(req, reply);
      const c = await editable(req, reply, req.params.id);
      if (!c) return reply;
      const errors = formErrors(req, FIELD_MESSAGES);
      if (errors.length) return newForm(req, reply, c, kind, parentId, req.body, errors);
      const outcome = await addNode(ctx, req.actor, c.id, kind, parentId, input(req.body));
      return answer(req, reply, outcome, (errs) => newForm(req, reply, c, kind, parentId, req.body, errs));
    },
  );

  app.get<{ Params: { kind: NodeKind; id: number } }>('/admin/consultations/strategy/:kind/:id/edit', { schema: { hide: true, params: nodeParams }, preHandler: guard }, async (req, reply) =>
    editForm(req, reply, req.params.kind, req.params.id),
  );

  app.post<{ Params: { kind: NodeKind; id: number }; Body: NodeBody }>(
    '/admin/consultations/strategy/:kind/:id/edit',
    { schema: { hide: true, params: nodeParams, body: { type: 'object', additionalProperties: false, properties: nodeFields } }, attachValidation: true, preValidation: guard },
    async (req, reply) => {
      const { kind, id: nodeId } = req.params;
      const errors = formErrors(req, FIELD_MESSAGES);
      if (errors.length) return editForm(req, reply, kind, nodeId, req.body ?? {}, errors);
      const outcome = await editNode(ctx, req.actor, kind, nodeId, input(req.body));
      return answer(req, reply, outcome, (errs) => editForm(req, reply, kind, nodeId, req.body, errs));
    },
  );

  app.post<{ Params: { kind: NodeKind; id: number }; Body: { direction: 'up' | 'down' } }>(
    '/admin/consultations/strategy/:kind/:id/move',
    {
      schema: { hide: true, params: nodeParams, body: { type: 'object', additionalProperties: false, required: ['direction'], properties: { direction: { type: 'string', enum: ['up', 'down'] } } } },
      preValidation: guard,
    },
    async (req, reply) => answer(req, reply, await moveNode(ctx, req.actor, req.params.kind, req.params.id, req.body.direction), async () => reply),
  );

  app.post<{ Params: { kind: NodeKind; id: number } }>(
    '/admin/consultations/strategy/:kind/:id/delete',
    { schema: { hide: true, params: nodeParams, body: { type: 'object', additionalProperties: false, properties: {} } }, preValidation: guard },
    async (req, reply) => answer(req, reply, await deleteNode(ctx, req.actor, req.params.kind, req.params.id), async () => reply),
  );
}
