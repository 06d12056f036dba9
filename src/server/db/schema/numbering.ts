import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Yearly document number sequences per issuer and kind (NĐ 30/2020: numbers are unique within a
 * calendar year per issuing body; an advisory council has its own series). A number is reserved
 * by incrementing the row inside the caller's transaction: concurrent issuers wait on the row
 * lock, and a rolled-back transaction gives its number back, so there are no gaps.
 */
export const documentSequences = pgTable(
  'document_sequences',
  {
    issuerOrgId: uuid('issuer_org_id').notNull(),
    /** kind abbreviation (QĐ, KH, TTr, BB …) plus an optional series suffix (e.g. "BB:HĐTĐKT") */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuerOrgId, t.kind, t.year] })],
);
