// Open data: the human catalog (/open-data), the DCAT-AP catalog (/api/v1/open-data) and each
// dataset's files, streamed from the module that declares them.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppContext } from '../context.ts';
import type { OpenDataFormat } from '../modules/manifest.ts';
import { problem, problemSchema, sendProblem } from '../http/problem.ts';
import { datasetViews, dcatCatalog, dcatCatalogSchema, findDataset, MEDIA_TYPES, openDataLicense } from './catalog.ts';
import { OpenDataPage } from './page.tsx';
import { isNotModified, validatorsFor } from './conditional.ts';

const CACHE = 'public, max-age=300';

export function registerOpenDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/open-data', { schema: { hide: true } }, async (req, reply) => {
    const [views, license] = await Promise.all([datasetViews(ctx, req.t), openDataLicense(ctx)]);
    return reply.page(req.t('openData.title'), h(OpenDataPage, { t: req.t, locale: req.locale, datasets: views, license }));
  });

  app.get(
    '/api/v1/open-data',
    {
      schema: {
        tags: ['open data'],
        summary: 'The open-data catalog (DCAT-AP as JSON-LD): every dataset with its downloadable files and licence',
        response: { 200: dcatCatalogSchema },
      },
    },
    async (req, reply) => {
      const body = await dcatCatalog(ctx, req.t, req.locale);
      return reply.header('cache-control', CACHE).type('application/ld+json; charset=utf-8').send(body);
    },
  );

  app.get<{ Params: { dataset: string; format: string } }>(
    '/open-data/:dataset.:format',
    {
      schema: {
        tags: ['open data'],
        summary: 'One dataset file (the catalog lists the datasets and their formats)',
        description: 'Datasets that know their last change cheaply send Last-Modified and a weak ETag, and answer 304 to a matching If-None-Match or If-Modified-Since.',
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['dataset', 'format'],
          properties: { dataset: { type: 'string', maxLength: 100 }, format: { type: 'string', maxLength: 20 } },
        },
        response: { 404: problemSchema },
      },
    },
    async (req, reply) => {
      const { dataset, format } = req.params;
      const found = findDataset(ctx, dataset);
      if (!found || !(found.spec.formats as string[]).includes(format)) {
        return sendProblem(reply, problem(404, 'not-found', 'Not found', req.t('openData.notFound')));
      }
      const f = format as OpenDataFormat;
      reply.header('cache-control', CACHE);
      const version = found.spec.lastModified ? await found.spec.lastModified(ctx) : null;
      if (version) {
        const v = validatorsFor(version, { dataset: found.spec.id, format: f, locale: req.locale, license: (await openDataLicense(ctx)).id });
        reply.header('etag', v.etag).header('last-modified', v.lastModified.toUTCString());
        if (isNotModified(req.headers, v)) return reply.code(304).send();
      }
      const body = await found.spec.produce(ctx, f, { locale: req.locale });
      reply.header('content-disposition', `attachment; filename="${found.spec.id}.${f}"`).type(`${MEDIA_TYPES[f]}; charset=utf-8`);
      return reply.send(typeof body === 'string' ? body : Readable.from(body, { objectMode: false }));
    },
  );
}
