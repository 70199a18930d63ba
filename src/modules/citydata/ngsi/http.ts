// What every NGSI-LD route needs: who is calling (session or device-group API key), the request's
// @context rules (clause 6.3.5) and the response's content negotiation (Link header or @context).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { sha256 } from '../../../core/auth/tokens.ts';
import { citydataPolicy } from '../policy.ts';
import { CORE_CONTEXT, LINK_HEADER } from './entity-format.ts';
import { NgsiError } from './problem.ts';
import type { Owner } from '../store/entities.ts';

export interface Caller {
  canWrite: boolean;
  canSeePrivate: boolean;
  owner: Owner;
}

export async function caller(ctx: AppContext, req: FastifyRequest): Promise<Caller | 'bad_key'> {
  const key = req.headers['x-api-key'];
  let group: { id: number; department_id: number | null; public: boolean } | undefined;
  if (typeof key === 'string' && key) {
    [group] = await ctx.database.query<{ id: number; department_id: number | null; public: boolean }>(
      'select id, department_id, public from citydata_groups where api_key_hash = $1 and revoked_at is null',
      [sha256(key)],
    );
    if (!group) return 'bad_key';
  }
  const subject = { apiKey: !!group };
  return {
    canWrite: citydataPolicy.can(req.actor, 'citydata.write', subject),
    canSeePrivate: citydataPolicy.can(req.actor, 'citydata.viewPrivate', subject),
    owner: group ? { groupId: group.id, departmentId: group.department_id, public: group.public } : { groupId: null, departmentId: null, public: true },
  };
}

export async function requireWriter(ctx: AppContext, req: FastifyRequest): Promise<Caller> {
  const c = await caller(ctx, req);
  if (c === 'bad_key') throw new AuthError(401, 'The X-Api-Key header names no active device group.');
  if (!c.canWrite) throw new AuthError(req.actor.kind === 'user' ? 403 : 401, 'Writing city data needs a device-group API key (X-Api-Key) or an administrator session.');
  return c;
}

export async function requireReader(ctx: AppContext, req: FastifyRequest): Promise<Caller> {
  const c = await caller(ctx, req);
  if (c === 'bad_key') throw new AuthError(401, 'The X-Api-Key header names no active device group.');
  return c;
}

export class AuthError extends Error {
  constructor(
    public readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** application/ld+json bodies carry @context; application/json bodies must not (it comes in a Link header). */
export function checkBodyContext(req: FastifyRequest): void {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = req.body;
  const items: unknown[] = Array.isArray(body) ? body : [body];
  const hasContext = (x: unknown) => typeof x === 'object' && x !== null && '@context' in x;
  if (type === 'application/ld+json') {
    if (req.headers.link) throw new NgsiError('BadRequestData', 'with application/ld+json the @context goes in the body, not in a Link header');
    if (!items.every(hasContext)) throw new NgsiError('BadRequestData', 'an application/ld+json body must contain @context');
  } else if (items.some(hasContext)) {
    throw new NgsiError('BadRequestData', 'an application/json body must not contain @context; send it in a Link header or use application/ld+json');
  }
}

export function wantsLd(req: FastifyRequest): boolean {
  return String(req.headers.accept ?? '').includes('application/ld+json');
}

export function wantsGeoJson(req: FastifyRequest): boolean {
  return String(req.headers.accept ?? '').includes('application/geo+json');
}

/** Sends JSON the way the client asked: ld+json with @context inside, or json with the Link header. */
export function sendJson(req: FastifyRequest, reply: FastifyReply, status: number, body: unknown): FastifyReply {
  if (wantsLd(req)) return reply.code(status).type('application/ld+json').send(JSON.stringify(body));
  return reply.code(status).type('application/json').header('link', LINK_HEADER).send(JSON.stringify(body));
}

export function responseContext(req: FastifyRequest): unknown {
  return wantsLd(req) ? CORE_CONTEXT : undefined;
}

export function list(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts : undefined;
}

export function options(v: string | undefined): Set<string> {
  return new Set(list(v) ?? []);
}
