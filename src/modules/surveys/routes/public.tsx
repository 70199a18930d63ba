// Public survey pages: the list, answering page by page, results and the CSV export.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { randomToken } from '../../../core/auth/tokens.ts';
import { cookieOptions } from '../../../core/http/request-context.ts';
import { surveyPolicy } from '../policy.ts';
import { getQuestions, getSurvey, listSurveys, type Survey } from '../queries.ts';
import { hasAnswered, submitResponse } from '../commands/respond.ts';
import { advance, firstPage, pageView } from '../flow.ts';
import type { FormBody } from '../answers.ts';
import { questionResult } from '../results.ts';
import { surveyCsv } from '../csv-export.ts';
import { SurveyList } from '../pages/survey-list.tsx';
import { SurveyPage, type SurveyState } from '../pages/survey-page.tsx';
import { ResultsPage } from '../pages/results-page.tsx';
import { ordered } from '../conditions.ts';

/** Remembers an anonymous browser for "one response per person" in open surveys. */
export const BROWSER_COOKIE = 'dz_survey';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

const answerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['_page'],
  properties: {
    _page: { type: 'string', pattern: '^\\d{1,2}$' },
    _shown: { type: 'string', maxLength: 2000 },
    _state: { type: 'string', maxLength: 200000 },
  },
  patternProperties: {
    '^q\\d{1,10}(_[a-z0-9]{1,10})?$': { anyOf: [{ type: 'string', maxLength: 10000 }, { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } }] },
  },
} as const;

function browserToken(req: FastifyRequest, reply: FastifyReply, ctx: AppContext, create: boolean): string | undefined {
  const existing = req.cookies[BROWSER_COOKIE];
  if (existing && /^[\w-]{20,64}$/.test(existing)) return existing;
  if (!create) return undefined;
  const token = randomToken(24);
  reply.setCookie(BROWSER_COOKIE, token, cookieOptions(ctx, 365 * 24 * 3600));
  return token;
}

async function render(req: FastifyRequest, reply: FastifyReply, survey: Survey, view: SurveyState, status = 200) {
  return reply.page(survey.title, <SurveyPage page={await req.pageContext()} survey={survey} view={view} canSeeResults={surveyPolicy.can(req.actor, 'survey.viewResults', survey)} />, { status });
}

