import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { citext } from './types';

// ---------------------------------------------------------------- organisations

/**
 * The organisation tree (Sở Y tế → units → khoa / phòng / trạm y tế).
 * `path` is a materialised path of ids ("/<root>/<unit>/<dept>/") used for subtree queries
 * (`path LIKE '/root/unit/%'`, indexed with text_pattern_ops).
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    type: text('type').notNull(),
    code: citext('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_code_uq').on(t.code),
    index('organizations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('organizations_parent_idx').on(t.parentId),
  ],
);

/** An event in an organisation's history, with its effective date and deciding document. */
export const orgEvents = pgTable(
  'org_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(), // create | rename | move | merge | split | dissolve
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    documentNumber: text('document_number'),
    documentDate: date('document_date', { mode: 'string' }),
    documentIssuer: text('document_issuer'),
    note: text('note'),
    payload: jsonb('payload').notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_events_effective_idx').on(t.effectiveOn)],
);

/** Which organisations an event touched and in which role (source, target, created, renamed …). */
export const orgEventParticipants = pgTable(
  'org_event_participants',
  {
    eventId: uuid('event_id').notNull(),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(), // subject | source | target | created | old_parent | new_parent
  },
  (t) => [
    index('org_event_participants_org_idx').on(t.orgId),
    index('org_event_participants_event_idx').on(t.eventId),
  ],
);

/** Lineage edges: predecessor → successor, created by merge and split events. */
export const orgLineage = pgTable(
  'org_lineage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    predecessorId: uuid('predecessor_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('org_lineage_pred_idx').on(t.predecessorId), index('org_lineage_succ_idx').on(t.successorId)],
);

/** Name history (renames): one row per name an organisation has carried. */
export const orgNames = pgTable(
  'org_names',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    eventId: uuid('event_id'),
  },
  (t) => [index('org_names_org_idx').on(t.orgId)],
);

// ---------------------------------------------------------------- staff

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffCode: citext('staff_code').notNull(),
    fullName: text('full_name').notNull(),
    /** lower(f_unaccent(full_name)) for diacritic-insensitive search */
    nameFolded: text('name_folded').notNull().generatedAlwaysAs(sql`lower(f_unaccent(full_name))`),
    /** vi_sort_key(full_name): Vietnamese alphabetical order when compared with COLLATE "C" */
    nameSort: text('name_sort').notNull().generatedAlwaysAs(sql`vi_sort_key(full_name)`),
    /** the unit of the current (or, after leaving, the last) membership — kept by the staff service */
    currentOrgId: uuid('current_org_id'),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'), // male | female
    position: text('position'),
    professionalTitle: text('professional_title'),
    employmentType: text('employment_type'), // civil_servant | public_employee | contract
    personalId: text('personal_id'), // CCCD number; masked unless the caller may see it
    email: text('email'),
    phone: text('phone'),
    status: text('status').notNull().default('active'), // active | left
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_staff_code_uq').on(t.staffCode),
    index('people_name_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    index('people_name_sort_idx').using('btree', sql`${t.nameSort} collate "C"`),
    index('people_current_org_idx').on(t.currentOrgId),
  ],
);

/** Membership of a person in an organisation over time (transfers close one and open another). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    orgId: uuid('org_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('memberships_person_idx').on(t.personId),
    index('memberships_org_idx').on(t.orgId),
    uniqueIndex('memberships_one_current_uq').on(t.personId).where(sql`${t.toDate} is null`),
  ],
);

// ---------------------------------------------------------------- accounts and access

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: citext('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id'),
    email: text('email'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lastFailedLoginAt: timestamp('last_failed_login_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** A role granted on an organisation; valid for the organisation's whole subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    orgId: uuid('org_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_uq').on(t.userId, t.role, t.orgId),
    index('role_grants_org_idx').on(t.orgId),
  ],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------- audit trail

/**
 * Append-only, hash-chained audit trail. hash = sha256(prev_hash ‖ canonical row); rows are
 * appended under a transaction-scoped advisory lock so concurrent writers cannot fork the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    orgId: uuid('org_id'),
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

// ---------------------------------------------------------------- imports and settings

/** A parsed XLSX upload waiting for the user's decision (preview → commit). */
export const importBatches = pgTable('import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  status: text('status').notNull().default('preview'), // preview | committed | discarded
  rows: jsonb('rows').notNull(),
  errors: jsonb('errors').notNull(),
  summary: jsonb('summary'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
});

/** Key/value settings edited by administrators (each change is audited). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
