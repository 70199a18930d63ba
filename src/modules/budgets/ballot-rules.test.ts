// The browser's copy of the ballot rules (public/pb-ballot-rules.js) against the server's: the
// same forms must get the same problems, so what the page says while the voter fills in the
// ballot is what the server answers. Also: the page hands the script its messages, and the file is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { validateBallot, type BallotProblem, type BallotProject, type BallotRules } from './ballot/rules.ts';
import { parseBallotBody, type BallotBody } from './routes/ballot-body.ts';
import type { BudgetConfig } from './model.ts';
import { BALLOT_PROBLEMS, messageAttribute } from './pages/ballot-form.tsx';
import { makeBudget } from './testing/fixtures.ts';

type Entries = [string, string][];
interface BrowserRules {
  checkBallot(rules: BallotRules, projects: readonly BallotProject[], entries: Entries): BallotProblem[];
  offendingControls(projects: readonly BallotProject[], entries: Entries, problems: readonly BallotProblem[]): string[];
}
// A plain JavaScript file the page loads as is; imported by URL so TypeScript does not need its types.
const browserRules = (await import(pathToFileURL(fileURLToPath(new URL('../../../public/pb-ballot-rules.js', import.meta.url))).href)) as BrowserRules;

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const voter = await makeUser(ctx);

const projects: BallotProject[] = [
  { id: 1, cost: 400 },
  { id: 2, cost: 350.1 },
  { id: 3, cost: 250.2 },
  { id: 4, cost: 100 },
];
const base: BallotRules = { voteType: 'approval', amount: 1000, approvalMin: 1, approvalMax: null, pointsPerProject: null, pointsTotal: null, ordinalMax: null };

/** What the POST route decides for this form: format problems first, then the ballot rules. */
function serverVerdict(rules: BallotRules, entries: Entries): BallotProblem[] {
  const body: BallotBody = {};
  for (const [k, v] of entries) {
    if (k === 'project') body.project = [...((body.project as string[] | undefined) ?? []), v];
    else body[k] = v;
  }
  // parseBallotBody reads only the vote type of the budget.
  const parsed = parseBallotBody(rules as BudgetConfig, body);
  return parsed.problems.length ? parsed.problems : validateBallot(rules, projects, parsed.choice);
}

const picks = (...ids: (number | string)[]): Entries => ids.map((id) => ['project', String(id)]);
const points = (...p: string[]): Entries => p.map((v, i) => [`points_${i + 1}`, v]);
const ranks = (...r: string[]): Entries => r.map((v, i) => [`rank_${i + 1}`, v]);

const cases: { name: string; rules: BallotRules; forms: Entries[] }[] = [
  {
    name: 'approval, 2 to 3 projects',
    rules: { ...base, approvalMin: 2, approvalMax: 3 },
    forms: [picks(), picks(1), picks(1, 2), picks(1, 2, 3), picks(1, 2, 3, 4), picks(1, 1), picks(9), picks(1, 9, 2)],
  },
  { name: 'approval without a maximum', rules: base, forms: [picks(1), picks(1, 2, 3, 4)] },
  {
    name: 'knapsack',
    rules: { ...base, voteType: 'knapsack' },
    forms: [picks(), picks(1, 2, 4), picks(1, 2, 3), picks(4), picks(1, 2, 3, 4), picks(7)],
  },
  { name: 'knapsack, budget exactly reached', rules: { ...base, voteType: 'knapsack', amount: 1000.3 }, forms: [picks(1, 2, 3), picks(1, 2, 3, 4)] },
  {
    name: 'cumulative, 5 per project, 8 in all',
    rules: { ...base, voteType: 'cumulative', pointsPerProject: 5, pointsTotal: 8 },
    forms: [
      points('', '', '', ''),
      points('0', '00', '', '0'),
      points('5', '3', '', ''),
      points('6', '', '', ''),
      points('5', '4', '', ''),
      points('6', '6', '', ''),
      points('1.5', '', '', ''),
      points('-1', 'x', '2', ''),
      points(' 2 ', '', '', ''),
      [['points_9', '1']],
    ],
  },
  { name: 'cumulative without limits', rules: { ...base, voteType: 'cumulative' }, forms: [points('100', '900', '', ''), points('', '', '', '')] },
  {
    name: 'ordinal, up to 3 places',
    rules: { ...base, voteType: 'ordinal', ordinalMax: 3 },
    forms: [ranks('', '', ''), ranks('3', '1', ''), ranks('3', '', '1'), ranks('', '', '2'), ranks('', '2', ''), ranks('2', '2', ''), ranks('1', '2', '3', '4'), ranks('9', '', '')],
  },
  { name: 'ordinal, places out of order in the form', rules: { ...base, voteType: 'ordinal', ordinalMax: null }, forms: [[['rank_2', '1'], ['rank_1', '']], [['rank_2', '1'], ['rank_1', '3']]] },
  { name: 'choose one', rules: { ...base, voteType: 'choose-1' }, forms: [picks(), picks(2), picks(2, 3), picks(8)] },
];

