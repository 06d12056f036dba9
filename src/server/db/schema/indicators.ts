import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { citext } from './types';

/**
 * Targets and indicators (chỉ tiêu, chỉ số) of a movement or plan, their periodic values per
 * organisation, and the staff's completions of the basic digital-skills programme
 * (Bình dân học vụ số), which feed the "% staff certified" indicator.
 */

/** An indicator definition: what is measured, in which unit, and how it rolls up to parents. */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: citext('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(), // '%', 'hồ sơ', 'thủ tục' …
    description: text('description'),
    /** higher | lower: which way is better */
    direction: text('direction').notNull().default('higher'),
    /** sum | average | weighted: how children's values combine into the parent's */
    rollup: text('rollup').notNull().default('average'),
    /** for rollup = weighted: the indicator whose values weigh the children (e.g. number of adults) */
    weightIndicatorId: uuid('weight_indicator_id'),
    /** last | sum | average: how the periods of a year combine into the year's value */
    yearAggregation: text('year_aggregation').notNull().default('last'),
    /** month | quarter | year: the usual reporting period */
    periodicity: text('periodicity').notNull().default('quarter'),
    /** manual (entered / imported) | digital_skills (computed from staff and completions) */
    source: text('source').notNull().default('manual'),
    /** weight in the composite digital-transformation index (null: not part of it) */
    dtiWeight: doublePrecision('dti_weight'),
    /** normalisation bounds for the index (value at dtiMin → 0 points, at dtiMax → 100) */
    dtiMin: doublePrecision('dti_min'),
    dtiMax: doublePrecision('dti_max'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_definitions_code_uq').on(t.code)],
);

/** A target (chỉ tiêu) for one organisation and year, set directly or taken from a plan. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    target: doublePrecision('target').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** plan | direct */
    source: text('source').notNull().default('direct'),
    planId: uuid('plan_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_targets_uq').on(t.indicatorId, t.orgId, t.year),
    index('indicator_targets_org_idx').on(t.orgId),
  ],
);

/**
 * A reported value for one organisation and period. `period` is 'Y' (year), 'Q1'…'Q4' or
 * 'M01'…'M12'; `periodEnd` is the period's last day (for ordering and charts).
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    importBatchId: uuid('import_batch_id'),
    enteredBy: uuid('entered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_uq').on(t.indicatorId, t.orgId, t.year, t.period),
    index('indicator_values_org_idx').on(t.orgId, t.year),
  ],
);

/** A staff member's completion of the basic digital-skills programme (Bình dân học vụ số). */
export const digitalSkillCompletions = pgTable(
  'digital_skill_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** the unit the person belonged to when the completion was recorded */
    orgId: uuid('org_id').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    certificateNumber: text('certificate_number'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('digital_skill_completions_person_uq').on(t.personId),
    index('digital_skill_completions_org_idx').on(t.orgId),
    uniqueIndex('digital_skill_completions_cert_uq')
      .on(t.certificateNumber)
      .where(sql`${t.certificateNumber} is not null`),
  ],
);
