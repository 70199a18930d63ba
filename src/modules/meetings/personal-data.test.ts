// "Download my data" and "erase my account" for surveys, meetings and consultations: what the
// person gave is exported; on erasure named answers become anonymous, a held place goes to the
// waiting list, and expressions of interest (kept only to contact the person) disappear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeMeeting } from './testing/fixtures.ts';
import { choices, makeSurvey } from '../surveys/testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (b: { cookie: string; csrf: string }, url: string, fields: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: new URLSearchParams({ _csrf: b.csrf, ...fields }).toString() });

test('a person’s participation is exported, and erased without breaking results or queues', async () => {
  const person = await makeUser(ctx);
  const waiting = await makeUser(ctx);
  const b = await browser(ctx, person.id);
  const survey = await makeSurvey(ctx, { questions: [{ kind: 'single_choice', title: 'Da sau nu?', required: true, choices: choices('DA', 'NU') }] });
  assert.equal((await post(b, `/surveys/${survey.id}`, { _page: '1', _shown: String(survey.questionIds[0]), [`q${survey.questionIds[0]}`]: 'c1' })).statusCode, 303);
  const meeting = await makeMeeting(ctx, { capacity: 1 });
  await post(b, `/meetings/${meeting}/register`);
  await post(await browser(ctx, waiting.id), `/meetings/${meeting}/register`);
  const [project] = await ctx.database.query<{ id: number }>(`select id from consultation_projects where title = 'Timișoara Living Lab'`);
  await post(b, `/consultations/projects/${project!.id}/interest`, { expertise: 'Urbanist.', consent: 'on' });

  const data: Record<string, unknown> = {};
  for (const m of ctx.modules) if (m.personalData && ['surveys', 'meetings', 'consultations'].includes(m.name)) Object.assign(data, await m.personalData(ctx, person.id));
  assert.equal((data.surveyResponses as { answers: Record<string, string> }[])[0]!.answers['Da sau nu?'], 'c1');
  assert.equal((data.meetingRegistrations as { status: string }[])[0]!.status, 'confirmed');
  assert.equal((data.consultationInterests as { consentToContact: boolean }[])[0]!.consentToContact, true);

  await ctx.database.transaction(async (tx) => {
    for (const m of ctx.modules) if (['surveys', 'meetings', 'consultations'].includes(m.name)) await m.eraseUser?.(ctx, person.id, tx);
  });
  const [response] = await ctx.database.query<{ user_id: string | null; n: number }>(
    'select r.user_id, (select count(*)::int from survey_answers a where a.response_id = r.id) as n from survey_responses r where r.survey_id = $1',
    [survey.id],
  );
  assert.deepEqual(response, { user_id: null, n: 1 }, 'the answer still counts, anonymously');
  const [moved] = await ctx.database.query<{ status: string }>('select status from meeting_registrations where meeting_id = $1 and user_id = $2', [meeting, waiting.id]);
  assert.equal(moved!.status, 'confirmed', 'the freed place went to the waiting list');
  assert.equal((await ctx.database.query('select 1 from consultation_interests where user_id = $1', [person.id])).length, 0);
});
