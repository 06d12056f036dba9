/**
 * The same NĐ 30 document model as PDF (pdfmake 0.3, Tinos as "Times"), laid out like the DOCX:
 * two-column header with drawn rules, kind and subject, numbered body, Nơi nhận beside the
 * signature, annexes on new (optionally landscape) pages, page numbers in the top margin from
 * page 2. Plus `renderTablePdf` for plain report tables.
 */
import type {
  Alignment,
  Content,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import {
  cellAlign,
  defaultAnnexSubtitle,
  formatCell,
  formatPlaceDate,
  headingLabels,
  MOTTO,
  NATIONAL_TITLE,
  recipientLines,
  signatureLines,
  upperVi,
} from '../format';
import {
  CLOSING_LEFT_SHARE,
  CONTENT_WIDTH,
  FIRST_LINE_INDENT,
  FONT,
  HEADER_LEFT_SHARE,
  PAGE,
  RULE,
  SIGNATURE_SPACE,
} from '../layout';
import {
  type Annex,
  assertValidDocument,
  type Block,
  type OfficialDocument,
  type Signature,
  type TableSpec,
} from '../model';
import { renderPdfmake } from './pdfmake';

const nfc = (s: string) => s.normalize('NFC');

interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
}

/**
 * Text as one inline per word, for justified paragraphs. pdfmake justifies by spreading space over
 * every inline, and its line breaker also splits after "/" and "-", so "06/2022/QH15" would come
 * out as "06/2022/ QH15". Words containing those characters are kept whole (`noWrap`).
 */
function words(text: string, style: InlineStyle = {}, trailing = ''): Content[] {
  const out: Content[] = [];
  const lines = nfc(text).split('\n');
  lines.forEach((line, li) => {
    const parts = line.split(/\s+/).filter(Boolean);
    parts.forEach((w, wi) => {
      const lastOfLine = wi === parts.length - 1;
      const sep = lastOfLine ? (li < lines.length - 1 ? '\n' : trailing) : ' ';
      out.push({ text: w + sep, noWrap: /[/\-–]/.test(w) && w.length <= 40, ...style });
    });
  });
  return out;
}

/** A centred horizontal rule of `length` pt inside a box `available` pt wide. */
function rule(length: number, available: number, marginTop = 3): Content {
  const x1 = Math.max(0, (available - length) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 1, x2: x1 + length, y2: 1, lineWidth: 0.6, lineColor: '#000000' }],
    margin: [0, marginTop, 0, 0],
  };
}

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

const CELL_PAD_X = 4;
const LINE_W = 0.5;
const GRID: CustomTableLayout = {
  hLineWidth: () => LINE_W,
  vLineWidth: () => LINE_W,
  paddingLeft: () => CELL_PAD_X,
  paddingRight: () => CELL_PAD_X,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A bordered data table scaled to `width` pt; the header row repeats on each page, rows never split. */
function dataTable(spec: TableSpec, width: number): Content {
  const n = spec.columns.length;
  const avail = width - n * 2 * CELL_PAD_X - (n + 1) * LINE_W;
  const sum = spec.columns.reduce((a, c) => a + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / sum) * avail);
  const header: TableCell[] = spec.columns.map((c) => ({
    text: nfc(c.header),
    bold: true,
    alignment: 'center',
  }));
  const rows: TableCell[][] = spec.rows.map((r) =>
    r.map((v, i) => ({ text: formatCell(v), alignment: cellAlign(spec.columns[i].align, v) })),
  );
  if (spec.totals) {
    rows.push(
      spec.totals.map((v, i) => ({
        text: formatCell(v),
        bold: true,
        alignment: cellAlign(spec.columns[i].align, v),
      })),
    );
  }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout: GRID,
    fontSize: FONT.table,
  };
}

function headerBlock(doc: OfficialDocument): Content {
  const width = CONTENT_WIDTH.portrait;
  const leftW = width * HEADER_LEFT_SHARE;
  const rightW = width - leftW;
  const left: Content[] = [];
  if (doc.issuer.parentName) left.push({ text: upperVi(doc.issuer.parentName), alignment: 'center' });
  left.push({ text: upperVi(doc.issuer.name), bold: true, alignment: 'center' }, rule(RULE.issuer, leftW));
  const right: Content[] = [
    { text: NATIONAL_TITLE, bold: true, alignment: 'center' },
    { text: MOTTO, bold: true, alignment: 'center', fontSize: FONT.motto },
    rule(RULE.motto, rightW),
  ];
  const numberCell: Content[] = [
    { text: `Số: ${nfc(doc.documentNumber)}`, alignment: 'center', margin: [0, 8, 0, 0] },
  ];
  if (!doc.kindTitle.trim()) {
    numberCell.push({
      text: `V/v ${nfc(doc.subject)}`,
      alignment: 'center',
      fontSize: 12,
      margin: [0, 3, 0, 0],
    });
  }
  return {
    table: {
      widths: [leftW, rightW],
      body: [
        [{ stack: left }, { stack: right }],
        [
          { stack: numberCell },
          {
            text: formatPlaceDate(doc.place, doc.date),
            italics: true,
            alignment: 'center',
            fontSize: FONT.body,
            margin: [0, 8, 0, 0],
          },
        ],
      ],
    },
    layout: NO_LINES,
    fontSize: FONT.header,
  };
}

