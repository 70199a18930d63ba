// Reads a multipart report form: text fields plus up to MAX_PHOTOS files, each size-limited.
import type { FastifyRequest } from 'fastify';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../photos.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  files: Buffer[];
  /** Set when a limit was exceeded: the message key to show. */
  fileError?: 'reports.err.photoTooLarge' | 'reports.err.tooManyPhotos';
}

export async function readMultipartForm(req: FastifyRequest): Promise<MultipartForm> {
  const out: MultipartForm = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS + 1, fields: 30, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (buf.length === 0) continue; // an empty <input type=file> still sends a part
        if (out.files.length >= MAX_PHOTOS) out.fileError = 'reports.err.tooManyPhotos';
        else out.files.push(buf);
      } else if (typeof part.value === 'string') {
        out.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') out.fileError = 'reports.err.photoTooLarge';
    else if (code === 'FST_FILES_LIMIT') out.fileError = 'reports.err.tooManyPhotos';
    else throw err;
  }
  return out;
}
