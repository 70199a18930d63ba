// Project photos (the proposal's pictures, then the works in progress). Bytes are sniffed, never
// trusted by name; sharp re-encodes them to JPEG, which drops EXIF (GPS, camera, owner), and
// makes a thumbnail. The same treatment as report photos; if a third module needs it, it belongs
// in src/core.
import sharp from 'sharp';
import type { AppContext } from '../../core/context.ts';
import { recordAudit } from '../../core/admin/audit/record.ts';

export const MAX_PROJECT_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'avif']);

type Processed = { image: Buffer; thumb: Buffer; width: number; height: number };

async function reencode(input: Buffer): Promise<Processed | 'not_image' | 'too_small'> {
  try {
    const meta = await sharp(input, { failOn: 'error', limitInputPixels: 50_000_000 }).metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) return 'not_image';
    if ((meta.width ?? 0) < 32 || (meta.height ?? 0) < 32) return 'too_small';
    // rotate() applies the EXIF orientation before the metadata is dropped.
    const base = sharp(input, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
    const { data: image, info } = await base.clone().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const thumb = await base.clone().resize({ width: 320, height: 240, fit: 'cover' }).jpeg({ quality: 70 }).toBuffer();
    return { image, thumb, width: info.width, height: info.height };
  } catch {
    return 'not_image';
  }
}

export type PhotoOutcome = { kind: 'added'; id: number } | { kind: 'not_found' } | { kind: 'too_many' } | { kind: 'not_image' } | { kind: 'too_small' };

export async function addProjectPhoto(ctx: AppContext, actorId: string, projectId: number, input: Buffer): Promise<PhotoOutcome> {
  const processed = await reencode(input);
  if (typeof processed === 'string') return { kind: processed };
  return ctx.database.transaction(async (tx): Promise<PhotoOutcome> => {
    const [p] = await tx.query<{ status: string; n: number }>(
      'select status, (select count(*)::int from pb_project_photos where project_id = $1) as n from pb_projects where id = $1 for update',
      [projectId],
    );
    if (!p) return { kind: 'not_found' };
    if (p.n >= MAX_PROJECT_PHOTOS) return { kind: 'too_many' };
    const stage = p.status === 'selected' || p.status === 'implemented' ? 'implementation' : 'proposal';
    const [row] = await tx.query<{ id: string }>(
      'insert into pb_project_photos (project_id, stage, uploaded_by, width, height, image, thumb) values ($1, $2, $3, $4, $5, $6, $7) returning id',
      [projectId, stage, actorId, processed.width, processed.height, processed.image, processed.thumb],
    );
    await recordAudit(tx, { actorId, action: 'pb.project.photo', subjectType: 'pb_project', subjectId: projectId, details: { photoId: Number(row!.id), stage } });
    return { kind: 'added', id: Number(row!.id) };
  });
}