export function registerPublicSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { space?: number } }>(
    '/surveys',
    { schema: { hide: true, querystring: { type: 'object', properties: { space: { type: 'integer', minimum: 1, maximum: 2147483647 } } } } },
    async (req, reply) => {
      const [space] = req.query.space ? await ctx.database.query<{ id: number; slug: string; title: string }>('select id, slug, title from spaces where id = $1 and published', [req.query.space]) : [];
      if (req.query.space && !space) return reply.callNotFound();
      const surveys = await listSurveys(ctx, { includeDrafts: false, spaceId: space?.id });
      return reply.page(req.t('surveys.title'), <SurveyList page={await req.pageContext()} surveys={surveys} {...(space ? { space } : {})} />);
    },
  );

  app.get<{ Params: { id: number } }>('/surveys/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const survey = await getSurvey(ctx.database, req.params.id);
    if (!survey || !surveyPolicy.can(req.actor, 'survey.view', survey)) return reply.callNotFound();
    if (survey.status !== 'open') return render(req, reply, survey, { kind: 'closed' });
    if (!surveyPolicy.can(req.actor, 'survey.respond', survey)) return render(req, reply, survey, { kind: 'sign_in' });
    if (await hasAnswered(ctx, survey.id, req.actor, browserToken(req, reply, ctx, false))) return render(req, reply, survey, { kind: 'answered' });
    const first = firstPage(await getQuestions(ctx.database, survey.id));
    if (!first) return render(req, reply, survey, { kind: 'closed' });
    return render(req, reply, survey, { kind: 'form', ...first });
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/surveys/:id', { schema: { hide: true, params: idParams, body: answerBody }, attachValidation: true }, async (req, reply) => {
    const survey = await getSurvey(ctx.database, req.params.id);
    if (!survey || !surveyPolicy.can(req.actor, 'survey.view', survey)) return reply.callNotFound();
    if (survey.status !== 'open') return render(req, reply, survey, { kind: 'closed' }, 409);
    if (!surveyPolicy.can(req.actor, 'survey.respond', survey)) return reply.redirect(`/login?next=${encodeURIComponent(`/surveys/${survey.id}`)}`, 303);
    const questions = await getQuestions(ctx.database, survey.id);
    if (req.validationError) {
      const first = firstPage(questions);
      return first ? render(req, reply, survey, { kind: 'form', ...first, errors: [{ field: 'survey', reason: req.t('surveys.err.form') }] }, 400) : reply.callNotFound();
    }
    const step = await advance(ctx, req.t, questions, req.body);
    if (step.kind === 'page') return render(req, reply, survey, { kind: 'form', ...step.view }, step.status);
    const token = req.actor.kind === 'anonymous' ? browserToken(req, reply, ctx, true) : browserToken(req, reply, ctx, false);
    const outcome = await submitResponse(ctx, req.actor, survey.id, step.answers, token);
    switch (outcome.kind) {
      case 'submitted':
        return reply.redirectWithNotice(`/surveys/${survey.id}`, 'surveys.thanks');
      case 'already_answered':
        return render(req, reply, survey, { kind: 'answered' }, 409);
      case 'closed':
        return render(req, reply, survey, { kind: 'closed' }, 409);
      case 'needs_sign_in':
        return reply.redirect(`/login?next=${encodeURIComponent(`/surveys/${survey.id}`)}`, 303);
      case 'not_found':
        return reply.callNotFound();
      case 'invalid': {
        // An answer carried from an earlier page no longer holds (or was altered): back to its page.
        const firstBad = ordered(questions).find((q) => outcome.errors.some((e) => e.questionId === q.id))!;
        const errors = outcome.errors.filter((e) => questions.find((q) => q.id === e.questionId)?.page === firstBad.page).map((e) => ({ field: `q${e.questionId}`, reason: req.t(e.error.key, e.error.params) }));
        return render(req, reply, survey, { kind: 'form', ...pageView(questions, step.answers, firstBad.page, {}, { errors }) }, 400);
      }
    }
  });

  app.get<{ Params: { id: number } }>('/surveys/:id/results', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const survey = await getSurvey(ctx.database, req.params.id);
    if (!survey || !surveyPolicy.can(req.actor, 'survey.view', survey)) return reply.callNotFound();
    if (!surveyPolicy.can(req.actor, 'survey.viewResults', survey)) {
      if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
      return reply.page(req.t('surveys.results.notPublic'), <p>{req.t('surveys.results.notPublic')}</p>, { status: 403 });
    }
    const individual = surveyPolicy.can(req.actor, 'survey.viewTextAnswers', survey);
    const questions = ordered(await getQuestions(ctx.database, survey.id));
    const results = [];
    for (const q of questions) results.push(await questionResult(ctx, q, individual));
    return reply.page(req.t('surveys.results.title', { title: survey.title }), <ResultsPage page={await req.pageContext()} survey={survey} results={results} canExport={surveyPolicy.can(req.actor, 'survey.export', survey)} />);
  });

  app.get<{ Params: { id: number } }>('/surveys/:id/results.csv', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const survey = await getSurvey(ctx.database, req.params.id);
    if (!survey || !surveyPolicy.can(req.actor, 'survey.view', survey)) return reply.callNotFound();
    if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    if (!surveyPolicy.can(req.actor, 'survey.export', survey)) return reply.page(req.t('surveys.results.notPublic'), <p>{req.t('surveys.results.notPublic')}</p>, { status: 403 });
    const csv = await surveyCsv(ctx, req.t, survey, await getQuestions(ctx.database, survey.id));
    return reply
      .header('content-disposition', `attachment; filename="survey-${survey.id}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
}
