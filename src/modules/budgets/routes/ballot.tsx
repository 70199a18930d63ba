// The voter's ballot page, the residents'-list claim, and the officials' paper-ballot entry.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { randomToken } from '../../../core/auth/tokens.ts';
import { ballotProjects, loadBudget, loadEdition, type EditionCore } from '../budget-config.ts';
import type { BudgetConfig } from '../model.ts';
import { budgetPolicy } from '../policy.ts';
import { castBallot, enterPaperBallot } from '../commands/cast.ts';
import { checkEligibility, claimCensus, type IneligibleReason } from '../commands/eligibility.ts';
import { BallotPage, PaperBallotPage, ReceiptIssuedPage, RepeatedPage, type MyBallot } from '../pages/ballot-page.tsx';
import { EMPTY_BALLOT, type BallotValues } from '../pages/ballot-form.tsx';
import { ballotBodySchema, ballotErrors, parseBallotBody, type BallotBody } from './ballot-body.ts';
import { forbidden, idParams, visibleTo } from './common.tsx';

async function myBallot(ctx: AppContext, budget: BudgetConfig, userId: string): Promise<{ mine: MyBallot; values: BallotValues } | null> {
  const [b] = await ctx.database.query<{ id: string; cast_at: Date | string; updated_at: Date | string }>('select id, cast_at, updated_at from pb_ballots where budget_id = $1 and voter_id = $2', [budget.id, userId]);
  if (!b) return null;
  const mine = { castAt: new Date(b.cast_at).toISOString(), updatedAt: new Date(b.updated_at).toISOString() };
  if (!budget.allowBallotChange) return { mine, values: EMPTY_BALLOT };
  // Only the voter sees this, and only to change their own ballot.
  const items = await ctx.database.query<{ project_id: number; points: number | null }>('select project_id, points::float8 as points from pb_ballot_items where ballot_id = $1 order by position', [b.id]);
  return {
    mine,
    values: {
      selected: items.map((i) => i.project_id),
      points: Object.fromEntries(items.map((i) => [String(i.project_id), i.points === null ? '' : String(i.points)])),
      ranks: items.map((i) => String(i.project_id)),
    },
  };
}

/** The budget and its edition, or null when it does not exist for this actor (a draft's). */
async function load(ctx: AppContext, id: number, actor: Actor): Promise<{ budget: BudgetConfig; edition: EditionCore } | null> {
  const budget = await loadBudget(ctx.database, id);
  if (!budget) return null;
  const edition = await loadEdition(ctx.database, budget.editionId);
  return visibleTo(actor, edition) ? { budget, edition } : null;
}

interface RenderOptions {
  values?: BallotValues;
  errors?: FieldError[];
  ineligible?: IneligibleReason | null;
  censusError?: string;
  status?: number;
}

async function renderBallot(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, budget: BudgetConfig, edition: EditionCore, o: RenderOptions = {}) {
  const open = edition.phase === 'voting' && !budget.votingClosedAt;
  const ineligible = o.ineligible !== undefined ? o.ineligible : open ? await checkEligibility(ctx.database, req.actor, edition).then((e) => (e.kind === 'ineligible' ? e.reason : null)) : null;
  const mine = req.actor.kind === 'user' ? await myBallot(ctx, budget, req.actor.id) : null;
  return reply.page(
    req.t('pb.ballot.title', { budget: budget.name }),
    <BallotPage
      page={await req.pageContext()}
      budget={budget}
      editionTitle={edition.title}
      projects={await ballotProjects(ctx.database, budget.id)}
      values={o.values ?? mine?.values ?? EMPTY_BALLOT}
      errors={o.errors}
      ineligible={ineligible}
      mine={mine?.mine ?? null}
      open={open}
      submissionKey={randomToken(12)}
      censusError={o.censusError}
    />,
    { status: o.status ?? 200, islands: ['/static/pb-ballot.js'] },
  );
}

