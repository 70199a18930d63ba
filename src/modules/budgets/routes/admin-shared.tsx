// What the admin route files share: the guard, the edition page renderer, and form readers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { budgetPolicy } from '../policy.ts';
import { editionView } from '../queries.ts';
import { DATED_PHASES } from '../model.ts';
import type { EditionInput } from '../commands/editions.ts';
import { AdminEditionPage, type AdminEditionProps } from '../pages/admin-edition-page.tsx';
import type { EditionFormValues } from '../pages/admin-list-page.tsx';
import { districts } from './public.tsx';
import { forbidden } from './common.tsx';

/** preHandler: admins only; anonymous visitors log in first. */
export async function adminOnly(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/budgets')}`, 303);
  if (!budgetPolicy.can(req.actor, 'pb.manage')) return forbidden(req, reply);
}

export function actorId(req: FastifyRequest): string {
  if (req.actor.kind !== 'user') throw new Error('admin route reached without a signed-in actor');
  return req.actor.id;
}

export const localized = (req: FastifyRequest, errors: FieldError[]) => errors.map((e) => ({ field: e.field, reason: req.t(e.reason) }));

export async function renderAdminEdition(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  extra: Pick<AdminEditionProps, 'form' | 'errors' | 'values'> = {},
  status = 200,
) {
  const edition = await editionView(ctx, id);
  if (!edition) return reply.callNotFound();
  const [census] = await ctx.database.query<{ total: number; claimed: number }>(
    'select count(*)::int as total, count(claimed_by)::int as claimed from pb_census where edition_id = $1',
    [id],
  );
  return reply.page(
    edition.title,
    <AdminEditionPage page={await req.pageContext()} edition={edition} districts={await districts(ctx)} census={census ?? { total: 0, claimed: 0 }} {...extra} />,
    { status },
  );
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const date = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;

export const editionBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: text(200),
    description: text(4000),
    minAge: { type: 'string', pattern: '^\\s*(\\d{1,3})?\\s*$' },
    ...Object.fromEntries(DATED_PHASES.flatMap((p) => [[`${p}Starts`, date], [`${p}Ends`, date]])),
  },
} as const;

export const editionMessages: Record<string, string> = {
  title: 'pb.admin.err.title',
  description: 'pb.admin.err.description',
  minAge: 'pb.admin.err.minAge',
  ...Object.fromEntries(DATED_PHASES.flatMap((p) => [[`${p}Starts`, 'pb.admin.err.date'], [`${p}Ends`, 'pb.admin.err.date']])),
};

export function editionInput(v: EditionFormValues): EditionInput {
  const minAge = (v.minAge ?? '').trim();
  return {
    title: v.title ?? '',
    description: v.description ?? '',
    minAge: minAge === '' ? null : Number(minAge),
    dates: Object.fromEntries(DATED_PHASES.map((p) => [p, { starts: v[`${p}Starts`] || null, ends: v[`${p}Ends`] || null }])),
  };
}
