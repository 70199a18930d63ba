// The survey builder under /admin/surveys.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { formErrors } from '../../../core/http/form-errors.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { surveyPolicy } from '../policy.ts';
import { getQuestions, getSurvey, listSurveys, spaceOptions } from '../queries.ts';
import { createSurvey, deleteQuestion, moveQuestion, saveQuestion, setSurveyStatus, updateSurvey, type BuilderOutcome, type QuestionInput, type SurveyInput } from '../commands/builder.ts';
import { AdminSurveyList, AdminSurveyPage, type SurveyFormValues } from '../pages/admin-pages.tsx';
import { QuestionFormPage, valuesOf, type QuestionFormValues } from '../pages/question-form.tsx';
import { QUESTION_KINDS, type QuestionKind } from '../questions.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const qParams = { type: 'object', required: ['id', 'qid'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, qid: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

async function guard(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/surveys')}`, 303);
  if (!surveyPolicy.can(req.actor, 'survey.manage')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

const surveyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'mode'],
  properties: {
    title: { type: 'string', maxLength: 200 },
    description: { type: 'string', maxLength: 10000 },
    spaceId: { type: 'string', pattern: '^\\d{0,9}$' },
    mode: { type: 'string', enum: ['signed_in', 'anonymous_signed_in', 'open'] },
    resultsPublic: { type: 'string', enum: ['on'] },
  },
} as const;
const SURVEY_FIELDS = { title: 'surveys.err.title', description: 'surveys.err.description', spaceId: 'surveys.err.space', mode: 'surveys.err.mode', resultsPublic: 'surveys.err.form' };

type SurveyBody = { title: string; description?: string; spaceId?: string; mode: SurveyInput['mode']; resultsPublic?: 'on' };
const surveyInput = (b: SurveyBody): SurveyInput => ({ title: b.title, description: b.description ?? '', spaceId: b.spaceId ? Number(b.spaceId) : null, mode: b.mode, resultsPublic: b.resultsPublic === 'on' });
const surveyValues = (b: Partial<SurveyBody> | undefined): SurveyFormValues => ({ title: b?.title, description: b?.description, spaceId: b?.spaceId, mode: b?.mode, resultsPublic: b?.resultsPublic === 'on' });

const str = { type: 'string', maxLength: 100 } as const;
const questionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'title'],
  properties: {
    kind: { type: 'string', enum: [...QUESTION_KINDS] },
    title: { type: 'string', maxLength: 500 },
    help: { type: 'string', maxLength: 2000 },
    required: { type: 'string', enum: ['on'] },
    page: { type: 'string', maxLength: 3 },
    choices: { type: 'string', maxLength: 10000 },
    rows: { type: 'string', maxLength: 10000 },
    maxChoices: str,
    scaleMin: str,
    scaleMax: str,
    minLabel: str,
    maxLabel: str,
    numberMin: str,
    numberMax: str,
    integer: { type: 'string', enum: ['on'] },
    dateMin: str,
    dateMax: str,
    maxLength: str,
    condition: str,
    conditionOp: { type: 'string', enum: ['is', 'is_not'] },
  },
} as const;
type QuestionBody = Omit<QuestionFormValues, 'required' | 'integer'> & { kind: QuestionKind; title: string; required?: 'on'; integer?: 'on' };
const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/);
function questionInput(b: QuestionBody): QuestionInput {
  const { required, integer, choices, rows, page, help, conditionOp, ...rest } = b;
  return {
    ...rest,
    help: help ?? '',
    required: required === 'on',
    integer: integer === 'on',
    page: /^\d+$/.test(page ?? '1') ? Number(page ?? '1') : 0,
    choices: lines(choices),
    rows: lines(rows),
    ...(conditionOp ? { conditionOp } : {}),
  } as QuestionInput;
}
const QUESTION_FIELDS = { title: 'surveys.err.questionTitle', help: 'surveys.err.help', page: 'surveys.err.page', choices: 'surveys.err.choices', rows: 'surveys.err.rows', kind: 'surveys.err.form' };

