/**
 * Plan-document reader: the text of a Vietnamese plan (Kế hoạch) → a structured draft.
 *
 * Works on clean Unicode text and on OCR text that lost its diacritics or carries OCR noise. Every
 * part is read by a small pure function (one file each); nothing is guessed: what is not found is
 * null or [] and usually explained in `warnings`.
 *
 *   text.ts        aligned raw / folded / OCR-repaired copies of the text
 *   fuzzy.ts       approximate phrase search (headings, motto)
 *   vocabulary.ts  known phrases and restoreDiacritics
 *   dates.ts       "ngày 08/8/2025", "ngày 11 tháng 8 năm 2025"
 *   numbers.ts     document numbers "252/KH-TTYT", "57-NQ/TW"
 *   header.ts      number, issuer, place and date, title
 *   preamble.ts    Căn cứ … (legalBases), Thực hiện … (implements)
 *   schedule.ts    phases, reviews, report deadlines
 *   awards.ts      award forms → catalog codes
 *   signature.ts   Nơi nhận, signer
 *   body.ts        content areas, responsibilities
 */
import { findAwardForms } from './awards';
import { findContentAreas, findResponsibilities } from './body';
import { parseHeader } from './header';
import { parsePreamble } from './preamble';
import { findDeadlines, findPhases, findReviews } from './schedule';
import { findRecipients, findSigner } from './signature';
import { lineAt, preparePlanText } from './text';
import type { ParsedPlan } from './types';

export { documentXmlToText } from './docx-text';
export type {
  DocumentRef,
  ParsedPlan,
  Phase,
  Recurrence,
  ReportDeadline,
  Responsibility,
  Review,
  Signer,
} from './types';
export { properName, restoreDiacritics } from './vocabulary';

/** A draft with nothing found. */
export function emptyPlan(warnings: string[] = []): ParsedPlan {
  return {
    documentNumber: null,
    issuer: null,
    parentIssuer: null,
    place: null,
    issuedOn: null,
    title: null,
    implements: [],
    legalBases: [],
    phases: [],
    reviews: [],
    awardForms: [],
    reportDeadlines: [],
    signer: null,
    recipients: [],
    contentAreas: [],
    responsibilities: [],
    warnings,
  };
}

/** Reads a plan's text (clean Unicode or OCR output) into a structured draft; never throws on odd input. */
export function parsePlanText(text: string): ParsedPlan {
  if (!/\p{L}/u.test(text)) return emptyPlan(['The text is empty.']);
  const doc = preparePlanText(text);
  const header = parseHeader(doc);
  const preamble = parsePreamble(doc, header.bodyStart);
  const bodyLine = lineAt(doc, preamble.end).index;
  const awards = findAwardForms(doc, preamble.end);
  const signature = findSigner(doc);
  return {
    documentNumber: header.documentNumber,
    issuer: header.issuer,
    parentIssuer: header.parentIssuer,
    place: header.place,
    issuedOn: header.issuedOn,
    title: header.title,
    implements: preamble.implements,
    legalBases: preamble.legalBases,
    phases: findPhases(doc),
    reviews: findReviews(doc),
    awardForms: awards.awardForms,
    reportDeadlines: findDeadlines(doc, preamble.end),
    signer: signature.signer,
    recipients: findRecipients(doc),
    contentAreas: findContentAreas(doc, bodyLine),
    responsibilities: findResponsibilities(doc, bodyLine),
    warnings: [...header.warnings, ...preamble.warnings, ...awards.warnings, ...signature.warnings],
  };
}