function titleBlock(doc: OfficialDocument): Content[] {
  const width = CONTENT_WIDTH.portrait;
  const out: Content[] = [];
  if (doc.kindTitle.trim()) {
    out.push(
      { text: upperVi(doc.kindTitle), bold: true, alignment: 'center', margin: [0, 24, 0, 0] },
      { text: nfc(doc.subject), bold: true, alignment: 'center' },
      rule(RULE.subject, width),
    );
  }
  if (doc.authorityLine) {
    out.push({ text: upperVi(doc.authorityLine), bold: true, alignment: 'center', margin: [0, 18, 0, 0] });
  }
  doc.preamble.forEach((line, i) => {
    out.push({
      text: words(line, { italics: true }),
      alignment: 'justify',
      leadingIndent: FIRST_LINE_INDENT,
      margin: [0, i === 0 ? 12 : 0, 0, 6],
    });
  });
  return out;
}

function bodyBlocks(blocks: readonly Block[]): Content[] {
  const labels = headingLabels(blocks);
  return blocks.flatMap((b, i): Content[] => {
    switch (b.kind) {
      case 'heading':
        return [
          {
            text: words(`${labels[i]} ${b.level === 1 ? upperVi(b.text) : b.text}`, {
              bold: b.level < 3,
              italics: b.level === 3,
            }),
            leadingIndent: FIRST_LINE_INDENT,
            alignment: 'justify',
            margin: [0, b.level === 1 ? 6 : 3, 0, 6],
          },
        ];
      case 'paragraph': {
        const align = b.align ?? 'justify';
        const indent = !b.noIndent && (align === 'justify' || align === 'left');
        return [
          {
            text: [
              ...(b.lead ? words(b.lead, { bold: true }, ' ') : []),
              ...words(b.text, { bold: b.bold, italics: b.italic }),
            ],
            alignment: align as Alignment,
            leadingIndent: indent ? FIRST_LINE_INDENT : 0,
            margin: [0, 0, 0, 6],
          },
        ];
      }
      case 'bullets':
        return b.items.map((item) => ({
          text: words(`- ${item}`),
          alignment: 'justify' as Alignment,
          leadingIndent: FIRST_LINE_INDENT,
          margin: [0, 0, 0, 6] as [number, number, number, number],
        }));
      default: // 'table'
        return [{ stack: [dataTable(b.table, CONTENT_WIDTH.portrait)], margin: [0, 0, 0, 6] }];
    }
  });
}

/** A signature block; `lines` pads the title lines so that side-by-side names line up. */
function signatureStack(sig: Signature, lines = 0): Content {
  const titles = signatureLines(sig);
  while (titles.length < lines) titles.push(' ');
  return {
    stack: [
      ...titles.map((l) => ({ text: l, bold: true, alignment: 'center' as Alignment })),
      { text: nfc(sig.name), bold: true, alignment: 'center', margin: [0, SIGNATURE_SPACE, 0, 0] },
    ],
  };
}

function recipientStack(recipients: readonly string[]): Content {
  if (!recipients.length) return { text: '' };
  return {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: FONT.recipientsLabel },
      ...recipientLines(recipients).map((l) => ({ text: l, fontSize: FONT.recipients })),
    ],
  };
}

function closingBlock(doc: OfficialDocument): Content {
  const width = CONTENT_WIDTH.portrait;
  const leftW = width * CLOSING_LEFT_SHARE;
  const second = doc.secondSignature;
  const lines = Math.max(signatureLines(doc.signature).length, second ? signatureLines(second).length : 0);
  const body: TableCell[][] = second
    ? [[signatureStack(second, lines), signatureStack(doc.signature, lines)]]
    : [[recipientStack(doc.recipients), signatureStack(doc.signature)]];
  if (doc.secondSignature && doc.recipients.length) {
    body.push([{ stack: [recipientStack(doc.recipients)], margin: [0, 12, 0, 0] }, { text: '' }]);
  }
  return {
    table: { widths: [leftW, width - leftW], body, dontBreakRows: true },
    layout: NO_LINES,
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };
}

