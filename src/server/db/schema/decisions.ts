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
 * Commendation decisions (Quyết định khen thưởng), their awardees and the reward fund ledger.
 * An issued decision is immutable: its number, date, signer, legal bases and awardees never
 * change; a correction is a new decision with `corrects_decision_id`.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the issuing organisation (its short name is the issuer symbol: QĐ-SYT) */
    orgId: uuid('org_id').notNull(),
    roundId: uuid('round_id'),
    /** draft | issued */
    status: text('status').notNull().default('draft'),
    /** the achievement year the awards are for */
    achievementYear: integer('achievement_year').notNull(),
    /** annual | thematic | adhoc | career (the awards register kind) */
    awardKind: text('award_kind').notNull().default('annual'),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    /** "đã có thành tích xuất sắc trong …" (Điều 1) */
    achievementText: text('achievement_text').notNull(),
    legalBases: jsonb('legal_bases').$type<string[]>().notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    place: text('place').notNull(),
    issuerParentName: text('issuer_parent_name'),
    /** conferring authority line: "GIÁM ĐỐC SỞ Y TẾ" */
    authorityTitle: text('authority_title').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    /** KT. | TM. | Q. | TL. | null (the head signs) */
    signatureMode: text('signature_mode'),
    onBehalfOf: text('on_behalf_of'),
    correctsDecisionId: uuid('corrects_decision_id'),
    year: integer('year'),
    sequence: integer('sequence'),
    documentNumber: text('document_number'),
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull().default(0),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    /** generated documents (stored on first download; sealed with sha256) */
    docxFileId: uuid('docx_file_id'),
    pdfFileId: uuid('pdf_file_id'),
    certificatesFileId: uuid('certificates_file_id'),
    documentSeal: jsonb('document_seal'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decisions_org_idx').on(t.orgId, t.decisionDate),
    uniqueIndex('decisions_number_uq')
      .on(t.orgId, t.year, t.sequence)
      .where(sql`${t.sequence} is not null`),
    index('decisions_round_idx').on(t.roundId),
  ],
);

/** One awardee of a decision: a person or a collective, the title/form and the reward. */
export const decisionAwardees = pgTable(
  'decision_awardees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id').notNull(),
    position: integer('position').notNull(),
    proposalId: uuid('proposal_id'),
    personId: uuid('person_id'),
    orgId: uuid('org_id'),
    /** individual | collective */
    subject: text('subject').notNull(),
    awardCode: text('award_code').notNull(),
    /** snapshot of the name, position and unit as printed */
    name: text('name').notNull(),
    positionTitle: text('position_title'),
    unitName: text('unit_name'),
    unitOrgId: uuid('unit_org_id'),
    coefficient: text('coefficient'),
    baseSalary: bigint('base_salary', { mode: 'number' }),
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
    initiativeIds: uuid('initiative_ids').array().notNull().default(sql`'{}'::uuid[]`),
    researchProjectIds: uuid('research_project_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    index('decision_awardees_decision_idx').on(t.decisionId, t.position),
    index('decision_awardees_proposal_idx').on(t.proposalId),
  ],
);

/** Reward fund ledger (quỹ thi đua, khen thưởng) per organisation and year. */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** allocation (phân bổ, +) | payment (chi, −) */
    kind: text('kind').notNull(),
    /** positive amount of đồng; the kind gives the sign */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    decisionId: uuid('decision_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_entries_org_year_idx').on(t.orgId, t.year),
    uniqueIndex('fund_entries_decision_uq')
      .on(t.decisionId)
      .where(sql`${t.decisionId} is not null`),
  ],
);
