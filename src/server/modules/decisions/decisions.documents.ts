/**
 * The decision (Quyết định khen thưởng) as an NĐ 30 `OfficialDocument`, and its certificates.
 * Pure: everything comes from the decision snapshot (header fields and awardee rows).
 */
import {
  AWARD_KIND,
  AWARD_NAMES,
  type AwardCode,
  amountInWords,
  formatVnd,
} from '../../../domain/commendation';
import { formatShortDate, upperVi } from '../../documents/format';
import type { OfficialDocument, SignatureMode } from '../../documents/model';
import type { CertificateItem } from '../../documents/pdf/certificate';

export const DECISION_TEMPLATE_VERSION = 'qd-khen-thuong@1';

export interface DecisionSnapshot {
  documentNumber: string | null;
  issuerShort: string;
  issuerName: string;
  issuerParentName: string | null;
  place: string;
  decisionDate: string;
  subject: string;
  achievementText: string;
  achievementYear: number;
  legalBases: string[];
  recipients: string[];
  authorityTitle: string;
  signerName: string;
  signerTitle: string;
  signatureMode: string | null;
  onBehalfOf: string | null;
  status: 'draft' | 'issued';
  correctsNumber: string | null;
}

export interface AwardeeSnapshot {
  subject: 'individual' | 'collective';
  awardCode: string;
  name: string;
  positionTitle: string | null;
  unitName: string | null;
  amount: number;
  coefficient: string | null;
  gender?: string | null;
}

const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;
const isTitle = (code: string) => AWARD_KIND[code as AwardCode] === 'title';

/** "Lao động tiên tiến" → "danh hiệu Lao động tiên tiến"; forms keep their name ("Giấy khen"). */
export function awardPhrase(code: string): string {
  return isTitle(code) ? `danh hiệu “${awardName(code)}”` : awardName(code);
}

/** Default trích yếu from the awardees. */
export function defaultSubject(codes: string[], year: number): string {
  const distinct = [...new Set(codes)];
  if (distinct.length === 1) return `Về việc tặng ${awardPhrase(distinct[0]!)} năm ${year}`;
  return `Về việc khen thưởng thành tích năm ${year}`;
}

export function defaultLegalBases(decisionDate: string): string[] {
  const decree =
    decisionDate >= '2025-07-01'
      ? 'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;'
      : 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;';
  return [
    'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
    decree,
    'Theo đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng.',
  ];
}

/** "Sở Y tế tỉnh Điện Biên" → { name: "SỞ Y TẾ", parent: "UBND TỈNH ĐIỆN BIÊN" }. */
export function issuerHeader(
  orgName: string,
  parentName: string | null,
): { name: string; parent: string | null } {
  const m = /^(Sở .+?)\s+tỉnh\s+(.+)$/u.exec(orgName.trim());
  if (m && !parentName) return { name: upperVi(m[1]!), parent: `UBND TỈNH ${upperVi(m[2]!)}` };
  return { name: upperVi(orgName), parent: parentName ? upperVi(parentName) : null };
}

function groupLabel(awardees: readonly AwardeeSnapshot[]): string {
  const people = awardees.filter((a) => a.subject === 'individual').length;
  const groups = awardees.length - people;
  const parts: string[] = [];
  if (groups > 0) parts.push(`${groups} tập thể`);
  if (people > 0) parts.push(`${people} cá nhân`);
  return parts.join(' và ');
}

