/**
 * NĐ 30/2020 administrative document as DOCX (docx 9): A4, margins 20/20/30/15 mm, Times New Roman,
 * the two-column header (issuing body | Quốc hiệu, Tiêu ngữ), number and place-and-date line, kind
 * and subject, body with "I."/"1."/"a)" numbering, Nơi nhận beside the signature block, annexes on
 * their own (optionally landscape) pages, page numbers centred in the top margin from page 2 on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  cellAlign,
  defaultAnnexSubtitle,
  formatCell,
  formatPlaceDate,
  headingLabels,
  MOTTO,
  NATIONAL_TITLE,
  recipientLines,
  scaleWidths,
  signatureLines,
  upperVi,
} from '../format';
import {
  CLOSING_LEFT_SHARE,
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
  type ColumnAlign,
  type OfficialDocument,
  type Signature,
  type TableSpec,
} from '../model';

// ---- page geometry (twips = pt × 20) --------------------------------------------------------------

const tw = (pt: number) => Math.round(pt * 20);
const A4_TWIPS = { width: 11906, height: 16838 } as const;
const MARGINS_TWIPS = {
  top: tw(PAGE.margin.top),
  bottom: tw(PAGE.margin.bottom),
  left: tw(PAGE.margin.left),
  right: tw(PAGE.margin.right),
  header: tw(PAGE.headerDistance),
} as const;
const PORTRAIT_WIDTH = A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right; // 9355
const LANDSCAPE_WIDTH = A4_TWIPS.height - MARGINS_TWIPS.left - MARGINS_TWIPS.right; // 14287
/** Header table columns: issuing body | Quốc hiệu (3600 + 5755 twips). */
const HEADER_COLUMNS = [
  Math.round(PORTRAIT_WIDTH * HEADER_LEFT_SHARE),
  PORTRAIT_WIDTH - Math.round(PORTRAIT_WIDTH * HEADER_LEFT_SHARE),
];
/** Closing table columns: Nơi nhận | signature. */
const CLOSING_COLUMNS = [
  Math.round(PORTRAIT_WIDTH * CLOSING_LEFT_SHARE),
  PORTRAIT_WIDTH - Math.round(PORTRAIT_WIDTH * CLOSING_LEFT_SHARE),
];
const INDENT = tw(FIRST_LINE_INDENT);
/** 1.15 lines (NĐ 30 allows single to 1.5 lines). */
const LINE_SPACING = 276;

/** Font sizes in half-points (13 pt = 26). */
const SZ = {
  body: FONT.body * 2,
  header: FONT.header * 2,
  motto: FONT.motto * 2,
  table: FONT.table * 2,
  recipientsLabel: FONT.recipientsLabel * 2,
  recipients: FONT.recipients * 2,
  marker: FONT.marker * 2,
} as const;

// ---- small builders ---------------------------------------------------------------------------------

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<ColumnAlign | 'justify', Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** Text runs for a string; "\n" becomes a line break. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

interface ParaOptions extends RunStyle {
  align?: ColumnAlign | 'justify';
  before?: number;
  after?: number;
  firstLine?: number;
  keepNext?: boolean;
}

function para(content: string | ParagraphChild[], o: ParaOptions = {}): Paragraph {
  const { align = 'left', before = 0, after = 0, firstLine, keepNext, ...style } = o;
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before, after },
    indent: firstLine ? { firstLine } : undefined,
    keepNext,
    children: typeof content === 'string' ? runs(content, style) : content,
  });
}

/** A short solid line, centred in `available` twips: an empty 3 pt paragraph with a bottom border. */
function rule(width: number, available: number, before = 0): Paragraph {
  const side = Math.max(0, Math.round((available - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALL_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** A borderless layout table (header, closing block). */
function layoutTable(columns: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columns[i], type: WidthType.DXA },
                margins: { left: 0, right: 0, top: 0, bottom: 0 },
                borders: NO_BORDERS,
                children: children.length ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

/** A data table with borders; the header row repeats on every page and rows never split. */
function dataTable(spec: TableSpec, available: number): Table {
  const widths = scaleWidths(
    spec.columns.map((c) => c.width),
    available,
  );
  const cell = (text: string, i: number, align: ColumnAlign, bold: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [para(text, { align, bold, size: SZ.table })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c, i) => cell(c.header, i, 'center', true)),
  });
  const body = spec.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((v, i) => cell(formatCell(v), i, cellAlign(spec.columns[i].align, v), false)),
      }),
  );
  const totals = spec.totals
    ? [
        new TableRow({
          cantSplit: true,
          children: spec.totals.map((v, i) =>
            cell(formatCell(v), i, cellAlign(spec.columns[i].align, v), true),
          ),
        }),
      ]
    : [];
  return new Table({
    width: { size: available, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ALL_BORDERS,
    rows: [header, ...body, ...totals],
  });
}

