// Participatory-budgeting ballot, as the voter fills it in: a running total (knapsack: cost of the
// ticked projects against the budget; cumulative: points used against the points available) and
// the server's own rules, one message per problem in a polite live region, the offending controls
// marked aria-invalid. It never blocks sending: the form works without this file and the server
// checks every ballot anyway. Every text comes from the page (data-msg-* attributes).
import { checkBallot, offendingControls } from './pb-ballot-rules.js';

const form = document.querySelector('form.pb-ballot');
const check = document.getElementById('pb-ballot-check');
if (form instanceof HTMLFormElement && check) {
  const d = form.dataset;
  /** @param {string | undefined} s */
  const orNull = (s) => (s === undefined || s === '' ? null : Number(s));
  /** @type {import('./pb-ballot-rules.js').BallotRules} */
  const rules = {
    voteType: /** @type {import('./pb-ballot-rules.js').VoteType} */ (d.voteType),
    amount: Number(d.budget),
    approvalMin: Number(d.approvalMin ?? 1),
    approvalMax: orNull(d.approvalMax),
    pointsPerProject: orNull(d.pointsPerProject),
    pointsTotal: orNull(d.pointsTotal),
    ordinalMax: orNull(d.ordinalMax),
  };
  const projects = ballotProjects(form, rules.voteType);
  const lang = check.dataset.locale || 'ro';
  const currency = check.dataset.currency || 'RON';
  const tag = { ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[lang] || 'ro-RO';
  /** @param {number} n */
  const number = (n) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(n);
  // As the server's formatMoney: Romanians write amounts in lei, not with the ISO code.
  /** @param {number} x */
  const money = (x) => {
    if (currency === 'RON' && lang === 'ro') return `${number(x)} lei`;
    try {
      return new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(x);
    } catch {
      return `${number(x)} ${currency}`;
    }
  };
  /** @param {import('./pb-ballot-rules.js').BallotProblem} p */
  const message = (p) => {
    const name = p.key.replace('pb.ballot.err.', '');
    const template = check.dataset[`msg${name[0].toUpperCase()}${name.slice(1)}`] ?? '';
    const params = p.params ?? {};
    return template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? (k === 'cost' || k === 'budget' ? money(params[k]) : String(params[k])) : m));
  };
  /** @returns {[string, string][]} */
  const entries = () => [...new FormData(form)].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []));
  /** @param {string} c */
  const control = (c) => (c.startsWith('project=') ? form.querySelector(`input[name="project"][value="${CSS.escape(c.slice(8))}"]`) : form.elements.namedItem(c));
  const choiceControls = () => form.querySelectorAll('input[name="project"], input.pb-points, select[name^="rank_"]');

  const total = document.getElementById('pb-running-total');
  let touched = false;
  let shown = '';
  const update = () => {
    const e = entries();
    if (total) runningTotal(total, e);
    let problems = checkBallot(rules, projects, e);
    // Before the voter touches an empty ballot there is nothing to correct yet.
    if (!touched && problems.some((p) => p.key === 'pb.ballot.err.empty')) problems = [];
    const texts = problems.map(message);
    // Rewrite the live region only when its text changes, so each keystroke is not re-announced.
    if (texts.join('\n') !== shown) {
      shown = texts.join('\n');
      check.replaceChildren();
      if (texts.length) {
        const list = document.createElement('ul');
        for (const text of texts) {
          const item = document.createElement('li');
          item.textContent = text;
          list.append(item);
        }
        check.append(list);
      }
    }
    const bad = new Set(offendingControls(projects, e, problems).map(control));
    for (const el of choiceControls()) {
      if (bad.has(el)) el.setAttribute('aria-invalid', 'true');
      // The server's marks stay until the voter changes something.
      else if (touched) el.removeAttribute('aria-invalid');
    }
  };

  /** @param {HTMLElement} out @param {[string, string][]} e */
  const runningTotal = (out, e) => {
    if (rules.voteType === 'knapsack') {
      const costs = new Map(projects.map((p) => [String(p.id), p.cost]));
      const cents = e.filter(([k]) => k === 'project').reduce((s, [, v]) => s + Math.round((costs.get(v) ?? 0) * 100), 0);
      out.textContent = `${out.dataset.label} ${money(cents / 100)} / ${money(rules.amount)}`;
      out.classList.toggle('pb-over', cents / 100 > rules.amount);
    } else if (rules.voteType === 'cumulative') {
      const used = e.filter(([k]) => k.startsWith('points_')).reduce((s, [, v]) => s + Math.max(0, Math.floor(Number(v) || 0)), 0);
      out.textContent = `${out.dataset.label} ${number(used)} / ${number(rules.pointsTotal ?? 0)}`;
      out.classList.toggle('pb-over', rules.pointsTotal !== null && used > rules.pointsTotal);
    }
  };

  const onEdit = () => {
    touched = true;
    update();
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  update();
}

/**
 * The projects on this ballot, read from its controls (costs matter only for knapsack ballots).
 * @param {HTMLFormElement} form
 * @param {string | undefined} voteType
 * @returns {import('./pb-ballot-rules.js').BallotProject[]}
 */
function ballotProjects(form, voteType) {
  if (voteType === 'cumulative') return [...form.querySelectorAll('input.pb-points')].map((i) => ({ id: Number(/** @type {HTMLInputElement} */ (i).name.slice(7)), cost: 0 }));
  if (voteType === 'ordinal') {
    const first = form.querySelector('select[name^="rank_"]');
    return first ? [...first.querySelectorAll('option')].filter((o) => o.value !== '').map((o) => ({ id: Number(o.value), cost: 0 })) : [];
  }
  return [...form.querySelectorAll('input[name="project"]')].map((i) => ({ id: Number(/** @type {HTMLInputElement} */ (i).value), cost: Number(/** @type {HTMLInputElement} */ (i).dataset.cost) || 0 }));
}
