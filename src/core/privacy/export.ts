// The data export (GDPR art. 15 and 20): everything the platform holds about one person, in one
// JSON document. Secrets are never part of it: no password hash, no session id, no token hash.
import type { AppContext } from '../context.ts';
import { consentHistory, iso, loadDemographics } from './queries.ts';

export const EXPORT_FORMAT = 'dezvolt-personal-data/1';

export type ExportOutcome = { kind: 'exported'; data: Record<string, unknown>; filename: string } | { kind: 'not_found' };

export function exportFilename(now: Date): string {
  return `dezvolt-export-${now.toISOString().slice(0, 10)}.json`;
}

export async function collectPersonalData(ctx: AppContext, userId: string, now = new Date()): Promise<ExportOutcome> {
  const db = ctx.database;
  const [u] = await db.query<{ id: string; email: string | null; display_name: string; locale: string; email_verified_at: unknown; created_at: unknown }>(
    'select id, email, display_name, locale, email_verified_at, created_at from users where id = $1 and erased_at is null',
    [userId],
  );
  if (!u) return { kind: 'not_found' };
  const roles = await db.query<{ role: string; granted_at: unknown }>('select role, granted_at from user_roles where user_id = $1 order by role', [userId]);
  const departments = await db.query<{ id: number; slug: string; name: string }>(
    'select d.id, d.slug, d.name from department_members m join departments d on d.id = m.department_id where m.user_id = $1 order by d.name',
    [userId],
  );
  const organizations = await db.query<{ id: number; name: string; helix_type: string }>(
    'select o.id, o.name, o.helix_type from organization_members m join organizations o on o.id = m.organization_id where m.user_id = $1 order by o.name',
    [userId],
  );
  const demographics = await loadDemographics(ctx, userId);
  const [district] = demographics?.districtId
    ? await db.query<{ name: string }>('select name from areas where id = $1', [demographics.districtId])
    : [];
  const [sessions] = await db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1 and expires_at > now()', [userId]);
  const logins = u.email
    ? await db.query<{ ok: boolean; at: unknown }>('select ok, at from login_attempts where email = $1 order by at desc', [u.email])
    : [];
  // Bodies are left out on purpose: they carry one-time verification and reset links.
  const mail = u.email
    ? await db.query<{ subject: string; status: string; created_at: unknown; sent_at: unknown }>(
        'select subject, status, created_at, sent_at from mail_outbox where to_address = $1 order by created_at desc',
        [u.email],
      )
    : [];
  const audit = await db.query<{ action: string; subject_type: string; subject_id: string | null; at: unknown }>(
    'select action, subject_type, subject_id, at from audit_log where actor_id = $1 order by at desc',
    [userId],
  );

  const modules: Record<string, Record<string, unknown>> = {};
  for (const m of ctx.modules) if (m.personalData) modules[m.name] = await m.personalData(ctx, userId);

  const data = {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    profile: {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      locale: u.locale,
      emailVerifiedAt: iso(u.email_verified_at),
      createdAt: iso(u.created_at),
    },
    roles: roles.map((r) => ({ role: r.role, grantedAt: iso(r.granted_at) })),
    departments,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, helixType: o.helix_type })),
    consents: await consentHistory(ctx, userId),
    demographics: demographics ? { ...demographics, districtName: district?.name ?? null } : null,
    activeSessions: sessions?.n ?? 0,
    loginAttempts: logins.map((l) => ({ ok: l.ok, at: iso(l.at) })),
    mail: mail.map((m) => ({ subject: m.subject, status: m.status, createdAt: iso(m.created_at), sentAt: iso(m.sent_at) })),
    adminActions: audit.map((a) => ({ action: a.action, subjectType: a.subject_type, subjectId: a.subject_id, at: iso(a.at) })),
    modules,
  };
  return { kind: 'exported', data, filename: exportFilename(now) };
}
