// Fixtures for budgets tests and the ballot benchmark: an edition with one budget, its projects
// accepted, set to the phase the test needs, built through the module's own commands.
import type { AppContext } from '../../../core/context.ts';
import { hmac, randomToken, sha256 } from '../../../core/auth/tokens.ts';
import { saveBudget, saveEdition, setPhase } from '../commands/editions.ts';
import type { BudgetInput } from '../commands/budget-input.ts';
import type { Phase } from '../model.ts';

export interface BudgetFixture {
  editionId: number;
  budgetId: number;
  projectIds: number[];
}

export const DEFAULT_BUDGET: BudgetInput = {
  name: 'Tot orașul',
  areaId: null,
  amount: 1000,
  currency: 'RON',
  minProjectCost: null,
  maxProjectCost: null,
  voteType: 'knapsack',
  approvalMin: 1,
  approvalMax: null,
  pointsPerProject: null,
  pointsTotal: null,
  ordinalMax: null,
  rule: 'greedy',
  scoreThreshold: null,
  allowBallotChange: false,
};

/** An edition with one budget and accepted projects of the given costs, in `phase` (default voting). */
export async function makeBudget(
  ctx: AppContext,
  adminId: string,
  opts: { budget?: Partial<BudgetInput>; costs?: number[]; phase?: Phase; minAge?: number | null; title?: string } = {},
): Promise<BudgetFixture> {
  const edition = await saveEdition(ctx, adminId, null, { title: opts.title ?? 'Ediție de test', description: '', minAge: opts.minAge ?? null, dates: {} });
  if (edition.kind !== 'saved') throw new Error(`edition: ${edition.kind}`);
  const budget = await saveBudget(ctx, adminId, edition.id, null, { ...DEFAULT_BUDGET, ...opts.budget });
  if (budget.kind !== 'saved') throw new Error(`budget: ${JSON.stringify(budget)}`);
  const projectIds: number[] = [];
  for (const [i, cost] of (opts.costs ?? [400, 300, 200, 100]).entries()) {
    const [p] = await ctx.database.query<{ id: number }>(`insert into pb_projects (budget_id, title, description, cost, status) values ($1, $2, 'Descriere', $3, 'accepted') returning id`, [
      budget.id,
      `Proiectul ${i + 1}`,
      cost,
    ]);
    projectIds.push(p!.id);
  }
  const phase = opts.phase ?? 'voting';
  if (phase !== 'draft') {
    const moved = await setPhase(ctx, adminId, edition.id, phase);
    if (moved.kind !== 'changed') throw new Error(`phase: ${JSON.stringify(moved)}`);
  }
  return { editionId: edition.id, budgetId: budget.id, projectIds };
}

/** Pulls the receipt code out of the receipt page. */
export function receiptFrom(html: string): string | null {
  return /class="pb-receipt-code">([0-9A-Z-]{19})</.exec(html)?.[1] ?? null;
}

export interface VoterFixture {
  id: string;
  cookie: string;
  csrf: string;
}

/**
 * `n` verified people with live sessions, made with two statements (the concurrency test and the
 * benchmark need thousands; one factory call per person would dominate their run time).
 */
export async function makeVoters(ctx: AppContext, n: number, prefix = 'voter'): Promise<VoterFixture[]> {
  const tag = randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
  const emails = Array.from({ length: n }, (_, i) => `${prefix}-${tag}-${i}@example.test`);
  const users = await ctx.database.query<{ id: string; email: string }>(
    `insert into users (email, display_name, email_verified_at) select e, 'Votant ' || o, now() from unnest($1::text[]) with ordinality as t(e, o) returning id, email`,
    [emails],
  );
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const tokens = emails.map(() => randomToken());
  const ids = emails.map((e) => byEmail.get(e)!);
  await ctx.database.query(
    `insert into sessions (id, user_id, expires_at) select h, u, now() + interval '1 day' from unnest($1::text[], $2::uuid[]) as t(h, u)`,
    [tokens.map((t) => sha256(t)), ids],
  );
  return ids.map((id, i) => {
    const seed = `csrf-seed-${randomToken(12)}`;
    return { id, cookie: `dz_csrf=${seed}; dz_session=${tokens[i]}`, csrf: hmac(ctx.secret, seed) };
  });
}
