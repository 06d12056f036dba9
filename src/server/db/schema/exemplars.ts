import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Exemplary stories (gương điển hình tiên tiến) shown on the public honour board (bảng vàng).
 * A story is about a person (`person_id`) or a collective (`subject_org_id`) and belongs to the
 * organisation `org_id` that publishes it (scope of editing and of the honour board filter).
 * Only `published` stories are public; the public page shows names, never identifiers.
 */
export const exemplars = pgTable(
  'exemplars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id'),
    subjectOrgId: uuid('subject_org_id'),
    /** the award this story accompanies (optional), from the award register */
    awardId: uuid('award_id'),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exemplars_org_year_idx').on(t.orgId, t.year),
    index('exemplars_published_idx').on(t.year).where(sql`${t.published}`),
  ],
);
