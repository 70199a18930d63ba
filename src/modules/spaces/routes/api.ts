// JSON API of spaces: the published spaces and one space with its phases and components.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, sendProblem } from '../../../core/http/problem.ts';
import { SPACE_KINDS, PHASE_FLAGS, type SpaceKind } from '../model.ts';
import { listSpaces, spaceComponents, spacePhases } from '../queries.ts';
import { componentHref } from '../hosted.ts';
import { spacePolicy } from '../policy.ts';
import { slugParams, spaceFor } from './load.ts';

const summarySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...SPACE_KINDS] },
    slug: { type: 'string' },
    title: { type: 'string' },
    subtitle: { type: 'string' },
    district: { type: ['string', 'null'] },
    currentPhase: { type: ['string', 'null'] },
    followers: { type: 'integer' },
    url: { type: 'string' },
  },
} as const;

const detailSchema = {
  type: 'object',
  properties: {
    ...summarySchema.properties,
    description: { type: 'string' },
    phases: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          description: { type: 'string' },
          startsOn: { type: ['string', 'null'] },
          endsOn: { type: ['string', 'null'] },
          active: { type: 'boolean' },
          settings: { type: 'object', properties: Object.fromEntries(PHASE_FLAGS.map((f) => [f, { type: 'boolean' }])) },
        },
      },
    },
    components: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, module: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' } } } },
  },
} as const;

export function registerSpaceApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { kind?: SpaceKind } }>(
    '/api/v1/spaces',
    {
      schema: {
        tags: ['participation'],
        summary: 'Published participation spaces (processes, working groups, neighbourhood groups)',
        querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: [...SPACE_KINDS] } } },
        response: { 200: { type: 'array', items: summarySchema } },
      },
    },
    async (req) =>
      (await listSpaces(ctx.database, { kind: req.query.kind })).map((s) => ({
        id: s.id,
        kind: s.kind,
        slug: s.slug,
        title: s.title,
        subtitle: s.subtitle,
        district: s.district,
        currentPhase: s.phase,
        followers: s.followers,
        url: `/spaces/${s.slug}`,
      })),
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/spaces/:slug',
    { schema: { tags: ['participation'], summary: 'One space with its phases and published components', params: slugParams, response: { 200: detailSchema } } },
    async (req, reply) => {
      const found = await spaceFor(ctx, req, req.params.slug);
      if (!found || !spacePolicy.can(req.actor, 'space.view', found.subject)) return sendProblem(reply, problem(404, 'not-found', 'Not found', `No space ${req.params.slug}`));
      const { space } = found;
      const [phases, components] = await Promise.all([spacePhases(ctx.database, space.id), spaceComponents(ctx.database, space.id, { publishedOnly: true })]);
      return {
        id: space.id,
        kind: space.kind,
        slug: space.slug,
        title: space.title,
        subtitle: space.subtitle,
        description: space.description,
        district: space.district,
        currentPhase: phases.find((p) => p.active)?.title ?? null,
        url: `/spaces/${space.slug}`,
        phases: phases.map((p) => ({ id: p.id, title: p.title, description: p.description, startsOn: p.startsOn, endsOn: p.endsOn, active: p.active, settings: p.settings })),
        components: components.flatMap((c) => {
          const url = componentHref(ctx.modules, space, c);
          return url ? [{ id: c.id, module: c.module, title: c.title, url }] : [];
        }),
      };
    },
  );
}
