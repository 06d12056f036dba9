import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// ---------------------------------------------------------------- movements and plans (issue 4)

/**
 * A plan (Kế hoạch) of an organisation: the Sở's plan implementing the province's, a unit's plan
 * implementing the Sở's, a department's plan. `parent_plan_id` links a derived plan to the plan it
 * implements when that plan is in the system; plans of bodies outside the system (the national
 * movement, the provincial People's Committee) are `plan_references` of kind `implements`.
 * A draft is edited freely (optimistic `version`); issuing reserves the number from the issuer's
 * yearly KH sequence and freezes the plan.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the issuing organisation */
    orgId: uuid('org_id').notNull(),
    parentPlanId: uuid('parent_plan_id'),
    status: text('status').notNull().default('draft'), // draft | issued
    /** sequence number in the issuer's yearly KH series (set on issue) */
    number: integer('number'),
    /** "KH-SYT" — the symbol after the number; with the number: "234/KH-SYT" */
    symbol: text('symbol'),
    place: text('place'),
    issuedOn: date('issued_on', { mode: 'string' }),
    title: text('title').notNull().default(''),
    yearFrom: integer('year_from'),
    yearTo: integer('year_to'),
    /** header lines as printed: "SỞ Y TẾ" under "UBND TỈNH ĐIỆN BIÊN" */
    issuerName: text('issuer_name'),
    parentIssuerName: text('parent_issuer_name'),
    purposes: text('purposes'),
    requirements: text('requirements'),
    participants: text('participants'),
    /** content areas ("Thi đua …"), one string each */
    contentAreas: jsonb('content_areas').$type<string[]>().notNull().default([]),
    criteriaCollective: text('criteria_collective'),
    criteriaIndividual: text('criteria_individual'),
    criteriaOther: text('criteria_other'),
    /** award form codes of the commendation catalog (src/domain/commendation/codes.ts) */
    awardForms: jsonb('award_forms').$type<string[]>().notNull().default([]),
    budgetSources: text('budget_sources'),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    /** import provenance: which fields the reader recognised, its warnings, the source file name */
    importInfo: jsonb('import_info'),
    version: integer('version').notNull().default(1),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_org_idx').on(t.orgId),
    index('plans_parent_idx').on(t.parentPlanId),
    index('plans_status_idx').on(t.status),
  ],
);

/** Phases (giai đoạn) of a plan with their review conference (sơ kết = interim, tổng kết = final). */
export const planPhases = pgTable(
  'plan_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    name: text('name'),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    reviewType: text('review_type'), // interim | final | null
    reviewYear: integer('review_year'),
  },
  (t) => [index('plan_phases_plan_idx').on(t.planId)],
);

/** Targets (chỉ tiêu) with an optional link to an indicator code, value, unit and due date. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    content: text('content').notNull(),
    indicatorCode: text('indicator_code'),
    targetValue: numeric('target_value'),
    unit: text('unit'),
    dueOn: date('due_on', { mode: 'string' }),
  },
  (t) => [index('plan_targets_plan_idx').on(t.planId)],
);

/** Who does what by when ("Tổ chức thực hiện"). `org_id` when the responsible body is in the system. */
export const planResponsibilities = pgTable(
  'plan_responsibilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull().default(0),
    orgId: uuid('org_id'),
    department: text('department').notNull(),
    content: text('content').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** once | yearly | six-monthly | quarterly | monthly | null */
    recurrence: text('recurrence'),
  },
  (t) => [index('plan_responsibilities_plan_idx').on(t.planId), index('plan_responsibilities_org_idx').on(t.orgId)],
);

/** Documents a plan cites: the plans it implements ("Thực hiện …") and its legal bases ("Căn cứ …"). */
export const planReferences = pgTable(
  'plan_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(), // implements | legal_basis
    number: text('number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuer: text('issuer'),
    title: text('title'),
    /** the referenced plan when it is in the system */
    referencedPlanId: uuid('referenced_plan_id'),
  },
  (t) => [index('plan_references_plan_idx').on(t.planId), index('plan_references_ref_idx').on(t.referencedPlanId)],
);

/** Reminders sent from a plan's status board to a subordinate without an implementing plan. */
export const planReminders = pgTable(
  'plan_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    orgId: uuid('org_id').notNull(),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    mailId: text('mail_id'),
  },
  (t) => [index('plan_reminders_plan_idx').on(t.planId, t.orgId)],
);