/** Schema failures on a ballot: name the control, in the voter's language. */
function schemaErrors(req: FastifyRequest): FieldError[] {
  const v = req.validationError as unknown as { validation?: { instancePath: string; params: Record<string, unknown> }[] } | undefined;
  if (!v?.validation) return [];
  const field = (path: string) => path.replace(/^\//, '').split('/')[0] || 'projects';
  return [...new Set(v.validation.map((e) => field(e.instancePath)))].map((f) => ({
    field: f.startsWith('points_') ? f : 'projects',
    reason: req.t(f.startsWith('points_') ? 'pb.ballot.err.pointsWhole' : 'pb.ballot.err.unknownProject'),
  }));
}

export function registerBallotRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: number } }>('/budgets/ballots/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const found = await load(ctx, req.params.id, req.actor);
    if (!found) return reply.callNotFound();
    return renderBallot(ctx, req, reply, found.budget, found.edition);
  });

  app.post<{ Params: { id: number }; Body: BallotBody }>(
    '/budgets/ballots/:id',
    { schema: { hide: true, params: idParams, body: ballotBodySchema }, attachValidation: true },
    async (req, reply) => {
      const found = await load(ctx, req.params.id, req.actor);
      if (!found) return reply.callNotFound();
      const { budget, edition } = found;
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/budgets/ballots/${budget.id}`)}`, 303);
      if (!budgetPolicy.can(req.actor, 'pb.vote', { phase: edition.phase })) return renderBallot(ctx, req, reply, budget, edition, { status: 409 });
      const invalid = schemaErrors(req);
      if (invalid.length) return renderBallot(ctx, req, reply, budget, edition, { errors: invalid, status: 400 });
      const body = req.body ?? {};
      const parsed = parseBallotBody(budget, body);
      if (parsed.problems.length) return renderBallot(ctx, req, reply, budget, edition, { values: parsed.values, errors: ballotErrors(req, budget, parsed.problems), status: 400 });
      const key = typeof body.submission === 'string' && body.submission ? body.submission : null;
      const outcome = await castBallot(ctx, req.actor, budget.id, parsed.choice, key, found);
      const page = await req.pageContext();
      switch (outcome.kind) {
        case 'cast':
          reply.header('cache-control', 'no-store');
          return reply.page(req.t('pb.receipt.title'), <ReceiptIssuedPage page={page} budget={budget} receipt={outcome.receipt} replaced={outcome.replaced} />);
        case 'repeated':
          return reply.page(req.t('pb.ballot.repeatedTitle'), <RepeatedPage page={page} budget={budget} kind="repeated" />);
        case 'already_voted':
          return reply.page(req.t('pb.ballot.alreadyTitle'), <RepeatedPage page={page} budget={budget} kind="already_voted" />, { status: 409 });
        case 'not_found':
          return reply.callNotFound();
        case 'closed': {
          // Voting closed while this ballot was on its way: show the page as it is now.
          const now = await load(ctx, budget.id, req.actor);
          if (!now) return reply.callNotFound();
          return renderBallot(ctx, req, reply, now.budget, now.edition, { status: 409 });
        }
        case 'ineligible':
          return renderBallot(ctx, req, reply, budget, edition, { ineligible: outcome.reason, status: 403 });
        case 'invalid':
          return renderBallot(ctx, req, reply, budget, edition, { values: parsed.values, errors: ballotErrors(req, budget, outcome.problems), status: 400 });
      }
    },
  );

  app.post<{ Params: { id: number }; Body: { identifier: string } }>(
    '/budgets/ballots/:id/census',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['identifier'], properties: { identifier: { type: 'string', minLength: 1, maxLength: 200 } } } }, attachValidation: true },
    async (req, reply) => {
      const found = await load(ctx, req.params.id, req.actor);
      if (!found) return reply.callNotFound();
      const { budget, edition } = found;
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/budgets/ballots/${budget.id}`)}`, 303);
      if (req.validationError) return renderBallot(ctx, req, reply, budget, edition, { censusError: req.t('pb.census.err.notInList'), status: 400 });
      const outcome = await claimCensus(ctx, req.actor, edition.id, req.body.identifier);
      if (outcome.kind === 'claimed') return reply.redirectWithNotice(`/budgets/ballots/${budget.id}`, 'pb.census.claimed');
      const key = outcome.kind === 'taken' ? 'pb.census.err.taken' : outcome.kind === 'has_other' ? 'pb.census.err.hasOther' : 'pb.census.err.notInList';
      return renderBallot(ctx, req, reply, budget, edition, { censusError: req.t(key), status: 400 });
    },
  );

  const renderPaper = async (req: FastifyRequest, reply: FastifyReply, budget: BudgetConfig, edition: EditionCore, o: { values?: BallotValues & { number?: string; identifier?: string }; errors?: FieldError[]; receipt?: string; status?: number } = {}) =>
    reply.page(
      req.t('pb.paper.heading', { budget: budget.name }),
      <PaperBallotPage
        page={await req.pageContext()}
        budget={budget}
        censusRequired={edition.censusRequired}
        projects={await ballotProjects(ctx.database, budget.id)}
        values={o.values ?? EMPTY_BALLOT}
        errors={o.errors}
        submissionKey={randomToken(12)}
        entered={o.receipt ? { receipt: o.receipt } : undefined}
      />,
      { status: o.status ?? 200, islands: ['/static/pb-ballot.js'] },
    );

  const paperGuard = async (req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
    const found = await load(ctx, req.params.id, req.actor);
    if (!found) return { done: reply.callNotFound() };
    if (req.actor.kind !== 'user') return { done: reply.redirect(`/login?next=${encodeURIComponent(`/budgets/ballots/${req.params.id}/paper`)}`, 303) };
    if (!budgetPolicy.can(req.actor, 'pb.enterPaper', { phase: found.edition.phase })) return { done: forbidden(req, reply) };
    return { found, officialId: req.actor.id };
  };

  app.get<{ Params: { id: number } }>('/budgets/ballots/:id/paper', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const g = await paperGuard(req, reply);
    if ('done' in g) return g.done;
    return renderPaper(req, reply, g.found.budget, g.found.edition);
  });

  app.post<{ Params: { id: number }; Body: BallotBody }>(
    '/budgets/ballots/:id/paper',
    { schema: { hide: true, params: idParams, body: ballotBodySchema }, attachValidation: true },
    async (req, reply) => {
      const g = await paperGuard(req, reply);
      if ('done' in g) return g.done;
      const { budget, edition } = g.found;
      const invalid = schemaErrors(req);
      if (invalid.length) return renderPaper(req, reply, budget, edition, { errors: invalid, status: 400 });
      const body = req.body ?? {};
      const parsed = parseBallotBody(budget, body);
      const number = typeof body.number === 'string' ? body.number.trim() : '';
      const identifier = typeof body.identifier === 'string' ? body.identifier.trim() : '';
      const values = { ...parsed.values, number, identifier };
      const errors = ballotErrors(req, budget, parsed.problems);
      if (!number) errors.unshift({ field: 'number', reason: req.t('pb.paper.err.number') });
      if (errors.length) return renderPaper(req, reply, budget, edition, { values, errors, status: 400 });
      const outcome = await enterPaperBallot(ctx, g.officialId, budget.id, { number, identifier: identifier || null, choice: parsed.choice });
      const fail = (field: string, key: string, status: number) => renderPaper(req, reply, budget, edition, { values, errors: [{ field, reason: req.t(key) }], status });
      switch (outcome.kind) {
        case 'cast':
          return renderPaper(req, reply, budget, edition, { receipt: outcome.receipt });
        case 'invalid':
          return renderPaper(req, reply, budget, edition, { values, errors: ballotErrors(req, budget, outcome.problems), status: 400 });
        case 'duplicate_number':
          return fail('number', 'pb.paper.err.duplicate', 409);
        case 'resident_voted':
          return fail('identifier', 'pb.paper.err.residentVoted', 409);
        case 'not_in_list':
          return fail('identifier', 'pb.census.err.notInList', 400);
        case 'census_needed':
          return fail('identifier', 'pb.paper.err.identifier', 400);
        case 'closed':
          return fail('projects', 'pb.ballot.closed', 409);
        case 'not_found':
          return reply.callNotFound();
      }
    },
  );
}