export function buildDecisionDocument(
  d: DecisionSnapshot,
  awardees: readonly AwardeeSnapshot[],
): OfficialDocument {
  const codes = [...new Set(awardees.map((a) => a.awardCode))];
  const what = codes.map(awardPhrase).join(', ');
  const total = awardees.reduce((s, a) => s + a.amount, 0);
  const number = d.documentNumber ?? `     /QĐ-${d.issuerShort}`;
  const signer = d.signatureMode
    ? {
        mode: d.signatureMode as SignatureMode,
        onBehalfOf: d.onBehalfOf ?? d.authorityTitle.replace(/\s+SỞ.*$/u, ''),
        title: d.signerTitle,
        name: d.signerName,
      }
    : { title: d.signerTitle, name: d.signerName };
  const article1 = `Tặng ${what} cho ${groupLabel(awardees)} (có danh sách kèm theo) ${d.achievementText}.`;
  const article2 =
    total > 0
      ? `Kèm theo mỗi danh hiệu, hình thức khen thưởng là tiền thưởng bằng hệ số nhân với mức lương cơ sở theo quy định, làm tròn lên hàng chục nghìn đồng. Tổng số tiền thưởng: ${formatVnd(total)} (${amountInWords(total)}), chi từ quỹ thi đua, khen thưởng của đơn vị.`
      : 'Kinh phí khen thưởng thực hiện theo quy định hiện hành.';
  const body: OfficialDocument['body'] = [
    { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center', noIndent: true },
    { kind: 'paragraph', lead: 'Điều 1.', text: article1 },
    { kind: 'paragraph', lead: 'Điều 2.', text: article2 },
  ];
  if (d.correctsNumber) {
    body.push({
      kind: 'paragraph',
      text: `Quyết định này đính chính và thay thế Quyết định số ${d.correctsNumber}.`,
    });
  }
  body.push({
    kind: 'paragraph',
    lead: 'Điều 3.',
    text: 'Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng các phòng chức năng, Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
  });
  return {
    templateVersion: DECISION_TEMPLATE_VERSION,
    issuer: d.issuerParentName
      ? { parentName: d.issuerParentName, name: d.issuerName }
      : { name: d.issuerName },
    documentNumber: number,
    place: d.place,
    date: d.decisionDate,
    kindTitle: 'QUYẾT ĐỊNH',
    subject: d.subject,
    authorityLine: d.authorityTitle,
    preamble: d.legalBases,
    body,
    annexes: [
      {
        title: `DANH SÁCH ĐƯỢC TẶNG ${upperVi(codes.map((c) => awardName(c)).join(', '))}`,
        subtitle: `(Kèm theo Quyết định số ${number} ngày ${formatShortDate(d.decisionDate)} của ${sentence(d.authorityTitle)})`,
        landscape: true,
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: 'Họ và tên / Tên tập thể', width: 5 },
            { header: 'Chức vụ', width: 3 },
            { header: 'Đơn vị', width: 5 },
            { header: 'Danh hiệu, hình thức', width: 4 },
            { header: 'Tiền thưởng (đồng)', width: 3 },
          ],
          rows: awardees.map((a, i) => [
            i + 1,
            a.name,
            a.positionTitle ?? '',
            a.unitName ?? '',
            awardName(a.awardCode),
            a.amount,
          ]),
          totals: ['', 'Tổng cộng', '', '', '', total],
        },
      },
    ],
    recipients: [...d.recipients],
    signature: signer,
    draft: d.status === 'draft',
  };
}

/** "GIÁM ĐỐC SỞ Y TẾ" → "Giám đốc Sở Y tế" (for the annex subtitle). */
function sentence(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi-VN');
  return (
    lower.charAt(0).toLocaleUpperCase('vi-VN') +
    lower
      .slice(1)
      .replace(/\bsở\b/u, 'Sở')
      .replace(/\by tế\b/u, 'Y tế')
  );
}

export function buildCertificates(
  d: DecisionSnapshot,
  awardees: readonly AwardeeSnapshot[],
): CertificateItem[] {
  const signer = d.signatureMode
    ? {
        mode: d.signatureMode as SignatureMode,
        onBehalfOf: d.onBehalfOf ?? d.authorityTitle.replace(/\s+SỞ.*$/u, ''),
        title: d.signerTitle,
        name: d.signerName,
      }
    : { title: d.signerTitle, name: d.signerName };
  return awardees.map((a) => {
    const honorific =
      a.subject === 'individual' ? (a.gender === 'male' ? 'Ông ' : a.gender === 'female' ? 'Bà ' : '') : '';
    const title = isTitle(a.awardCode);
    return {
      authority: d.authorityTitle,
      ...(title ? { lead: 'TẶNG DANH HIỆU' } : {}),
      form: upperVi(awardName(a.awardCode)),
      awardee: {
        name: `${honorific}${a.name}`,
        ...(a.positionTitle || a.unitName
          ? { line: [a.positionTitle, a.unitName].filter(Boolean).join(', ') }
          : {}),
      },
      achievement: `${d.achievementText.charAt(0).toLocaleUpperCase('vi-VN')}${d.achievementText.slice(1)}.`,
      decision: { number: d.documentNumber ?? '', date: d.decisionDate },
      place: d.place,
      date: d.decisionDate,
      signer,
    };
  });
}