// ---- document parts ---------------------------------------------------------------------------------

function headerBlock(doc: OfficialDocument): Table {
  const [leftW, rightW] = HEADER_COLUMNS;
  const left: Paragraph[] = [];
  if (doc.issuer.parentName)
    left.push(para(upperVi(doc.issuer.parentName), { align: 'center', size: SZ.header }));
  left.push(para(upperVi(doc.issuer.name), { align: 'center', bold: true, size: SZ.header }));
  left.push(rule(tw(RULE.issuer), leftW, 20));

  const right = [
    para(NATIONAL_TITLE, { align: 'center', bold: true, size: SZ.header }),
    para(MOTTO, { align: 'center', bold: true, size: SZ.motto }),
    rule(tw(RULE.motto), rightW, 20),
  ];

  const numberCell = [
    para(`Số: ${doc.documentNumber.normalize('NFC')}`, { align: 'center', size: SZ.header, before: 160 }),
  ];
  if (!doc.kindTitle.trim()) {
    // công văn: the subject goes under the number as "V/v …"
    numberCell.push(para(`V/v ${doc.subject}`, { align: 'center', size: 24, before: 60 }));
  }
  const dateCell = [
    para(formatPlaceDate(doc.place, doc.date), {
      align: 'center',
      italics: true,
      size: SZ.body,
      before: 160,
    }),
  ];
  return layoutTable(HEADER_COLUMNS, [
    [left, right],
    [numberCell, dateCell],
  ]);
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.kindTitle.trim()) {
    out.push(para(upperVi(doc.kindTitle), { align: 'center', bold: true, before: 480, keepNext: true }));
    out.push(para(doc.subject, { align: 'center', bold: true, keepNext: true }));
    out.push(rule(tw(RULE.subject), PORTRAIT_WIDTH, 20));
  }
  if (doc.authorityLine)
    out.push(para(upperVi(doc.authorityLine), { align: 'center', bold: true, before: 360 }));
  doc.preamble.forEach((line, i) => {
    out.push(
      para(line, {
        align: 'justify',
        italics: true,
        firstLine: INDENT,
        before: i === 0 ? 240 : 0,
        after: 120,
      }),
    );
  });
  return out;
}

function bodyBlocks(blocks: readonly Block[]): (Paragraph | Table)[] {
  const labels = headingLabels(blocks);
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'heading': {
        const text = b.level === 1 ? upperVi(b.text) : b.text;
        out.push(
          para(`${labels[i]} ${text}`, {
            align: 'justify',
            bold: b.level < 3,
            italics: b.level === 3,
            firstLine: INDENT,
            before: b.level === 1 ? 120 : 60,
            after: 120,
            keepNext: true,
          }),
        );
        break;
      }
      case 'paragraph': {
        const align = b.align ?? 'justify';
        const children: TextRun[] = [];
        if (b.lead) children.push(new TextRun({ text: `${b.lead.normalize('NFC')} `, bold: true }));
        children.push(...runs(b.text, { bold: b.bold, italics: b.italic }));
        const indent = !b.noIndent && (align === 'justify' || align === 'left');
        out.push(para(children, { align, firstLine: indent ? INDENT : undefined, after: 120 }));
        break;
      }
      case 'bullets':
        for (const item of b.items)
          out.push(para(`- ${item}`, { align: 'justify', firstLine: INDENT, after: 120 }));
        break;
      case 'table':
        out.push(dataTable(b.table, PORTRAIT_WIDTH), para('', { after: 120 }));
        break;
    }
  });
  return out;
}

