// The ballot rules as the voter's browser applies them while the ballot is filled in. A copy of
// the server's rules (src/modules/budgets/routes/ballot-body.ts, then ballot/rules.ts) in plain
// JavaScript so the page can load it as is; ballot-rules.test.ts feeds both the same forms and
// requires the same problems, so the two cannot drift. The server stays the authority.

/**
 * @typedef {'approval' | 'knapsack' | 'cumulative' | 'ordinal' | 'choose-1'} VoteType
 * @typedef {{ voteType: VoteType, amount: number, approvalMin: number, approvalMax: number | null,
 *   pointsPerProject: number | null, pointsTotal: number | null, ordinalMax: number | null }} BallotRules
 * @typedef {{ id: number, cost: number }} BallotProject
 * @typedef {[string, string][]} FormEntries The form as the browser would post it, in document order.
 * @typedef {{ field: string, key: string, params?: Record<string, number> }} BallotProblem
 */

/**
 * Sum in cents so that 0.1 + 0.2 style drift never decides "does it fit".
 * @param {readonly BallotProject[]} projects
 * @param {readonly number[]} ids
 */
export function totalCost(projects, ids) {
  const byId = new Map(projects.map((p) => [p.id, p.cost]));
  return ids.reduce((s, id) => s + Math.round((byId.get(id) ?? 0) * 100), 0) / 100;
}

/**
 * What the form says, read the way the server reads a posted ballot, with its format problems.
 * @param {BallotRules} rules
 * @param {FormEntries} entries
 * @returns {{ projectIds: number[], points: number[] | null, problems: BallotProblem[] }}
 */
export function readBallot(rules, entries) {
  if (rules.voteType === 'cumulative') {
    /** @type {number[]} */ const ids = [];
    /** @type {number[]} */ const points = [];
    /** @type {BallotProblem[]} */ const problems = [];
    for (const [key, raw] of entries) {
      const m = /^points_(\d+)$/.exec(key);
      if (!m) continue;
      const s = raw.trim();
      if (s === '' || /^0+$/.test(s)) continue;
      if (!/^\d+$/.test(s)) {
        problems.push({ field: key, key: 'pb.ballot.err.pointsWhole' });
        continue;
      }
      ids.push(Number(m[1]));
      points.push(Number(s));
    }
    return { projectIds: ids, points, problems };
  }
  if (rules.voteType === 'ordinal') {
    const ranks = entries
      .flatMap(([key, value]) => {
        const m = /^rank_(\d+)$/.exec(key);
        return m ? [{ n: Number(m[1]), value }] : [];
      })
      .sort((a, b) => a.n - b.n);
    /** @type {number[]} */ const ids = [];
    /** @type {number | null} */ let gapAt = null;
    for (const r of ranks) {
      if (r.value === '') {
        gapAt ??= r.n;
        continue;
      }
      // Only the first gap is reported: one message is enough to say "fill the places in order".
      if (gapAt !== null) return { projectIds: ids, points: null, problems: [{ field: `rank_${gapAt}`, key: 'pb.ballot.err.ordinalGap', params: { n: gapAt } }] };
      ids.push(Number(r.value));
    }
    return { projectIds: ids, points: null, problems: [] };
  }
  return { projectIds: entries.filter(([key]) => key === 'project').map(([, v]) => Number(v)), points: null, problems: [] };
}

/**
 * Every problem the server would report for this form, in the same order, with the same parameters.
 * @param {BallotRules} rules
 * @param {readonly BallotProject[]} projects
 * @param {FormEntries} entries
 * @returns {BallotProblem[]}
 */
