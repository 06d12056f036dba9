import { sql } from 'drizzle-orm';
import { formatDocumentNumber } from '../../../domain/commendation/numbering';
import type { Queryable } from '../../db/client';

export interface ReservedNumber {
  sequence: number;
  year: number;
  /** "05/QĐ-SYT" */
  documentNumber: string;
}

/**
 * Reserves the next number of an issuer's yearly sequence for a document kind, inside the
 * caller's transaction (call it in the same transaction that issues the document).
 * `issuerShort` is the symbol of the issuing body (organizations.short_name, e.g. "SYT").
 */
export async function reserveDocumentNumber(
  tx: Queryable,
  input: { issuerOrgId: string; kindAbbr: string | null; issuerShort: string; year: number; series?: string },
): Promise<ReservedNumber> {
  const kind = `${input.kindAbbr ?? 'CV'}${input.series ? `:${input.series}` : ''}`;
  const res = await tx.execute<{ last_number: number }>(sql`
    insert into document_sequences (issuer_org_id, kind, year, last_number)
    values (${input.issuerOrgId}, ${kind}, ${input.year}, 1)
    on conflict (issuer_org_id, kind, year)
      do update set last_number = document_sequences.last_number + 1, updated_at = now()
    returning last_number`);
  const sequence = Number(res.rows[0]!.last_number);
  return {
    sequence,
    year: input.year,
    documentNumber: formatDocumentNumber({
      sequence,
      kindAbbr: input.kindAbbr,
      issuerShort: input.issuerShort,
    }),
  };
}

/** The last number used (0 if none) — for display ("số tiếp theo") without reserving. */
export async function lastDocumentNumber(
  db: Queryable,
  issuerOrgId: string,
  kindAbbr: string,
  year: number,
): Promise<number> {
  const res = await db.execute<{ last_number: number }>(sql`
    select last_number from document_sequences where issuer_org_id = ${issuerOrgId} and kind = ${kindAbbr} and year = ${year}`);
  return Number(res.rows[0]?.last_number ?? 0);
}
