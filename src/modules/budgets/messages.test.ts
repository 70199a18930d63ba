// Message keys the pages build at run time (phase, status, vote type, rule, refusal reason) are
// invisible to the catalog test that scans for t('...') literals, so they are checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog } from '../../core/create-context.ts';
import { budgetsModule } from './manifest.ts';
import { BUDGET_RULES, PHASES, PROJECT_STATUSES, VOTE_TYPES } from './model.ts';
import { ruleKey } from './pages/explain.ts';

const catalog = buildCatalog([budgetsModule]);

test('every phase, status, vote type, rule and refusal reason has its message in ro, en and hu', () => {
  const keys = [
    ...PHASES.map((p) => `pb.phase.${p}`),
    ...PROJECT_STATUSES.map((s) => `pb.status.${s}`),
    ...VOTE_TYPES.flatMap((v) => [`pb.voteType.${v}`, `pb.results.scoreMeaning.${v}`]),
    ...BUDGET_RULES.flatMap((r) => [`pb.rule.${ruleKey(r)}.name`, `pb.rule.${ruleKey(r)}.explain`]),
    ...['not_signed_in', 'email_unverified', 'no_birth_year', 'too_young', 'census_unclaimed'].map((r) => `pb.ineligible.${r}`),
    ...['submission', 'review', 'voting', 'implementation'].map((p) => `event.pb.phase.${p}`),
  ];
  for (const locale of ['ro', 'en', 'hu'] as const) {
    assert.deepEqual(keys.filter((k) => !catalog.has(locale, k)), [], locale);
  }
});
