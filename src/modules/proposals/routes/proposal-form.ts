// Reads the proposal form (new or edit). With attachments the browser sends multipart, which
// Fastify does not validate or CSRF-check by itself, so this does both, with the same schema as a
// url-encoded post; without files either encoding works. Attachments are checked by their bytes
// and re-encoded here, and each refusal names the file in a field-specific error.
import type { FastifyRequest } from 'fastify';
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';
import { verifyCsrf } from '../../../core/http/request-context.ts';
import { fieldErrorsFromValidation, type FieldError } from '../../../core/http/problem.ts';
import { MAX_ATTACHMENTS, MAX_IMAGE_BYTES, processAttachment, type ProcessedAttachment, type UploadedFile } from '../attachments.ts';

export interface ProposalForm {
  /** The fields, coerced by the schema (ids become numbers). */
  fields: Record<string, unknown>;
  /** Localized, one per field. */
  errors: FieldError[];
  attachments: ProcessedAttachment[];
}

// A file over the limit is cut, not thrown, so the fields after it are still read.
const PARTS: FastifyMultipartBaseOptions = { limits: { fileSize: MAX_IMAGE_BYTES, files: MAX_ATTACHMENTS + 1, fields: 30, fieldSize: 64 * 1024 }, throwFileSizeLimit: false };

async function readMultipart(req: FastifyRequest): Promise<{ raw: Record<string, unknown>; uploads: UploadedFile[]; tooMany: boolean }> {
  const raw: Record<string, unknown> = {};
  const uploads: UploadedFile[] = [];
  let tooMany = false;
  try {
    for await (const part of req.parts(PARTS)) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const data = Buffer.concat(chunks);
        if (data.length === 0) continue; // an empty <input type=file> still sends a part
        if (uploads.length >= MAX_ATTACHMENTS) tooMany = true;
        else uploads.push({ fileName: part.filename, data, truncated: part.file.truncated });
      } else if (typeof part.value === 'string') {
        const prev = raw[part.fieldname];
        raw[part.fieldname] = prev === undefined ? part.value : [...(Array.isArray(prev) ? prev : [prev]), part.value];
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') tooMany = true;
    else throw err;
  }
  return { raw, uploads, tooMany };
}

export async function readProposalForm(req: FastifyRequest, schema: object, fieldMessages: Record<string, string>): Promise<ProposalForm> {
  const multipart = req.isMultipart();
  const { raw, uploads, tooMany } = multipart ? await readMultipart(req) : { raw: { ...((req.body as Record<string, unknown> | undefined) ?? {}) }, uploads: [], tooMany: false };
  const token = (req.query as { _csrf?: string } | undefined)?._csrf ?? raw._csrf;
  verifyCsrf(req, typeof token === 'string' ? token : undefined);
  delete raw._csrf;
  const validate = req.compileValidationSchema(schema, 'body');
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  if (!validate(raw)) {
    for (const e of fieldErrorsFromValidation((validate.errors ?? []) as never)) {
      const field = e.field.split('/')[0] ?? e.field;
      if (seen.has(field)) continue;
      seen.add(field);
      errors.push({ field, reason: fieldMessages[field] ? req.t(fieldMessages[field]) : req.t('form.unknownField', { field }) });
    }
  }
  const attachments: ProcessedAttachment[] = [];
  const fileErrors: string[] = [];
  if (tooMany) fileErrors.push(req.t('proposals.err.attachmentCount', { max: MAX_ATTACHMENTS }));
  for (const u of uploads) {
    const outcome = await processAttachment(u);
    if (outcome.kind === 'ok') attachments.push(outcome.attachment);
    else fileErrors.push(req.t(outcome.kind === 'too_large' ? 'proposals.err.attachmentSize' : 'proposals.err.attachmentType', { name: u.fileName.slice(0, 100) }));
  }
  if (fileErrors.length) errors.push({ field: 'attachments', reason: fileErrors.join(' ') });
  return { fields: raw, errors, attachments };
}
