// Project photos: upload (the author, or officials for the works) and serving the re-encoded files.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { verifyCsrf } from '../../../core/http/request-context.ts';
import { budgetPolicy } from '../policy.ts';
import type { Phase } from '../model.ts';
import { projectView } from '../queries.ts';
import { addProjectPhoto, MAX_PHOTO_BYTES } from '../photos.ts';
import { ProjectPage } from '../pages/project-page.tsx';
import { forbidden, idParams, toLogin, visibleTo } from './common.tsx';

const photoParams = { type: 'object', required: ['pid'], properties: { pid: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

export function registerPhotoRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: number }; Querystring: { _csrf?: string } }>(
    '/budgets/projects/:id/photos',
    { schema: { hide: true, params: idParams }, config: { csrf: 'handler' } },
    async (req, reply) => {
      let file: Buffer | null = null;
      let tooLarge = false;
      let csrf = req.query._csrf;
      try {
        for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5 } })) {
          if (part.type === 'file') {
            const buf = await part.toBuffer();
            if (buf.length) file = buf;
          } else if (part.fieldname === '_csrf' && typeof part.value === 'string') csrf ??= part.value;
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') tooLarge = true;
        else throw err;
      }
      verifyCsrf(req, csrf);
      const project = await projectView(ctx, req.params.id);
      if (!visibleTo(req.actor, project)) return reply.callNotFound();
      if (req.actor.kind !== 'user') return toLogin(reply, `/budgets/projects/${project.id}`);
      if (!budgetPolicy.can(req.actor, 'pb.addPhoto', { phase: project.phase, authorId: project.authorId })) return forbidden(req, reply);
      const outcome = tooLarge ? { kind: 'too_large' as const } : file ? await addProjectPhoto(ctx, req.actor.id, project.id, file) : { kind: 'no_file' as const };
      if (outcome.kind === 'added') return reply.redirectWithNotice(`/budgets/projects/${project.id}#photos-heading`, 'pb.photos.added');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      const key = { too_large: 'pb.photos.err.tooLarge', no_file: 'pb.photos.err.noFile', too_many: 'pb.photos.err.tooMany', not_image: 'pb.photos.err.notImage', too_small: 'pb.photos.err.tooSmall' }[outcome.kind];
      return reply.page(project.title, <ProjectPage page={await req.pageContext()} project={project} photoError={req.t(key)} />, { status: 400 });
    },
  );

  for (const [url, column] of [
    ['/budgets/photos/:pid.jpg', 'image'],
    ['/budgets/photos/:pid/thumb.jpg', 'thumb'],
  ] as const) {
    app.get<{ Params: { pid: number } }>(url, { schema: { hide: true, params: photoParams } }, async (req, reply) => {
      const [p] = await ctx.database.query<{ data: Buffer; phase: Phase }>(
        `select ph.${column} as data, e.phase from pb_project_photos ph join pb_projects pr on pr.id = ph.project_id
         join pb_budgets b on b.id = pr.budget_id join pb_editions e on e.id = b.edition_id where ph.id = $1`,
        [req.params.pid],
      );
      if (!visibleTo(req.actor, p)) return reply.callNotFound();
      // A draft's photos are the admin's to see: no shared cache may keep them.
      return reply.header('cache-control', p.phase === 'draft' ? 'private, no-store' : 'public, max-age=86400').type('image/jpeg').send(Buffer.from(p.data));
    });
  }
}
