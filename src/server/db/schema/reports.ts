import { sql } from 'drizzle-orm';
import {
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

/**
 * Tasks, periodic reports, the e-mail outbox and in-app notifications (issue 4, item 7).
 */

/** A task (nhiệm vụ) an organisation assigns, often derived from a plan's responsibilities. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the organisation that owns (assigns) the task — scope is checked on its path */
    orgId: uuid('org_id').notNull(),
    /** the organisation that carries it out (a subordinate unit or the owner itself) */
    assigneeOrgId: uuid('assignee_org_id'),
    /** the office or department in charge, as written in the plan ("Phòng Tổ chức cán bộ") */
    assigneeDepartment: text('assignee_department'),
    content: text('content').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    recurrence: text('recurrence'),
    status: text('status').notNull().default('open'), // open | done
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** the plan responsibility it came from (plan_responsibilities.id), if any */
    sourceResponsibilityId: uuid('source_responsibility_id'),
    planId: uuid('plan_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_org_idx').on(t.orgId),
    index('tasks_assignee_idx').on(t.assigneeOrgId),
    uniqueIndex('tasks_source_uq')
      .on(t.sourceResponsibilityId, t.assigneeOrgId)
      .where(sql`${t.sourceResponsibilityId} is not null`),
  ],
);

/**
 * A request for a periodic report, sent by an organisation to its subordinate organisations.
 * `template`: { fields: [{ code, label, unit, aggregate: 'sum' | 'avg' }], sections: [{ code, title }] }.
 */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    periodKind: text('period_kind').notNull(), // year | interim | final
    periodYear: integer('period_year').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    template: jsonb('template').notNull(),
    note: text('note'),
    planId: uuid('plan_id'),
    status: text('status').notNull().default('open'), // open | closed
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_requests_org_idx').on(t.orgId, t.dueOn)],
);

/** One row per requested organisation: the draft and then the submitted report. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** { [fieldCode]: number | null } */
    figures: jsonb('figures').notNull().default({}),
    /** { [sectionCode]: string } */
    narrative: jsonb('narrative').notNull().default({}),
    status: text('status').notNull().default('draft'), // draft | submitted
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_submissions_uq').on(t.requestId, t.orgId),
    index('report_submissions_org_idx').on(t.orgId),
  ],
);

/** Reminders sent for a report ("Nhắc hạn"); the automatic check sends at most one per request/org/day. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    orgId: uuid('org_id').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(), // manual | auto
    reason: text('reason').notNull(), // pending | missing | late
    sentBy: uuid('sent_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_reminders_auto_uq').on(t.requestId, t.orgId, t.sentOn).where(sql`${t.kind} = 'auto'`),
    index('report_reminders_request_idx').on(t.requestId),
  ],
);

/** The e-mail outbox: written in the caller's transaction, delivered by the sender afterwards. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipients: jsonb('recipients').notNull(), // string[]
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    kind: text('kind').notNull(),
    refId: text('ref_id'),
    /** the organisation the mail concerns (outbox view scope); null → visible at the top level only */
    orgId: uuid('org_id'),
    /** queued | sent | failed (gave up after the last retry) | not_sent (no SMTP configured) */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_created_idx').on(t.createdAt),
  ],
);

/** In-app notifications (the bell in the header). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
