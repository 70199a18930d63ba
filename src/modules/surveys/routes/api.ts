// Read-only JSON API of surveys: the published surveys (of a space or a space's component) and one
// survey with its questions, plus aggregated results once it closed with public results.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problemSchema } from '../../../core/http/problem.ts';
import { id32, idParams, notFound, pagingProperties } from '../../../core/http/api-schemas.ts';
import { cachedHostedComponent, isPublic } from '../../spaces/hosted.ts';
import { surveyPolicy } from '../policy.ts';
import { getPublicSurvey, getQuestions, listPublicSurveys, publishedSpace } from '../queries.ts';
import { ordered } from '../conditions.ts';
import { questionResult } from '../results.ts';
import { presentSurvey, presentSurveyItem, surveyPageSchema, surveySchema } from '../presenters.ts';

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    space: id32,
    component: { ...id32, description: "a space's surveys component; the same as filtering by its space" },
    status: { type: 'string', enum: ['open', 'closed'] },
    ...pagingProperties,
  },
} as const;

interface ListQuery {
  space?: number;
  component?: number;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}


export function registerSurveyApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/v1/surveys',
    {
      schema: {
        tags: ['participation'],
        summary: 'Published surveys, open first, optionally of one space or component, paginated',
        querystring: listQuery,
        response: { 200: surveyPageSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const { space, component, status, page, pageSize } = req.query;
      let spaceId = space;
      if (space !== undefined && !(await publishedSpace(ctx.database, space))) return notFound(reply, `No space ${space}`);
      if (component !== undefined) {
        const c = await cachedHostedComponent(ctx, component, 'surveys');
        if (!c || !isPublic(c) || (space !== undefined && c.space.id !== space)) return notFound(reply, `No surveys component ${component}`);
        spaceId = c.space.id;
      }
      const { items, total } = await listPublicSurveys(ctx.database, { spaceId, status }, page, pageSize);
      return { items: items.map(presentSurveyItem), total, page, pageSize };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'One published survey with its questions, and its aggregated results once closed with public results',
        params: idParams,
        response: { 200: surveySchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const s = await getPublicSurvey(ctx.database, req.params.id);
      if (!s || !surveyPolicy.can(req.actor, 'survey.view', s)) return notFound(reply, `No survey ${req.params.id}`);
      const questions = ordered(await getQuestions(ctx.database, s.id));
      // Results of an open survey would sway those still answering; the API shows them once it closed.
      const showResults = s.status === 'closed' && s.resultsPublic && surveyPolicy.can(req.actor, 'survey.viewResults', s);
      const results = showResults ? await Promise.all(questions.map((q) => questionResult(ctx, q, false))) : null;
      return presentSurvey(s, questions, results);
    },
  );
}
