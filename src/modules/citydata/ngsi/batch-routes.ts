// NGSI-LD batch operations (clauses 5.6.7–5.6.10): create, upsert, update, delete. Each entity is its
// own transaction; the answer is 201/204 when every entity succeeded and 207 with a
// BatchOperationResult ({success, errors}) otherwise.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { checkBodyContext, options, requireWriter } from './http.ts';
import { checkEntity, isUri, type NgsiEntity } from './entity-format.ts';
import { NgsiError, ngsiProblem, type ProblemDetails } from './problem.ts';
import { appendAttrs, createEntity, deleteEntity, getEntity, replaceEntity, type Owner } from '../store/entities.ts';
import type { ApplyResult } from '../ingest/apply.ts';
import { afterWrite } from './after-write.ts';

const MAX_BATCH = 1000;

interface BatchError {
  entityId: string;
  error: ProblemDetails;
}

function entries(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new NgsiError('BadRequestData', 'a batch operation takes a JSON array');
  if (body.length === 0) throw new NgsiError('BadRequestData', 'the batch is empty');
  if (body.length > MAX_BATCH) throw new NgsiError('BadRequestData', `a batch holds at most ${MAX_BATCH} entries`);
  return body;
}

function idOf(x: unknown): string {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : String(x);
}

function problemOf(err: unknown): ProblemDetails {
  if (err instanceof NgsiError) return ngsiProblem(err.kind, err.message);
  throw err;
}

function answer(reply: FastifyReply, success: string[], errors: BatchError[], allOk: () => FastifyReply): FastifyReply {
  if (errors.length === 0) return allOk();
  return reply.code(207).type('application/json').send(JSON.stringify({ success, errors }));
}

type Op = (ctx: AppContext, e: NgsiEntity, owner: Owner, opts: Set<string>) => Promise<{ created: boolean; result: ApplyResult }>;

const create: Op = async (ctx, e, owner) => {
  const r = await ctx.database.transaction((tx) => createEntity(ctx, tx, e, owner));
  if (r.kind === 'exists') throw new NgsiError('AlreadyExists', `entity ${e.id} already exists`);
  return { created: true, result: r.result };
};

const upsert: Op = (ctx, e, owner, opts) =>
  ctx.database.transaction(async (tx) => {
    const row = await getEntity(tx, e.id);
    if (!row) {
      const r = await createEntity(ctx, tx, e, owner);
      if (r.kind === 'exists') throw new NgsiError('AlreadyExists', `entity ${e.id} was created concurrently`);
      return { created: true, result: r.result };
    }
    if (row.type !== e.type) throw new NgsiError('BadRequestData', `entity ${e.id} has type ${row.type}, not ${e.type}`);
    // Default upsert replaces the entity; options=update merges into it (clause 5.6.8).
    const result = opts.has('update') ? await appendAttrs(ctx, tx, row, e.attrs, true) : await replaceEntity(ctx, tx, row.id, e);
    return { created: false, result };
  });

const update: Op = (ctx, e, _owner, opts) =>
  ctx.database.transaction(async (tx) => {
    const row = await getEntity(tx, e.id);
    if (!row) throw new NgsiError('ResourceNotFound', `no entity ${e.id}`);
    return { created: false, result: await appendAttrs(ctx, tx, row, e.attrs, !opts.has('noOverwrite')) };
  });

export function registerBatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const ops: [string, Op, (reply: FastifyReply, created: string[]) => FastifyReply][] = [
    ['create', create, (reply, created) => reply.code(201).type('application/json').send(JSON.stringify(created))],
    ['upsert', upsert, (reply, created) => (created.length ? reply.code(201).type('application/json').send(JSON.stringify(created)) : reply.code(204).send())],
    ['update', update, (reply) => reply.code(204).send()],
  ];
  for (const [name, op, allOk] of ops) {
    app.post<{ Querystring: { options?: string } }>(
      `/entityOperations/${name}`,
      { schema: { tags: ['ngsi-ld'], summary: `Batch entity ${name}`, querystring: { type: 'object', properties: { options: { type: 'string', maxLength: 200 } } } } },
      async (req, reply) => {
        const who = await requireWriter(ctx, req);
        checkBodyContext(req);
        const opts = options(req.query.options);
        const success: string[] = [];
        const created: string[] = [];
        const errors: BatchError[] = [];
        const results: ApplyResult[] = [];
        for (const raw of entries(req.body)) {
          try {
            const e = checkEntity(raw, opts.has('keyValues'));
            const r = await op(ctx, e, who.owner, opts);
            success.push(e.id);
            if (r.created) created.push(e.id);
            results.push(r.result);
          } catch (err) {
            errors.push({ entityId: idOf(raw), error: problemOf(err) });
          }
        }
        await afterWrite(ctx, results);
        return answer(reply, success, errors, () => allOk(reply, created));
      },
    );
  }

  app.post('/entityOperations/delete', { schema: { tags: ['ngsi-ld'], summary: 'Batch entity delete (array of ids)' } }, async (req, reply) => {
    await requireWriter(ctx, req);
    const success: string[] = [];
    const errors: BatchError[] = [];
    for (const id of entries(req.body)) {
      if (!isUri(id)) {
        errors.push({ entityId: String(id), error: ngsiProblem('BadRequestData', 'not a URI') });
        continue;
      }
      if (await ctx.database.transaction((tx) => deleteEntity(tx, id))) success.push(id);
      else errors.push({ entityId: id, error: ngsiProblem('ResourceNotFound', `no entity ${id}`) });
    }
    return answer(reply, success, errors, () => reply.code(204).send());
  });
}