test('the browser gives every form the problems the server gives it, vote type by vote type', () => {
  let valid = 0;
  let invalid = 0;
  for (const c of cases) {
    for (const entries of c.forms) {
      const server = serverVerdict(c.rules, entries);
      assert.deepEqual(browserRules.checkBallot(c.rules, projects, entries), server, `${c.name}: ${JSON.stringify(entries)}`);
      if (server.length) invalid++;
      else valid++;
    }
  }
  assert.ok(valid >= 8 && invalid >= 25, `both kinds are compared (${valid} valid, ${invalid} invalid)`);
});

test('every problem the rules can report has its message rendered for the script', () => {
  const keys = new Set(cases.flatMap((c) => c.forms.flatMap((f) => serverVerdict(c.rules, f).map((p) => p.key))));
  for (const key of keys) assert.ok((BALLOT_PROBLEMS as readonly string[]).includes(key.replace('pb.ballot.err.', '')), key);
  assert.equal(messageAttribute('approvalMax'), 'data-msg-approval-max');
});

test('the controls to mark invalid are the ones at fault, and none when a choice is only missing', () => {
  const { checkBallot, offendingControls } = browserRules;
  const marked = (rules: BallotRules, e: Entries) => offendingControls(projects, e, checkBallot(rules, projects, e)).sort();
  assert.deepEqual(marked({ ...base, approvalMax: 2 }, picks(1, 2, 3)), ['project=1', 'project=2', 'project=3']);
  assert.deepEqual(marked({ ...base, approvalMin: 3 }, picks(1)), []);
  assert.deepEqual(marked({ ...base, voteType: 'knapsack' }, picks(1, 2, 3)), ['project=1', 'project=2', 'project=3']);
  const cumulative: BallotRules = { ...base, voteType: 'cumulative', pointsPerProject: 5, pointsTotal: 8 };
  assert.deepEqual(marked(cumulative, points('6', '1', '', '')), ['points_1']);
  assert.deepEqual(marked(cumulative, points('5', '4', '0', '')), ['points_1', 'points_2']);
  assert.deepEqual(marked(cumulative, points('x', '1', '', '')), ['points_1']);
  const ordinal: BallotRules = { ...base, voteType: 'ordinal', ordinalMax: 3 };
  assert.deepEqual(marked(ordinal, ranks('2', '3', '2')), ['rank_1', 'rank_3']);
  assert.deepEqual(marked(ordinal, ranks('2', '', '1')), ['rank_2']);
  assert.deepEqual(marked({ ...base, voteType: 'choose-1' }, picks()), []);
});

test('the ballot page hands the script its rules and every message, in ro, en and hu', async () => {
  const { budgetId } = await makeBudget(ctx, admin.id, { budget: { voteType: 'approval', approvalMin: 2, approvalMax: 3 } });
  const b = await browser(ctx, voter.id);
  const seen = new Set<string>();
  for (const lang of ['ro', 'en', 'hu']) {
    const res = await app.inject({ url: `/budgets/ballots/${budgetId}`, headers: { cookie: `${b.cookie}; dz_lang=${lang}` } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<script type="module" src="\/static\/pb-ballot.js">/);
    assert.match(res.body, /data-vote-type="approval"[^>]*data-approval-min="2" data-approval-max="3"/);
    const region = /<div id="pb-ballot-check"[^>]*>/.exec(res.body)?.[0] ?? '';
    assert.match(region, /role="status"/);
    assert.match(region, /aria-live="polite"/);
    for (const name of BALLOT_PROBLEMS) assert.match(region, new RegExp(`${messageAttribute(name)}="[^"]+"`), `${lang}: ${name}`);
    const max = /data-msg-approval-max="([^"]*)"/.exec(region)?.[1] ?? '';
    assert.match(max, /\{max\}/, 'placeholders are left for the script');
    seen.add(max);
  }
  assert.equal(seen.size, 3, 'each language has its own text');
});

test('the rules file is served as JavaScript beside the page script that imports it', async () => {
  const rules = await app.inject({ url: '/static/pb-ballot-rules.js' });
  assert.equal(rules.statusCode, 200);
  assert.match(String(rules.headers['content-type']), /javascript/);
  assert.match(rules.body, /export function checkBallot/);
  const script = await app.inject({ url: '/static/pb-ballot.js' });
  assert.equal(script.statusCode, 200);
  assert.match(script.body, /from '\.\/pb-ballot-rules\.js'/);
});
