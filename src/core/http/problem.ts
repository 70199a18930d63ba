// RFC 7807 problem details. Every error leaving the API has this shape; validation errors list
// each offending field with the reason.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. `email` or `items/0/name`. */
  field: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
  },
} as const;

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(p));
}

export function problem(status: number, slug: string, title: string, detail?: string, errors?: FieldError[]): Problem {
  return { type: `/problems/${slug}`, title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export function fieldErrorsFromValidation(validation: AjvError[], context?: string): FieldError[] {
  return validation.map((v) => {
    let field = v.instancePath.replace(/^\//, '');
    if (v.keyword === 'required') field = [field, String(v.params.missingProperty)].filter(Boolean).join('/');
    if (v.keyword === 'additionalProperties') {
      field = [field, String(v.params.additionalProperty)].filter(Boolean).join('/');
      return { field, reason: 'unknown field' };
    }
    if (!field && context && context !== 'body') field = context;
    return { field: field || '(body)', reason: v.message ?? v.keyword };
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Unprocessable request',
  429: 'Too many requests',
};

/** Maps any thrown error to a problem; unexpected errors become a 500 without internals. */
export function problemFromError(err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req: FastifyRequest): Problem {
  if (err.validation) {
    const errors = fieldErrorsFromValidation(err.validation, err.validationContext);
    return problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Unsupported content type', `Send one of the content types this endpoint accepts; got "${req.headers['content-type'] ?? ''}".`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', 'Request body too large', err.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'malformed-body', 'Empty JSON body', 'The content type is JSON but the body is empty.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'malformed-body', 'Invalid Content-Length', err.message);
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return problem(status, (err as { slug?: string }).slug ?? 'bad-request', TITLES[status] ?? 'Bad request', err.message || undefined);
  }
  req.log.error({ err }, 'unhandled error');
  return problem(500, 'internal', 'Internal server error', 'Something went wrong on our side; the error was logged.');
}

/** A 4xx error a parser or hook can throw; it becomes a problem with the given slug. */
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly slug: string,
    message: string,
  ) {
    super(message);
  }
}
