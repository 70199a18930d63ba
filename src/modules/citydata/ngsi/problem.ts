// NGSI-LD ProblemDetails (ETSI GS CIM 009, clause 5.5.2) with the error types of clause 5.5.2 and
// the HTTP status each maps to (clause 6.3.2, table 6.3.2-1).
import type { FastifyReply } from 'fastify';

export const NGSI_ERRORS = {
  InvalidRequest: 400,
  BadRequestData: 400,
  AlreadyExists: 409,
  OperationNotSupported: 422,
  ResourceNotFound: 404,
  InternalError: 500,
  TooComplexQuery: 403,
  TooManyResults: 403,
} as const;

export type NgsiErrorType = keyof typeof NGSI_ERRORS;

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

const TITLES: Record<NgsiErrorType, string> = {
  InvalidRequest: 'The request associated to the operation is syntactically invalid or includes wrong content',
  BadRequestData: 'The request includes input data which does not meet the requirements of the operation',
  AlreadyExists: 'The referred element already exists',
  OperationNotSupported: 'The operation is not supported',
  ResourceNotFound: 'The referred resource has not been found',
  InternalError: 'There has been an error during the operation execution',
  TooComplexQuery: 'The query is too complex',
  TooManyResults: 'The query result is too large',
};

export function ngsiProblem(kind: NgsiErrorType, detail?: string): ProblemDetails {
  return { type: `https://uri.etsi.org/ngsi-ld/errors/${kind}`, title: TITLES[kind], status: NGSI_ERRORS[kind], ...(detail ? { detail } : {}) };
}

export function sendNgsiProblem(reply: FastifyReply, p: ProblemDetails): FastifyReply {
  return reply.code(p.status).type('application/json').send(JSON.stringify(p));
}

/** Thrown by parsers (q, geo-query, fragments) and turned into a ProblemDetails answer by the error handler. */
export class NgsiError extends Error {
  constructor(
    public readonly kind: NgsiErrorType,
    message: string,
  ) {
    super(message);
  }
}
