// Drizzle table definitions for the core tables created by core-migrations.ts.
import { pgTable, text, uuid, timestamp, boolean, integer, serial, bigserial, jsonb, primaryKey } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email'),
  passwordHash: text('password_hash'),
  displayName: text('display_name').notNull(),
  locale: text('locale').notNull().default('ro'),
  emailVerifiedAt: tz('email_verified_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  disabledAt: tz('disabled_at'),
  erasedAt: tz('erased_at'),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    grantedAt: tz('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
});

export const consents = pgTable('consents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  version: text('version').notNull(),
  granted: boolean('granted').notNull(),
  at: tz('at').notNull().defaultNow(),
});

export const organizations = pgTable('organizations', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  helixType: text('helix_type').notNull(),
  verifiedAt: tz('verified_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  nameRo: text('name_ro').notNull(),
  nameEn: text('name_en').notNull(),
  nameHu: text('name_hu').notNull(),
  departmentId: integer('department_id'),
  active: boolean('active').notNull().default(true),
});

export const mailOutbox = pgTable('mail_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: tz('created_at').notNull().defaultNow(),
  sentAt: tz('sent_at'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id'),
  details: jsonb('details').notNull().default({}),
  at: tz('at').notNull().defaultNow(),
});
