import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './types';

/**
 * The history a nominee's eligibility is computed from: annual quality ratings, the award
 * register (titles and forms received, from thidua's own decisions or imported), recognised
 * initiatives, accepted research projects and discipline periods. Subjects are either a person
 * (`person_id`) or a collective (`org_id`).
 */

/** Annual quality rating (xếp loại chất lượng) of a person or a collective. */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id'),
    orgId: uuid('org_id'),
    year: integer('year').notNull(),
    rating: text('rating').notNull(), // HTXSNV | HTTNV | HTNV | KHTNV
    /** the rating regime: NĐ 90/2020 (+NĐ 48/2023) for viên chức, NĐ 335/2025 for công chức … */
    regime: text('regime'),
    /** the unit that rated the person that year (for lineage and scope) */
    ratedByOrgId: uuid('rated_by_org_id'),
    note: text('note'),
    enteredBy: uuid('entered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_person_year_uq').on(t.personId, t.year).where(sql`${t.personId} is not null`),
    uniqueIndex('ratings_org_year_uq').on(t.orgId, t.year).where(sql`${t.orgId} is not null`),
  ],
);

/** The award register: every emulation title and commendation form a subject received. */
export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id'),
    orgId: uuid('org_id'),
    awardCode: text('award_code').notNull(),
    /** the achievement year (the year the title is for) */
    year: integer('year').notNull(),
    decisionId: uuid('decision_id'),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** conferring authority as written on the decision ("Giám đốc Sở Y tế", "Thủ tướng Chính phủ") */
    issuer: text('issuer'),
    /** internal (a thidua decision), import (historical list), external (conferred by a higher level) */
    source: text('source').notNull().default('import'),
    /** the person's unit when awarded (history follows lineage from it) */
    unitOrgId: uuid('unit_org_id'),
    achievement: text('achievement'),
    amount: bigint('amount', { mode: 'number' }),
    /** annual (công trạng) | thematic | adhoc | career — only annual ones count for title chains */
    kind: text('kind').notNull().default('annual'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('awards_person_idx').on(t.personId, t.year),
    index('awards_org_idx').on(t.orgId, t.year),
    index('awards_code_year_idx').on(t.awardCode, t.year),
    index('awards_decision_idx').on(t.decisionId),
  ],
);

/** Initiative (sáng kiến) recognised by a council, with its scope of influence. One use only. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    scope: text('scope').notNull(), // unit | province | national
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    recognitionDecision: text('recognition_decision'),
    summary: text('summary'),
    /** set when it supports a title or form: one initiative, one use */
    usedByAwardCode: text('used_by_award_code'),
    usedForYear: integer('used_for_year'),
    usedByPersonId: uuid('used_by_person_id'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency for edits */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('initiatives_org_idx').on(t.orgId, t.year)],
);

export const initiativeAuthors = pgTable(
  'initiative_authors',
  {
    initiativeId: uuid('initiative_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** share of authorship in percent (sums to 100 per initiative) */
    share: numeric('share', { precision: 5, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('initiative_authors_uq').on(t.initiativeId, t.personId),
    index('initiative_authors_person_idx').on(t.personId),
  ],
);

/** Scientific research project (đề tài khoa học) accepted (nghiệm thu). */
export const researchProjects = pgTable(
  'research_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    scope: text('scope').notNull(), // unit | province | national
    acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
    acceptanceDecision: text('acceptance_decision'),
    usedByAwardCode: text('used_by_award_code'),
    usedForYear: integer('used_for_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_projects_org_idx').on(t.orgId, t.year)],
);

export const researchProjectMembers = pgTable(
  'research_project_members',
  {
    projectId: uuid('project_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull().default('member'), // lead | member
  },
  (t) => [
    uniqueIndex('research_project_members_uq').on(t.projectId, t.personId),
    index('research_project_members_person_idx').on(t.personId),
  ],
);

/** Discipline (kỷ luật) periods: no commendation while disciplined; achievements count after. */
export const disciplines = pgTable(
  'disciplines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    form: text('form').notNull(), // khien_trach | canh_cao | ha_bac_luong | cach_chuc | buoc_thoi_viec
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    decision: text('decision'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disciplines_person_idx').on(t.personId)],
);

/** Versions of the rules catalog: immutable; a parameter change creates a new version. */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    basedOnVersion: integer('based_on_version'),
    note: text('note'),
    /** the whole catalog as data (conditions, caps, thresholds, coefficients, citations) */
    data: jsonb('data').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rule_sets_version_uq').on(t.version)],
);

/** Mức lương cơ sở as a dated table (2,340,000 đ from 2024-07-01, NĐ 73/2024). */
export const baseSalaries = pgTable(
  'base_salaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    legalBasis: text('legal_basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('base_salaries_from_uq').on(t.effectiveFrom)],
);

/** Stored files (evidence, generated documents): content-addressed, server-generated names. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    originalName: text('original_name').notNull(),
    /** bytes are kept in the database so one backup holds everything (files ≤ UPLOAD_MAX_MB) */
    content: bytea('content').notNull(),
    ownerOrgId: uuid('owner_org_id'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_sha_idx').on(t.sha256)],
);

/**
 * A batch eligibility evaluation (a unit subtree, a year): the rule-set version it used and the
 * counts per code, so that old verdicts keep the version they were computed under.
 */
export const eligibilityRuns = pgTable(
  'eligibility_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** the evaluation date (rule set in force, disciplines in force) */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    /** 'individual' | 'collective' | 'both' */
    subjects: text('subjects').notNull(),
    codes: jsonb('codes'),
    nominees: integer('nominees').notNull(),
    /** per code: eligible / notEligible / missingData / capLimit / acceptedByCap / rejectedByCap */
    counts: jsonb('counts').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('eligibility_runs_org_idx').on(t.orgId, t.year)],
);

/** One verdict of a run (status and summary; the explanation is recomputed on demand). */
export const eligibilityRunResults = pgTable(
  'eligibility_run_results',
  {
    runId: uuid('run_id').notNull(),
    personId: uuid('person_id'),
    orgId: uuid('org_id'),
    awardCode: text('award_code').notNull(),
    status: text('status').notNull(), // eligible | not_eligible | missing_data
    /** within the cap of the unit (null when the code has no cap or the verdict is not eligible) */
    withinCap: integer('within_cap'),
    ruleVersion: integer('rule_version').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [
    index('eligibility_run_results_run_idx').on(t.runId, t.awardCode, t.status),
    index('eligibility_run_results_person_idx').on(t.personId),
  ],
);
