import {
  boolean,
  date,
  doublePrecision,
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
 * Emulation blocks and clusters (khối, cụm thi đua): comparable organisations that pledge to
 * emulate each other for a year, are scored against a criteria set (self-score → appraisal →
 * final), ranked, and whose leaders become candidates for the Cờ thi đua.
 */

/** A criteria set (bộ tiêu chí chấm điểm thi đua), owned by the organisation that runs the blocks. */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('criteria_sets_owner_idx').on(t.ownerOrgId)],
);

/** One criterion of a set; a tree (parent_id), leaves are scored. */
export const criteria = pgTable(
  'criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(), // "1", "1.2" …
    name: text('name').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('criteria_set_idx').on(t.setId), uniqueIndex('criteria_set_code_uq').on(t.setId, t.code)],
);

/** A block (khối) or cluster (cụm) for a year, run by `owner_org_id`. */
export const emulationGroups = pgTable(
  'emulation_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    kind: text('kind').notNull(), // block | cluster
    name: text('name').notNull(),
    year: integer('year').notNull(),
    pledge: text('pledge'),
    criteriaSetId: uuid('criteria_set_id'),
    /** how many leaders become candidates for the Cờ thi đua */
    leaderCount: integer('leader_count').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('emulation_groups_owner_idx').on(t.ownerOrgId, t.year)],
);

/** A member organisation of a block and its pledge signature. */
export const emulationGroupMembers = pgTable(
  'emulation_group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    orgId: uuid('org_id').notNull(),
    pledgeSignedOn: date('pledge_signed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('emulation_group_members_uq').on(t.groupId, t.orgId),
    index('emulation_group_members_org_idx').on(t.orgId),
  ],
);

/** A member's score sheet: draft → self_submitted → appraised → final. */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull().default('draft'),
    selfTotal: doublePrecision('self_total'),
    appraisedTotal: doublePrecision('appraised_total'),
    finalTotal: doublePrecision('final_total'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('score_sheets_uq').on(t.groupId, t.orgId)],
);

/** Points for one leaf criterion: the unit's self-score with evidence, then the appraiser's. */
export const scoreEntries = pgTable(
  'score_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    selfPoints: doublePrecision('self_points'),
    selfNote: text('self_note'),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    appraisedPoints: doublePrecision('appraised_points'),
    appraiserNote: text('appraiser_note'),
  },
  (t) => [uniqueIndex('score_entries_uq').on(t.sheetId, t.criterionId)],
);