/** A signature block; `lines` pads the title lines so that side-by-side names line up. */
function signatureParagraphs(sig: Signature, lines = 0): Paragraph[] {
  const titles = signatureLines(sig);
  while (titles.length < lines) titles.push('');
  return [
    ...titles.map((l) => para(l, { align: 'center', bold: true, keepNext: true })),
    // room for the handwritten signature and the seal
    para(sig.name, { align: 'center', bold: true, before: tw(SIGNATURE_SPACE) }),
  ];
}

function recipientParagraphs(recipients: readonly string[]): Paragraph[] {
  if (!recipients.length) return [];
  return [
    para('Nơi nhận:', { bold: true, italics: true, size: SZ.recipientsLabel, keepNext: true }),
    ...recipientLines(recipients).map((l) => para(l, { size: SZ.recipients })),
  ];
}

function closingBlock(doc: OfficialDocument): Table {
  const rows: Paragraph[][][] = [];
  const second = doc.secondSignature;
  if (second) {
    const lines = Math.max(signatureLines(doc.signature).length, signatureLines(second).length);
    rows.push([signatureParagraphs(second, lines), signatureParagraphs(doc.signature, lines)]);
    const nr = recipientParagraphs(doc.recipients);
    if (nr.length) rows.push([[para('', { before: 240 }), ...nr], []]);
  } else {
    rows.push([recipientParagraphs(doc.recipients), signatureParagraphs(doc.signature)]);
  }
  return layoutTable(CLOSING_COLUMNS, rows);
}

function annexBlocks(doc: OfficialDocument, annex: Annex, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (annex.label) out.push(para(annex.label, { align: 'center', bold: true, keepNext: true }));
  out.push(para(upperVi(annex.title), { align: 'center', bold: true, keepNext: true }));
  const subtitle = annex.subtitle ?? defaultAnnexSubtitle(doc.kindTitle, doc.documentNumber, doc.date);
  out.push(para(subtitle, { align: 'center', italics: true, keepNext: true }));
  out.push(rule(tw(RULE.subject), width, 20), para('', { after: 120 }));
  out.push(dataTable(annex.table, width));
  return out;
}

/** Page number centred in the top margin. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SZ.body })],
      }),
    ],
  });
}

/** First page: no number; a boxed "DỰ THẢO" at the top right for drafts. */
function firstPageHeader(draft: boolean): Header {
  if (!draft) return new Header({ children: [new Paragraph({})] });
  const box = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } as const;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left: PORTRAIT_WIDTH - 1500 },
        border: { top: box, bottom: box, left: box, right: box },
        children: [new TextRun({ text: 'DỰ THẢO', bold: true, size: SZ.marker })],
      }),
    ],
  });
}

function pageProperties(landscape: boolean) {
  return {
    size: {
      width: A4_TWIPS.width,
      height: A4_TWIPS.height,
      orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: { ...MARGINS_TWIPS, footer: MARGINS_TWIPS.header },
  };
}

/** Builds the docx `Document` (exposed for variants and tests); most callers want `renderOfficialDocx`. */
export function buildOfficialDocx(doc: OfficialDocument): Document {
  assertValidDocument(doc);
  const main = {
    properties: { titlePage: true, page: pageProperties(false) },
    headers: { default: pageNumberHeader(), first: firstPageHeader(doc.draft === true) },
    children: [
      headerBlock(doc),
      ...titleBlock(doc),
      ...bodyBlocks(doc.body),
      para('', { after: 120 }),
      closingBlock(doc),
    ],
  };
  const annexes = doc.annexes.map((annex) => ({
    properties: { page: pageProperties(annex.landscape === true) },
    headers: { default: pageNumberHeader() },
    children: annexBlocks(doc, annex, annex.landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
  }));
  return new Document({
    creator: 'thidua',
    title: `${doc.kindTitle} ${doc.documentNumber}`.trim(),
    description: `templateVersion=${doc.templateVersion}`,
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: SZ.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: LINE_SPACING } },
        },
      },
    },
    sections: [main, ...annexes],
  });
}

/** Renders the document as DOCX bytes. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocx(doc));
}