export function registerAdminSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const listPage = async (req: FastifyRequest, reply: FastifyReply, values?: SurveyFormValues, errors?: FieldError[]) =>
    reply.page(req.t('surveys.admin.title'), <AdminSurveyList page={await req.pageContext()} surveys={await listSurveys(ctx, { includeDrafts: true })} spaces={await spaceOptions(ctx)} {...(values ? { values } : {})} {...(errors ? { errors } : {})} />, {
      status: errors?.length ? 400 : 200,
    });

  const surveyPage = async (req: FastifyRequest, reply: FastifyReply, id: number, values?: SurveyFormValues, errors?: FieldError[]) => {
    const survey = await getSurvey(ctx.database, id);
    if (!survey) return sendNotFound(req, reply);
    return reply.page(
      survey.title,
      <AdminSurveyPage page={await req.pageContext()} survey={survey} questions={await getQuestions(ctx.database, id)} spaces={await spaceOptions(ctx)} {...(values ? { values } : {})} {...(errors ? { errors } : {})} />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const questionPage = async (req: FastifyRequest, reply: FastifyReply, surveyId: number, kind: QuestionKind, questionId: number | null, values?: QuestionFormValues, errors?: FieldError[]) => {
    const survey = await getSurvey(ctx.database, surveyId);
    if (!survey) return sendNotFound(req, reply);
    const questions = await getQuestions(ctx.database, surveyId);
    const question = questionId === null ? undefined : questions.find((q) => q.id === questionId);
    if (questionId !== null && !question) return sendNotFound(req, reply);
    const page = await req.pageContext();
    return reply.page(
      page.t('surveys.admin.editQuestion'),
      <QuestionFormPage page={page} survey={survey} kind={question?.kind ?? kind} questions={questions} values={values ?? (question ? valuesOf(question) : { page: '1' })} {...(question ? { question } : {})} {...(errors ? { errors } : {})} />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  /** Outcome → response, for the builder's forms. */
  const answer = (req: FastifyRequest, reply: FastifyReply, surveyId: number, outcome: BuilderOutcome, onInvalid: (errors: FieldError[]) => Promise<FastifyReply>) => {
    const back = `/admin/surveys/${surveyId}`;
    switch (outcome.kind) {
      case 'saved':
        return reply.redirectWithNotice(back, 'surveys.admin.saved');
      case 'not_found':
        return sendNotFound(req, reply);
      case 'forbidden':
        return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
      case 'locked':
        return reply.redirectWithNotice(back, 'surveys.admin.locked');
      case 'no_questions':
        return reply.redirectWithNotice(back, 'surveys.admin.noQuestions');
      case 'order_conflict':
        return reply.redirectWithNotice(back, 'surveys.admin.orderConflict');
      case 'invalid':
        return onInvalid(outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })));
    }
  };

  app.get('/admin/surveys', { schema: { hide: true }, preHandler: guard }, async (req, reply) => listPage(req, reply));

  app.post<{ Body: SurveyBody }>('/admin/surveys', { schema: { hide: true, body: surveyBody }, attachValidation: true, preValidation: guard }, async (req, reply) => {
    const errors = formErrors(req, SURVEY_FIELDS);
    if (errors.length) return listPage(req, reply, surveyValues(req.body), errors);
    const outcome = await createSurvey(ctx, req.actor, surveyInput(req.body));
    if (outcome.kind === 'saved') return reply.redirectWithNotice(`/admin/surveys/${outcome.id}`, 'surveys.admin.created');
    return answer(req, reply, 0, outcome, (errs) => listPage(req, reply, surveyValues(req.body), errs));
  });

  app.get<{ Params: { id: number } }>('/admin/surveys/:id', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => surveyPage(req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: SurveyBody }>('/admin/surveys/:id', { schema: { hide: true, params: idParams, body: surveyBody }, attachValidation: true, preValidation: guard }, async (req, reply) => {
    const errors = formErrors(req, SURVEY_FIELDS);
    if (errors.length) return surveyPage(req, reply, req.params.id, surveyValues(req.body), errors);
    const outcome = await updateSurvey(ctx, req.actor, req.params.id, surveyInput(req.body));
    return answer(req, reply, req.params.id, outcome, (errs) => surveyPage(req, reply, req.params.id, surveyValues(req.body), errs));
  });

  app.post<{ Params: { id: number }; Body: { to: 'open' | 'closed' } }>(
    '/admin/surveys/:id/status',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['to'], properties: { to: { type: 'string', enum: ['open', 'closed'] } } } }, preValidation: guard },
    async (req, reply) => answer(req, reply, req.params.id, await setSurveyStatus(ctx, req.actor, req.params.id, req.body.to), async () => surveyPage(req, reply, req.params.id)),
  );

  app.get<{ Params: { id: number }; Querystring: { kind: QuestionKind } }>(
    '/admin/surveys/:id/questions/new',
    { schema: { hide: true, params: idParams, querystring: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: [...QUESTION_KINDS] } } } }, preHandler: guard },
    async (req, reply) => questionPage(req, reply, req.params.id, req.query.kind, null),
  );

  app.post<{ Params: { id: number }; Body: QuestionBody }>('/admin/surveys/:id/questions', { schema: { hide: true, params: idParams, body: questionBody }, attachValidation: true, preValidation: guard }, async (req, reply) => {
    const kind = (QUESTION_KINDS as readonly string[]).includes(req.body?.kind) ? req.body.kind : 'short_text';
    const values = { ...req.body, required: req.body?.required === 'on', integer: req.body?.integer === 'on' };
    const errors = formErrors(req, QUESTION_FIELDS);
    if (errors.length) return questionPage(req, reply, req.params.id, kind, null, values, errors);
    const outcome = await saveQuestion(ctx, req.actor, req.params.id, null, questionInput(req.body));
    return answer(req, reply, req.params.id, outcome, (errs) => questionPage(req, reply, req.params.id, kind, null, values, errs));
  });

  app.get<{ Params: { id: number; qid: number } }>('/admin/surveys/:id/questions/:qid', { schema: { hide: true, params: qParams }, preHandler: guard }, async (req, reply) =>
    questionPage(req, reply, req.params.id, 'short_text', req.params.qid),
  );

  app.post<{ Params: { id: number; qid: number }; Body: QuestionBody }>(
    '/admin/surveys/:id/questions/:qid',
    { schema: { hide: true, params: qParams, body: questionBody }, attachValidation: true, preValidation: guard },
    async (req, reply) => {
      const values = { ...req.body, required: req.body?.required === 'on', integer: req.body?.integer === 'on' };
      const errors = formErrors(req, QUESTION_FIELDS);
      if (errors.length) return questionPage(req, reply, req.params.id, 'short_text', req.params.qid, values, errors);
      const outcome = await saveQuestion(ctx, req.actor, req.params.id, req.params.qid, questionInput(req.body));
      return answer(req, reply, req.params.id, outcome, (errs) => questionPage(req, reply, req.params.id, 'short_text', req.params.qid, values, errs));
    },
  );

  app.post<{ Params: { id: number; qid: number } }>('/admin/surveys/:id/questions/:qid/delete', { schema: { hide: true, params: qParams }, preValidation: guard }, async (req, reply) =>
    answer(req, reply, req.params.id, await deleteQuestion(ctx, req.actor, req.params.id, req.params.qid), async () => surveyPage(req, reply, req.params.id)),
  );

  app.post<{ Params: { id: number; qid: number }; Body: { direction: 'up' | 'down' } }>(
    '/admin/surveys/:id/questions/:qid/move',
    { schema: { hide: true, params: qParams, body: { type: 'object', additionalProperties: false, required: ['direction'], properties: { direction: { type: 'string', enum: ['up', 'down'] } } } }, preValidation: guard },
    async (req, reply) => answer(req, reply, req.params.id, await moveQuestion(ctx, req.actor, req.params.id, req.params.qid, req.body.direction), async () => surveyPage(req, reply, req.params.id)),
  );
}
