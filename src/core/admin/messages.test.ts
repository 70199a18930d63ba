// Keys the admin pages build at run time (`admin.helix.${type}` …) escape the literal-key scan of
// i18n.test.ts; this checks every such family against the values it is built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRANTED_ROLES } from '../auth/actor.ts';
import { adminMessages } from './messages.ts';
import { HELIX_TYPES } from './organizations/commands.ts';

const families: string[] = [
  ...HELIX_TYPES.map((h) => `admin.helix.${h}`),
  ...GRANTED_ROLES.flatMap((r) => [`admin.role.${r}`, `admin.users.grant.${r}`, `admin.users.revoke.${r}`]),
  ...['active', 'disabled', 'erased'].map((s) => `admin.users.state.${s}`),
  ...['pending', 'sent', 'held', 'failed'].map((s) => `admin.outbox.status.${s}`),
  'event.announcement.published',
];

test('every run-time admin message key exists in ro, en and hu', () => {
  for (const locale of ['ro', 'en', 'hu'] as const) {
    const missing = families.filter((k) => !(k in adminMessages[locale]));
    assert.deepEqual(missing, [], locale);
  }
});

test('the announcement event reads as the brief asks in each language', () => {
  assert.equal(adminMessages.ro['event.announcement.published'], 'Anunț: {text}');
  assert.equal(adminMessages.en['event.announcement.published'], 'Announcement: {text}');
  assert.equal(adminMessages.hu['event.announcement.published'], 'Közlemény: {text}');
});
