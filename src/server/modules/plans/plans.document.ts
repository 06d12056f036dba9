import { AWARD_CODES, AWARD_NAMES, type AwardCode } from '../../../domain/commendation/codes';
import { type PlanContent, RECURRENCE_NAMES, REVIEW_TYPE_NAMES } from '../../../domain/plans/model';
import { formatShortDate, upperVi } from '../../documents/format';
import type { Block, OfficialDocument, Signature, SignatureMode, TableSpec } from '../../documents/model';

export const PLAN_TEMPLATE_VERSION = 'plan-nd30-v1';

const MODES: SignatureMode[] = ['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.'];

/**
 * The signature of a plan from its signer lines as written in the plan:
 *   "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" → KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC
 *   "KT. GIÁM ĐỐC"                → KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC (a deputy signs for the head)
 *   "GIÁM ĐỐC"                    → GIÁM ĐỐC
 */
export function planSignature(title: string, name: string): Signature {
  const t = title.trim();
  const mode = MODES.find((m) => t.toUpperCase().startsWith(m));
  if (!mode) return { title: t, name };
  const rest = t.slice(mode.length).trim();
  const [onBehalfOf, own] = rest.split('/').map((s) => s.trim());
  if (mode === 'Q.') return { mode, title: onBehalfOf || rest, name };
  return {
    mode,
    onBehalfOf: onBehalfOf || rest,
    title: own || (mode === 'KT.' ? `PHÓ ${onBehalfOf}` : onBehalfOf || rest),
    name,
  };
}

/** Kind of a cited document from its symbol: "71/NQ-CP", "57-NQ/TW", "152/2025/NĐ-CP", "8602-QĐ/TU". */
const KIND_WORDS: Record<string, string> = {
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  QĐ: 'Quyết định',
  TT: 'Thông tư',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KL: 'Kết luận',
  TB: 'Thông báo',
};

export function documentKindWord(number: string | null): string {
  const m = /^\d+(?:\/\d{4})?[-/]([\p{L}]+)/u.exec((number ?? '').trim());
  return (m && KIND_WORDS[m[1]!]) || 'văn bản';
}

function refLine(r: PlanContent['references'][number]): string {
  const kindWord = documentKindWord(r.number);
  const parts = [`${kindWord} số ${r.number ?? '…'}`];
  if (r.issuedOn) parts.push(`ngày ${formatShortDate(r.issuedOn)}`);
  if (r.issuer) parts.push(`của ${r.issuer}`);
  let line = parts.join(' ');
  if (r.title) line += ` về ${r.title.replace(/^về\s+/i, '')}`;
  return line;
}

const paragraphs = (text: string | null): Block[] =>
  (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({ kind: 'paragraph' as const, text: s }));

function targetTable(targets: PlanContent['targets']): TableSpec {
  return {
    columns: [
      { header: 'TT', width: 1, align: 'center' },
      { header: 'Chỉ tiêu', width: 8 },
      { header: 'Mục tiêu', width: 2, align: 'right' },
      { header: 'Đơn vị tính', width: 2, align: 'center' },
      { header: 'Thời hạn', width: 2.4, align: 'center' },
    ],
    rows: targets.map((t, i) => [
      i + 1,
      t.content,
      t.targetValue,
      t.unit ?? '',
      t.dueOn ? formatShortDate(t.dueOn) : '',
    ]),
  };
}

export interface PlanDocumentInput {
  content: PlanContent;
  /** "234/KH-SYT"; a draft has no number yet */
  documentNumber: string | null;
  /** "KH-SYT" for the blank number of a draft */
  symbol: string;
  draft: boolean;
  /** the issuer's name as written in sentences ("Trung tâm Y tế Điện Biên Phủ"); also the header fallback */
  orgHeaderName: string;
  orgParentHeaderName: string | null;
  /** today, for a draft without a date */
  today: string;
}

