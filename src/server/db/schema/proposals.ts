import { sql } from 'drizzle-orm';
import {
  bigint,
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
 * Award rounds (đợt khen thưởng), proposals (đề nghị khen thưởng) with their dossiers, and
 * emulation registrations (đăng ký thi đua). Status columns only change through the transition
 * tables of `src/domain/commendation/workflow.ts`; `version` guards concurrent changes.
 */

/** An award round of an organisation: units below it propose nominees into it. */
export const awardRounds = pgTable(
  'award_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(), // annual | thematic | adhoc | career
    year: integer('year').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    movementPlanId: uuid('movement_plan_id'),
    publicCommentFrom: date('public_comment_from', { mode: 'string' }),
    publicCommentUntil: date('public_comment_until', { mode: 'string' }),
    status: text('status').notNull().default('open'), // open | closed
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('award_rounds_org_idx').on(t.orgId, t.year)],
);

/** One nominee (a person or a collective) proposed for one title or form in a round. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    proposingOrgId: uuid('proposing_org_id').notNull(),
    personId: uuid('person_id'),
    /** collective nominee */
    orgId: uuid('org_id'),
    awardCode: text('award_code').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    returnReason: text('return_reason'),
    achievementReport: text('achievement_report'),
    /** the verdict recorded at appraisal, with ruleSetId / ruleSetVersion and dossier completeness */
    eligibility: jsonb('eligibility'),
    initiativeIds: uuid('initiative_ids').array().notNull().default(sql`'{}'::uuid[]`),
    councilResult: jsonb('council_result'),
    decisionId: uuid('decision_id'),
    /** the proposal created in the superior organisation's round when this one was forwarded */
    forwardedToRoundId: uuid('forwarded_to_round_id'),
    forwardedProposalId: uuid('forwarded_proposal_id'),
    /** the lower-level proposal this one was forwarded from */
    forwardedFromId: uuid('forwarded_from_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_round_idx').on(t.roundId, t.status),
    index('proposals_proposing_org_idx').on(t.proposingOrgId),
    index('proposals_person_idx').on(t.personId),
    index('proposals_org_idx').on(t.orgId),
    uniqueIndex('proposals_round_person_award_uq')
      .on(t.roundId, t.personId, t.awardCode)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('proposals_round_org_award_uq')
      .on(t.roundId, t.orgId, t.awardCode)
      .where(sql`${t.orgId} is not null`),
  ],
);

/** Transition history of a proposal (who, when, action, reason). */
export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id').notNull(),
    action: text('action').notNull(), // create | a PROPOSAL_ACTIONS value | council_result | decided
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_events_proposal_idx').on(t.proposalId, t.at)],
);

/** Evidence and generated documents of a proposal's dossier. */
export const proposalFiles = pgTable(
  'proposal_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** evidence | achievement_report | submission (tờ trình) | list | minutes */
    kind: text('kind').notNull().default('evidence'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    note: text('note'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_files_proposal_idx').on(t.proposalId)],
);

/** Emulation registration (đăng ký thi đua) of one unit for one year. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'), // REGISTRATION_STATES
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('registrations_org_year_uq').on(t.orgId, t.year)],
);

/** One registered title: a collective title of the unit (org_id) or an individual title (person_id). */
export const registrationItems = pgTable(
  'registration_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id').notNull(),
    personId: uuid('person_id'),
    orgId: uuid('org_id'),
    awardCode: text('award_code').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_items_registration_idx').on(t.registrationId),
    uniqueIndex('registration_items_person_uq')
      .on(t.registrationId, t.personId, t.awardCode)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('registration_items_org_uq')
      .on(t.registrationId, t.orgId, t.awardCode)
      .where(sql`${t.orgId} is not null`),
  ],
);

/** Transition history of a registration (submit, return with reason, approve). */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_events_registration_idx').on(t.registrationId, t.at)],
);
