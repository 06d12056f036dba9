/**
 * NĐ 30 page geometry shared by the DOCX and PDF renderers, in points (1 pt = 20 twips).
 * A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (NĐ 30 Phụ lục I).
 */
import { MOTTO_WIDTH_PT_14_BOLD } from './fonts';

const mm = (v: number) => (v * 72) / 25.4;

export const PAGE = {
  width: 595.3, // 11906 twips
  height: 841.9, // 16838 twips
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
  /** Distance of the page number from the top edge. */
  headerDistance: mm(10),
} as const;

export const CONTENT_WIDTH = {
  portrait: PAGE.width - PAGE.margin.left - PAGE.margin.right,
  landscape: PAGE.height - PAGE.margin.left - PAGE.margin.right,
} as const;

/** Share of the text width taken by the left header column (issuing body): 3600 of 9355 twips. */
export const HEADER_LEFT_SHARE = 3600 / 9355;
/** Share of the text width taken by the Nơi nhận column beside the signature. */
export const CLOSING_LEFT_SHARE = 4500 / 9355;

/** Rule lengths: under the issuing body, under the Tiêu ngữ (its own width), under the subject. */
export const RULE = {
  issuer: 65,
  motto: Math.ceil(MOTTO_WIDTH_PT_14_BOLD) + 1,
  subject: 113.5,
} as const;

/** Vertical room left for the handwritten signature and the seal. */
export const SIGNATURE_SPACE = 85;
/** First-line indent of body paragraphs (1 cm). */
export const FIRST_LINE_INDENT = mm(10);

/** Font sizes in points. */
export const FONT = {
  body: 14,
  header: 13,
  motto: 14,
  table: 13,
  recipientsLabel: 12,
  recipients: 11,
  marker: 12,
} as const;
