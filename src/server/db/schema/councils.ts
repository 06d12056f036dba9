import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Councils (Hội đồng Thi đua - Khen thưởng), their sessions and secret ballots.
 *
 * Anonymity by construction: `ballot_participation` records WHO voted on an item (no choice, no
 * time, no serial) and `ballots` records WHAT was voted (no voter, no time, no serial, a random
 * sort key). Both rows are written in one transaction; when the chair closes the item the ballots
 * are deleted and re-inserted in random order inside the closing transaction, so neither row order
 * nor system columns (ctid, xmin) pair a participation row with a ballot.
 */

/** One council per organisation. */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** the decision establishing the council ("Quyết định số 12/QĐ-SYT ngày …") */
    establishedBy: text('established_by'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('councils_org_uq').on(t.orgId)],
);

/** A member of a council: a user account (who votes) with the role held in the council. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    userId: uuid('user_id').notNull(),
    personId: uuid('person_id'),
    fullName: text('full_name').notNull(),
    /** chức vụ: "Giám đốc Sở Y tế" */
    position: text('position'),
    /** chu_tich | pho_chu_tich | thuong_truc | uy_vien */
    role: text('role').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('council_members_active_uq')
      .on(t.councilId, t.userId)
      .where(sql`${t.removedAt} is null`),
    index('council_members_user_idx').on(t.userId),
  ],
);

/** A meeting (phiên họp) of a council with its attendance. */
export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    title: text('title').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    venue: text('venue'),
    startTime: text('start_time').notNull().default('08:00'),
    endTime: text('end_time').notNull().default('11:00'),
    /** members present (council_members.id) — the quorum is counted on them */
    presentMemberIds: uuid('present_member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** members of the council when the session was created (council size for thresholds) */
    membersTotal: integer('members_total').notNull(),
    minutesNumber: text('minutes_number'),
    minutesFileId: uuid('minutes_file_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_sessions_council_idx').on(t.councilId, t.meetingDate)],
);

/** An agenda item: one proposal put to a secret ballot. */
export const sessionItems = pgTable(
  'session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    position: integer('position').notNull(),
    /** draft | open | closed (domain BALLOT_WORKFLOW) */
    ballotStatus: text('ballot_status').notNull().default('draft'),
    /** counts, written only when the ballot closes */
    agree: integer('agree'),
    disagree: integer('disagree'),
    /** outcome of the domain ballot rule (status, required, summary, threshold used) */
    outcome: jsonb('outcome'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_items_proposal_uq').on(t.sessionId, t.proposalId),
    index('session_items_proposal_idx').on(t.proposalId),
  ],
);

/** Who has voted on an item — and nothing else (no choice, no time, no serial). */
export const ballotParticipation = pgTable(
  'ballot_participation',
  {
    itemId: uuid('item_id').notNull(),
    memberUserId: uuid('member_user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberUserId] })],
);

/** What was voted — and nothing else (no voter, no time, no serial; a random sort key). */
export const ballots = pgTable(
  'ballots',
  {
    itemId: uuid('item_id').notNull(),
    /** agree | disagree */
    choice: text('choice').notNull(),
    sortKey: uuid('sort_key').notNull().defaultRandom(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.sortKey] })],
);