/** A plan as an NĐ 30 official document (header, number, place-date, KẾ HOẠCH, I./1. sections, Nơi nhận, signature). */
export function buildPlanDocument(input: PlanDocumentInput): OfficialDocument {
  const c = input.content;
  const issuerName = upperVi(c.issuerName ?? input.orgHeaderName);
  const parentName = c.parentIssuerName ?? input.orgParentHeaderName;
  const preamble: string[] = [
    ...c.references.filter((r) => r.kind === 'legal_basis').map((r) => `Căn cứ ${refLine(r)};`),
    ...c.references.filter((r) => r.kind === 'implements').map((r) => `Thực hiện ${refLine(r)};`),
  ];
  if (preamble.length > 0) preamble[preamble.length - 1] = preamble.at(-1)!.replace(/;$/, ',');

  const body: Block[] = [];
  const h1 = (text: string) => body.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => body.push({ kind: 'heading', level: 2, text });
  const issuerSentence = input.orgHeaderName;
  body.push({
    kind: 'paragraph',
    text: `${issuerSentence} ban hành Kế hoạch ${c.title ? c.title.charAt(0).toLocaleLowerCase('vi-VN') + c.title.slice(1) : ''} như sau:`.replace(
      /\s+như sau:$/,
      ' như sau:',
    ),
  });

  if (c.purposes || c.requirements) {
    h1('MỤC ĐÍCH, YÊU CẦU');
    if (c.purposes) {
      h2('Mục đích');
      body.push(...paragraphs(c.purposes));
    }
    if (c.requirements) {
      h2('Yêu cầu');
      body.push(...paragraphs(c.requirements));
    }
  }

  if (c.participants || c.phases.length > 0 || c.yearFrom) {
    h1('ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN THỰC HIỆN');
    if (c.participants) {
      h2('Đối tượng, phạm vi');
      body.push(...paragraphs(c.participants));
    }
    h2('Thời gian thực hiện');
    if (c.yearFrom && c.yearTo)
      body.push({
        kind: 'paragraph',
        text: `Từ năm ${c.yearFrom} đến năm ${c.yearTo}, chia thành các giai đoạn:`,
      });
    if (c.phases.length > 0) {
      body.push({
        kind: 'bullets',
        items: c.phases.map((p, i) => {
          const review =
            p.reviewType && p.reviewYear
              ? `; ${REVIEW_TYPE_NAMES[p.reviewType].toLocaleLowerCase('vi-VN')} vào năm ${p.reviewYear}`
              : '';
          return `${p.name ?? `Giai đoạn ${i + 1}`} (${p.fromYear} - ${p.toYear})${review}.`;
        }),
      });
    }
  }

  if (c.contentAreas.length > 0 || c.targets.length > 0) {
    h1('NỘI DUNG THI ĐUA');
    for (const area of c.contentAreas) {
      const [first, ...rest] = area.split(/\n+/);
      h2(first!.trim());
      body.push(...paragraphs(rest.join('\n')));
    }
    if (c.targets.length > 0) {
      h2('Các chỉ tiêu phấn đấu');
      body.push({ kind: 'table', table: targetTable(c.targets) });
    }
  }

  const awards = c.awardForms.filter((a): a is AwardCode => (AWARD_CODES as readonly string[]).includes(a));
  if (c.criteriaCollective || c.criteriaIndividual || c.criteriaOther || awards.length > 0) {
    h1('TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG');
    if (c.criteriaCollective || c.criteriaIndividual || c.criteriaOther) {
      h2('Tiêu chí thi đua');
      if (c.criteriaCollective) {
        body.push({ kind: 'heading', level: 3, text: 'Đối với tập thể' });
        body.push(...paragraphs(c.criteriaCollective));
      }
      if (c.criteriaIndividual) {
        body.push({ kind: 'heading', level: 3, text: 'Đối với cá nhân' });
        body.push(...paragraphs(c.criteriaIndividual));
      }
      if (c.criteriaOther) {
        body.push({ kind: 'heading', level: 3, text: 'Đối với các đối tượng khác' });
        body.push(...paragraphs(c.criteriaOther));
      }
    }
    if (awards.length > 0) {
      h2('Hình thức khen thưởng');
      body.push({ kind: 'bullets', items: awards.map((a) => `${AWARD_NAMES[a]};`) });
    }
  }

  if (c.budgetSources) {
    h1('KINH PHÍ THỰC HIỆN');
    body.push(...paragraphs(c.budgetSources));
  }

  if (c.responsibilities.length > 0) {
    h1('TỔ CHỨC THỰC HIỆN');
    for (const r of c.responsibilities) {
      h2(r.department);
      body.push(...paragraphs(r.content));
      if (r.dueOn) {
        const rec =
          r.recurrence && r.recurrence !== 'once'
            ? ` (${RECURRENCE_NAMES[r.recurrence].toLocaleLowerCase('vi-VN')})`
            : '';
        body.push({
          kind: 'paragraph',
          text: `Thời hạn: trước ngày ${formatShortDate(r.dueOn)}${rec}.`,
          italic: true,
        });
      }
    }
  }

  body.push({
    kind: 'paragraph',
    text: `Trên đây là Kế hoạch ${c.title ? c.title.charAt(0).toLocaleLowerCase('vi-VN') + c.title.slice(1) : ''}. Trong quá trình triển khai, nếu có vướng mắc, các đơn vị phản ánh về ${issuerSentence} để được hướng dẫn./.`,
  });

  const recipients = c.recipients.length > 0 ? c.recipients : ['Lưu: VT'];
  return {
    templateVersion: PLAN_TEMPLATE_VERSION,
    issuer: parentName ? { parentName: upperVi(parentName), name: issuerName } : { name: issuerName },
    documentNumber: input.documentNumber ?? `      /${input.symbol}`,
    place: c.place ?? '……………',
    date: c.issuedOn ?? input.today,
    kindTitle: 'KẾ HOẠCH',
    subject: c.title || '……………',
    preamble,
    body,
    annexes: [],
    recipients,
    signature: planSignature(c.signerTitle ?? 'GIÁM ĐỐC', c.signerName ?? '……………'),
    draft: input.draft,
  };
}
