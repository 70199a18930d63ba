// API keys for Open311 clients. Only a hash is stored, so the key is shown once when issued;
// issuing and revoking are audited in the same transaction as the change.
import type { AppContext } from '../../../core/context.ts';
import { randomToken, sha256 } from '../../../core/auth/tokens.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';

export const LABEL_MAX = 100;

export interface ApiKeyRow {
  id: number;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** Reports filed with the key so far. */
  reports: number;
}

export type IssueOutcome = { kind: 'issued'; id: number; key: string } | { kind: 'invalid_label' };
export type RevokeOutcome = { kind: 'revoked'; label: string } | { kind: 'not_found' } | { kind: 'already_revoked' };

export async function issueApiKey(ctx: AppContext, actorId: string, rawLabel: string): Promise<IssueOutcome> {
  const label = rawLabel.trim();
  if (!label || label.length > LABEL_MAX) return { kind: 'invalid_label' };
  // A recognisable prefix lets secret scanners and people spot a leaked key.
  const key = `dz311_${randomToken(24)}`;
  return ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>('insert into open311_api_keys (key_hash, label) values ($1, $2) returning id', [sha256(key), label]);
    await recordAudit(tx, { actorId, action: 'open311.key.issue', subjectType: 'open311_api_key', subjectId: row!.id, details: { label } });
    return { kind: 'issued', id: row!.id, key } as const;
  });
}

export async function revokeApiKey(ctx: AppContext, actorId: string, id: number): Promise<RevokeOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ label: string; revoked: boolean }>('select label, revoked_at is not null as revoked from open311_api_keys where id = $1 for update', [id]);
    if (!row) return { kind: 'not_found' } as const;
    if (row.revoked) return { kind: 'already_revoked' } as const;
    await tx.query('update open311_api_keys set revoked_at = now() where id = $1', [id]);
    await recordAudit(tx, { actorId, action: 'open311.key.revoke', subjectType: 'open311_api_key', subjectId: id, details: { label: row.label } });
    return { kind: 'revoked', label: row.label } as const;
  });
}

export async function listApiKeys(ctx: AppContext): Promise<ApiKeyRow[]> {
  return ctx.database.query<ApiKeyRow>(
    `select k.id, k.label, to_char(k.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
            to_char(k.revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt",
            (select count(*)::int from reports r where r.api_key_id = k.id) as reports
     from open311_api_keys k order by k.revoked_at is not null, k.created_at desc, k.id desc`,
  );
}

/** The id of the live key, or undefined for a missing, unknown or revoked one. */
export async function authenticateApiKey(ctx: AppContext, key: string | undefined): Promise<number | undefined> {
  if (!key || key.length > 200) return undefined;
  const [row] = await ctx.database.query<{ id: number }>('select id from open311_api_keys where key_hash = $1 and revoked_at is null', [sha256(key)]);
  return row?.id;
}
