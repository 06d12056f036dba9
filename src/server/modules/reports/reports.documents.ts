import type { RollUpT } from '../../../contracts/reports';
import { SUBMISSION_STATUS_NAMES, type SubmissionStatus } from '../../../domain/reports/reports';
import { renderOfficialDocx } from '../../documents/docx/official';
import type { Block, CellValue, OfficialDocument } from '../../documents/model';
import { writeTableXlsx, type XlsxColumn } from '../../documents/xlsx/write';

/**
 * The roll-up report as an official document (BÁO CÁO, NĐ 30 layout, marked DỰ THẢO: the number
 * is given when the report is signed and issued) and as an XLSX table of every unit's figures.
 */

export const ROLLUP_TEMPLATE_VERSION = 'report-rollup/1';

const fmt = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('vi-VN').format(v));

/** "Sở Y tế tỉnh Điện Biên" → "Điện Biên"; otherwise the issuer's name. */
export function placeOf(issuerName: string, rootName: string): string {
  const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(rootName) ?? /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(issuerName);
  return m ? m[1]!.trim() : 'Việt Nam';
}

export function buildRollUpDocument(
  r: RollUpT,
  opts: {
    today: string;
    issuerParentName?: string;
    rootName: string;
    narratives: { title: string; items: { org: string; text: string }[] }[];
  },
): OfficialDocument {
  const s = r.statistics;
  const body: Block[] = [];
  body.push({
    kind: 'paragraph',
    text: `Thực hiện yêu cầu báo cáo "${r.request.title}" (${r.request.periodLabel}, hạn nộp ${r.request.dueOn.split('-').reverse().join('/')}), ${r.request.org.name} tổng hợp báo cáo của ${r.targets} đơn vị như sau:`,
  });
  body.push({ kind: 'heading', level: 1, text: 'TÌNH HÌNH NỘP BÁO CÁO' });
  body.push({
    kind: 'bullets',
    items: (['submitted', 'late', 'missing', 'pending'] as SubmissionStatus[]).map(
      (k) => `${SUBMISSION_STATUS_NAMES[k]}: ${r.counts[k]} đơn vị`,
    ),
  });
  body.push({ kind: 'heading', level: 1, text: 'TỔNG HỢP SỐ LIỆU CÁC ĐƠN VỊ' });
  body.push({
    kind: 'table',
    table: {
      columns: [
        { header: 'STT', width: 1.4, align: 'center' },
        { header: 'Chỉ tiêu', width: 6 },
        { header: 'Đơn vị tính', width: 2, align: 'center' },
        { header: 'Cách tổng hợp', width: 2.6, align: 'center' },
        { header: 'Kết quả', width: 2, align: 'right' },
        { header: 'Số đơn vị báo cáo', width: 2.2, align: 'right' },
      ],
      rows: r.fields.map((f, i) => [
        i + 1,
        f.label,
        f.unit,
        f.aggregate === 'sum' ? 'Cộng' : 'Trung bình',
        fmt(f.value),
        f.count,
      ]),
    },
  });
  body.push({ kind: 'heading', level: 1, text: `THỐNG KÊ TỪ HỆ THỐNG NĂM ${s.year}` });
  body.push({ kind: 'heading', level: 2, text: 'Khen thưởng theo danh hiệu, hình thức' });
  if (s.awardsByForm.length === 0)
    body.push({ kind: 'paragraph', text: 'Chưa có khen thưởng nào được ghi nhận.' });
  else
    body.push({
      kind: 'table',
      table: {
        columns: [
          { header: 'STT', width: 1.4, align: 'center' },
          { header: 'Danh hiệu, hình thức khen thưởng', width: 8 },
          { header: 'Số lượng', width: 2, align: 'right' },
        ],
        rows: s.awardsByForm.map((a, i) => [i + 1, a.name, a.count]),
        totals: ['', 'Tổng cộng', s.awardsByForm.reduce((x, a) => x + a.count, 0)],
      },
    });
  body.push({ kind: 'heading', level: 2, text: 'Đăng ký thi đua và sáng kiến' });
  body.push({
    kind: 'bullets',
    items: [
      s.registrations.available
        ? `Đăng ký thi đua: ${s.registrations.collectives} lượt tập thể, ${s.registrations.individuals} lượt cá nhân`
        : 'Đăng ký thi đua: chưa có dữ liệu',
      `Sáng kiến được công nhận: ${s.initiatives.total}${s.initiatives.byScope.length ? ` (${s.initiatives.byScope.map((x) => `${x.name.toLowerCase()}: ${x.count}`).join('; ')})` : ''}`,
    ],
  });
  if (s.indicators.length > 0) {
    body.push({ kind: 'heading', level: 2, text: 'Tiến độ thực hiện chỉ tiêu' });
    const statusName: Record<string, string> = {
      met: 'Đạt',
      on_track: 'Đúng tiến độ',
      behind: 'Chậm tiến độ',
      no_data: 'Chưa có số liệu',
    };
    body.push({
      kind: 'table',
      table: {
        columns: [
          { header: 'Chỉ tiêu', width: 6 },
          { header: 'Đơn vị tính', width: 2, align: 'center' },
          { header: 'Kết quả', width: 2, align: 'right' },
          { header: 'Mục tiêu', width: 2, align: 'right' },
          { header: 'Đánh giá', width: 2, align: 'center' },
        ],
        rows: s.indicators.map((x) => [
          x.name,
          x.unit,
          fmt(x.value),
          fmt(x.target),
          statusName[x.status] ?? x.status,
        ]),
      },
    });
  }
  if (opts.narratives.length > 0) {
    body.push({ kind: 'heading', level: 1, text: 'NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ' });
    for (const n of opts.narratives) {
      body.push({ kind: 'heading', level: 2, text: n.title });
      if (n.items.length === 0)
        body.push({ kind: 'paragraph', text: 'Chưa có đơn vị nào báo cáo nội dung này.' });
      for (const it of n.items) body.push({ kind: 'paragraph', lead: `${it.org}: `, text: it.text });
    }
  }
  const annexRows: CellValue[][] = r.byOrg.map((o, i) => [
    i + 1,
    o.org.name,
    SUBMISSION_STATUS_NAMES[o.status as SubmissionStatus] ?? o.status,
    ...r.fields.map((f) => o.figures[f.code] ?? null),
  ]);
  return {
    templateVersion: ROLLUP_TEMPLATE_VERSION,
    issuer: { parentName: opts.issuerParentName, name: r.request.org.name.toUpperCase() },
    documentNumber: '      /BC',
    place: placeOf(r.request.org.name, opts.rootName),
    date: opts.today,
    kindTitle: 'BÁO CÁO',
    subject: `Tổng hợp ${r.request.title.charAt(0).toLowerCase()}${r.request.title.slice(1)}`,
    preamble: [],
    body,
    annexes: [
      {
        label: 'Phụ lục',
        title: 'SỐ LIỆU BÁO CÁO CỦA CÁC ĐƠN VỊ',
        table: {
          columns: [
            { header: 'STT', width: 1.4, align: 'center' },
            { header: 'Đơn vị', width: 5 },
            { header: 'Tình trạng', width: 3 },
            ...r.fields.map((f) => ({
              header: `${f.label}${f.unit ? ` (${f.unit})` : ''}`,
              width: 2,
              align: 'right' as const,
            })),
          ],
          rows: annexRows,
          totals: ['', 'Tổng hợp', '', ...r.fields.map((f) => f.value)],
        },
        landscape: r.fields.length > 3,
      },
    ],
    recipients: ['Như trên', 'Lưu: VT, TĐKT'],
    signature: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '(Ký, ghi rõ họ tên)' },
    draft: true,
  };
}

