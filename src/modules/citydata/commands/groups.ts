// Device groups: the API key is shown once at creation and stored only as its SHA-256 (keys are
// 32 random bytes, so a fast hash is enough and lookups stay cheap per MQTT message).
import type { Database } from '../../../core/db/database.ts';
import { randomToken, sha256 } from '../../../core/auth/tokens.ts';
import { ENTITY_TYPES } from '../model.ts';

export interface GroupInput {
  name: string;
  entityType: string;
  departmentId: number | null;
  public: boolean;
  staleAfterMinutes: number;
}

export type GroupOutcome = { kind: 'created'; id: number; apiKey: string } | { kind: 'invalid'; errors: { field: string; reason: string }[] };

export async function createGroup(db: Database, input: GroupInput): Promise<GroupOutcome> {
  const errors: { field: string; reason: string }[] = [];
  const name = input.name.trim();
  if (!name || name.length > 120) errors.push({ field: 'name', reason: 'citydata.err.name' });
  if (!ENTITY_TYPES.includes(input.entityType)) errors.push({ field: 'entityType', reason: 'citydata.err.type' });
  if (!Number.isInteger(input.staleAfterMinutes) || input.staleAfterMinutes < 1 || input.staleAfterMinutes > 525600) errors.push({ field: 'staleAfter', reason: 'citydata.err.number' });
  if (errors.length) return { kind: 'invalid', errors };
  // URL-safe, so the key can sit in an MQTT topic level.
  const apiKey = randomToken(24);
  const [row] = await db.query<{ id: number }>(
    `insert into citydata_groups (name, entity_type, api_key_hash, key_hint, department_id, public, stale_after_minutes)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [name, input.entityType, sha256(apiKey), apiKey.slice(-4), input.departmentId, input.public, input.staleAfterMinutes],
  );
  return { kind: 'created', id: row!.id, apiKey };
}

export async function revokeGroup(db: Database, id: number): Promise<boolean> {
  const rows = await db.query('update citydata_groups set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
  return rows.length > 0;
}