export function checkBallot(rules, projects, entries) {
  const choice = readBallot(rules, entries);
  if (choice.problems.length) return choice.problems;
  /** @type {BallotProblem[]} */ const problems = [];
  const known = new Set(projects.map((p) => p.id));
  const seen = new Set();
  for (const id of choice.projectIds) {
    if (!known.has(id)) problems.push({ field: 'projects', key: 'pb.ballot.err.unknownProject' });
    else if (seen.has(id)) problems.push({ field: 'projects', key: 'pb.ballot.err.duplicate' });
    seen.add(id);
  }
  if (problems.length) return problems;
  const n = choice.projectIds.length;
  if (n === 0) return [{ field: 'projects', key: 'pb.ballot.err.empty' }];
  switch (rules.voteType) {
    case 'approval':
      if (n < rules.approvalMin) problems.push({ field: 'projects', key: 'pb.ballot.err.approvalMin', params: { min: rules.approvalMin, count: n } });
      if (rules.approvalMax !== null && n > rules.approvalMax) problems.push({ field: 'projects', key: 'pb.ballot.err.approvalMax', params: { max: rules.approvalMax, count: n } });
      break;
    case 'knapsack': {
      const total = totalCost(projects, choice.projectIds);
      if (total > rules.amount) problems.push({ field: 'projects', key: 'pb.ballot.err.knapsack', params: { cost: total, budget: rules.amount } });
      break;
    }
    case 'cumulative': {
      const points = choice.points ?? [];
      const perProject = rules.pointsPerProject ?? Number.POSITIVE_INFINITY;
      points.forEach((p, i) => {
        const field = `points_${choice.projectIds[i]}`;
        if (!Number.isInteger(p) || p < 1) problems.push({ field, key: 'pb.ballot.err.pointsWhole' });
        else if (p > perProject) problems.push({ field, key: 'pb.ballot.err.pointsPerProject', params: { max: perProject, points: p } });
      });
      const sum = points.reduce((s, p) => s + p, 0);
      if (rules.pointsTotal !== null && sum > rules.pointsTotal) problems.push({ field: 'projects', key: 'pb.ballot.err.pointsTotal', params: { max: rules.pointsTotal, total: sum } });
      break;
    }
    case 'ordinal':
      if (rules.ordinalMax !== null && n > rules.ordinalMax) problems.push({ field: 'projects', key: 'pb.ballot.err.ordinalLength', params: { max: rules.ordinalMax, count: n } });
      break;
    case 'choose-1':
      if (n !== 1) problems.push({ field: 'projects', key: 'pb.ballot.err.chooseOne', params: { count: n } });
      break;
  }
  return problems;
}

// Problems about the ballot as a whole that some chosen controls cause (too many, too costly).
const EXCESS = new Set(['pb.ballot.err.approvalMax', 'pb.ballot.err.knapsack', 'pb.ballot.err.chooseOne', 'pb.ballot.err.ordinalLength', 'pb.ballot.err.pointsTotal']);

/**
 * The controls to mark invalid: `points_<id>` / `rank_<n>` by name, checkboxes as `project=<id>`.
 * Too few choices marks nothing: no control is wrong, one is missing.
 * @param {readonly BallotProject[]} projects
 * @param {FormEntries} entries
 * @param {readonly BallotProblem[]} problems
 * @returns {string[]}
 */
export function offendingControls(projects, entries, problems) {
  /** @type {Set<string>} */ const out = new Set();
  const known = new Set(projects.map((p) => p.id));
  /** @type {[string, string][]} */
  const chosen = entries.flatMap(([key, v]) => {
    if (key === 'project') return [[`project=${v}`, v]];
    if (/^rank_\d+$/.test(key) && v !== '') return [[key, v]];
    if (/^points_\d+$/.test(key) && v.trim() !== '' && !/^0+$/.test(v.trim())) return [[key, key.slice(7)]];
    return [];
  });
  const count = new Map();
  for (const [, v] of chosen) count.set(v, (count.get(v) ?? 0) + 1);
  for (const p of problems) {
    if (p.field !== 'projects') out.add(p.field);
    else if (EXCESS.has(p.key)) for (const [c] of chosen) out.add(c);
    else if (p.key === 'pb.ballot.err.duplicate') chosen.filter(([, v]) => count.get(v) > 1).forEach(([c]) => out.add(c));
    else if (p.key === 'pb.ballot.err.unknownProject') chosen.filter(([, v]) => !known.has(Number(v))).forEach(([c]) => out.add(c));
  }
  return [...out];
}