export async function rollUpDocx(doc: OfficialDocument): Promise<Buffer> {
  return renderOfficialDocx(doc);
}

export async function rollUpXlsx(r: RollUpT): Promise<Buffer> {
  // integer fields stay numbers; a field with decimals (averages, rates) is written as Vietnamese text
  const integral = r.fields.map((f) =>
    [f.value, ...r.byOrg.map((o) => o.figures[f.code])].every((v) => v == null || Number.isInteger(v)),
  );
  const columns: XlsxColumn[] = [
    { header: 'Đơn vị', key: 'org', width: 40, format: 'text' },
    { header: 'Tình trạng', key: 'status', width: 22, format: 'text' },
    ...r.fields.map(
      (f, i): XlsxColumn => ({
        header: `${f.label}${f.unit ? ` (${f.unit})` : ''}`,
        key: `f${i}`,
        width: 18,
        format: integral[i] ? 'integer' : 'text',
      }),
    ),
  ];
  const dec = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  const cell = (i: number, v: number | null | undefined) =>
    v === null || v === undefined ? null : integral[i] ? v : dec.format(v);
  const rows: Record<string, unknown>[] = r.byOrg.map((o) => ({
    org: o.org.name,
    status: SUBMISSION_STATUS_NAMES[o.status as SubmissionStatus] ?? o.status,
    ...Object.fromEntries(r.fields.map((f, i) => [`f${i}`, cell(i, o.figures[f.code])])),
  }));
  rows.push({
    org: 'Tổng hợp',
    status: `${r.counts.submitted + r.counts.late}/${r.targets} đơn vị đã nộp`,
    ...Object.fromEntries(r.fields.map((f, i) => [`f${i}`, cell(i, f.value)])),
  });
  return writeTableXlsx({
    sheetName: 'Tổng hợp báo cáo',
    title: `${r.request.title} — ${r.request.periodLabel}`,
    columns,
    rows,
  });
}