function annexBlock(doc: OfficialDocument, annex: Annex): Content {
  const width = annex.landscape ? CONTENT_WIDTH.landscape : CONTENT_WIDTH.portrait;
  const subtitle = annex.subtitle ?? defaultAnnexSubtitle(doc.kindTitle, doc.documentNumber, doc.date);
  return {
    stack: [
      ...(annex.label ? [{ text: nfc(annex.label), bold: true, alignment: 'center' as Alignment }] : []),
      { text: upperVi(annex.title), bold: true, alignment: 'center' },
      { text: nfc(subtitle), italics: true, alignment: 'center' },
      rule(RULE.subject, width),
      { text: '', margin: [0, 0, 0, 8] },
      dataTable(annex.table, width),
    ],
    pageBreak: 'before',
    pageOrientation: annex.landscape ? 'landscape' : 'portrait',
  };
}

const PAGE_MARGINS: [number, number, number, number] = [
  PAGE.margin.left,
  PAGE.margin.top,
  PAGE.margin.right,
  PAGE.margin.bottom,
];

/** Page number centred in the top margin, none on page 1 (a boxed "DỰ THẢO" there for drafts). */
function pageHeader(draft: boolean) {
  return (currentPage: number): Content | null => {
    if (currentPage === 1) {
      if (!draft) return null;
      return {
        table: { body: [[{ text: 'DỰ THẢO', bold: true, fontSize: FONT.marker, margin: [6, 1, 6, 0] }]] },
        layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
        alignment: 'right',
        margin: [PAGE.width - PAGE.margin.right - 80, PAGE.headerDistance, PAGE.margin.right, 0],
      };
    }
    return {
      text: String(currentPage),
      alignment: 'center',
      fontSize: FONT.body,
      margin: [PAGE.margin.left, PAGE.headerDistance, PAGE.margin.right, 0],
    };
  };
}

/** The pdfmake definition of an official document (exposed for tests and variants). */
export function officialPdfDefinition(doc: OfficialDocument): TDocumentDefinitions {
  assertValidDocument(doc);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    header: pageHeader(doc.draft === true),
    defaultStyle: { font: 'Times', fontSize: FONT.body, lineHeight: 1.05 },
    info: {
      title: `${nfc(doc.kindTitle)} ${nfc(doc.documentNumber)}`.trim(),
      subject: nfc(doc.subject).replace(/\n/g, ' '),
      creator: 'thidua',
      producer: 'thidua',
      keywords: `templateVersion=${doc.templateVersion}`,
    },
    content: [
      headerBlock(doc),
      ...titleBlock(doc),
      ...bodyBlocks(doc.body),
      closingBlock(doc),
      ...doc.annexes.map((a) => annexBlock(doc, a)),
    ],
  };
}

export async function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  return renderPdfmake(officialPdfDefinition(doc));
}

export interface TablePdfOptions {
  /** Bold centred title, e.g. "BÁO CÁO TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2025". */
  title: string;
  /** Italic line under the title. */
  subtitle?: string;
  table: TableSpec;
  landscape?: boolean;
  /** Small note under the table (source, time of export). */
  note?: string;
}

/** A plain report: title, subtitle, one bordered table, "Trang x/y" at the bottom. */
export async function renderTablePdf(options: TablePdfOptions): Promise<Buffer> {
  const landscape = options.landscape === true;
  const width = landscape ? CONTENT_WIDTH.landscape : CONTENT_WIDTH.portrait;
  const content: Content[] = [
    { text: upperVi(options.title), bold: true, alignment: 'center', fontSize: FONT.body },
  ];
  if (options.subtitle) content.push({ text: nfc(options.subtitle), italics: true, alignment: 'center' });
  content.push({ text: '', margin: [0, 0, 0, 8] }, dataTable(options.table, width));
  if (options.note)
    content.push({ text: nfc(options.note), italics: true, fontSize: 11, margin: [0, 6, 0, 0] });
  return renderPdfmake({
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: PAGE_MARGINS,
    defaultStyle: { font: 'Times', fontSize: FONT.table, lineHeight: 1.05 },
    footer: (currentPage, pageCount) => ({
      text: `Trang ${currentPage}/${pageCount}`,
      alignment: 'right',
      fontSize: 10,
      margin: [PAGE.margin.left, 20, PAGE.margin.right, 0],
    }),
    info: { title: nfc(options.title), creator: 'thidua', producer: 'thidua' },
    content,
  });
}
