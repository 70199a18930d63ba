// Files an author attaches to a proposal (at most three): photos and PDFs. The type comes from the
// bytes, never from the name or the browser's claim, so a renamed program is refused. Images are
// re-encoded by sharp, which writes no metadata (EXIF GPS, camera, owner never survive); PDFs are
// stored as sent and only ever served as downloads.
import sharp, { type Metadata } from 'sharp';
import type { Database } from '../../core/db/database.ts';

export const MAX_ATTACHMENTS = 3;
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const IMAGE_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type ImageFormat = keyof typeof IMAGE_TYPES;
export type AttachmentType = (typeof IMAGE_TYPES)[ImageFormat] | 'application/pdf';
const EXTENSION: Record<AttachmentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

export interface UploadedFile {
  fileName: string;
  data: Buffer;
  /** The upload went past the multipart size limit and was cut. */
  truncated?: boolean;
}

export interface ProcessedAttachment {
  fileName: string;
  contentType: AttachmentType;
  data: Buffer;
}

export type AttachmentOutcome = { kind: 'ok'; attachment: ProcessedAttachment } | { kind: 'not_allowed' } | { kind: 'too_large' };

/**
 * A name that is safe in a page and in a Content-Disposition header: no folders, no control or
 * markup characters, at most 100 characters, and the extension of what the file really is.
 */
export function sanitizeFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 100);
  return `${stem || 'fisier'}.${EXTENSION[type]}`;
}

export async function processAttachment(file: UploadedFile): Promise<AttachmentOutcome> {
  if (file.data.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (file.truncated || file.data.length > MAX_PDF_BYTES) return { kind: 'too_large' };
    return { kind: 'ok', attachment: { fileName: sanitizeFileName(file.fileName, 'application/pdf'), contentType: 'application/pdf', data: file.data } };
  }
  if (file.truncated || file.data.length > MAX_IMAGE_BYTES) return { kind: 'too_large' };
  let meta: Metadata;
  try {
    meta = await sharp(file.data, { failOn: 'error', limitInputPixels: 50_000_000 }).metadata();
  } catch {
    return { kind: 'not_allowed' };
  }
  const format = meta.format as string | undefined;
  if (!format || !(format in IMAGE_TYPES)) return { kind: 'not_allowed' };
  const type = IMAGE_TYPES[format as ImageFormat];
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped on output.
    const img = sharp(file.data, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate().resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true });
    const data = await (format === 'png' ? img.png() : format === 'webp' ? img.webp({ quality: 80 }) : img.jpeg({ quality: 82 })).toBuffer();
    return { kind: 'ok', attachment: { fileName: sanitizeFileName(file.fileName, type), contentType: type, data } };
  } catch {
    return { kind: 'not_allowed' };
  }
}

export async function storeAttachments(tx: Pick<Database, 'query'>, proposalId: number, files: ProcessedAttachment[]): Promise<void> {
  for (const f of files) {
    await tx.query('insert into proposal_attachments (proposal_id, file_name, content_type, size, data) values ($1, $2, $3, $4, $5)', [proposalId, f.fileName, f.contentType, f.data.length, f.data]);
  }
}

export interface AttachmentItem {
  id: number;
  fileName: string;
  contentType: AttachmentType;
  size: number;
}

export async function listAttachments(db: Pick<Database, 'query'>, proposalId: number): Promise<AttachmentItem[]> {
  return db.query<AttachmentItem>(
    `select id::int as id, file_name as "fileName", content_type as "contentType", size from proposal_attachments where proposal_id = $1 order by id`,
    [proposalId],
  );
}

/** "1.2 MB", "340 kB" — sizes as people read them. */
export function formatSize(bytes: number, locale: string): string {
  const fmt = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  return `${fmt(Math.max(1, Math.round(bytes / 1024)))} kB`;
}
