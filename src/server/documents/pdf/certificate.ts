/**
 * Printable certificates (Giấy khen, Bằng khen, danh hiệu thi đua): one A4 landscape page per
 * awardee, drawn with pdfkit and the full Tinos TTFs so every Vietnamese diacritic, stacked ones
 * included (ẳ ẵ ậ ữ ự ỹ ộ ở), comes out right.
 */
import PDFDocument from 'pdfkit';
import { TINOS } from '../fonts';
import { formatPlaceDate, formatShortDate, MOTTO, NATIONAL_TITLE, signatureLines, upperVi } from '../format';
import { parseIsoDate, type Signature } from '../model';

export interface CertificateItem {
  /** Conferring authority: "GIÁM ĐỐC SỞ Y TẾ TỈNH ĐIỆN BIÊN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN". */
  authority: string;
  /** Optional line between the authority and the form, e.g. "TẶNG DANH HIỆU" above a title. */
  lead?: string;
  /** The form or title in large red letters: "GIẤY KHEN", "BẰNG KHEN", "CHIẾN SĨ THI ĐUA CƠ SỞ". */
  form: string;
  /** Label before the name; default "Tặng:". */
  awardeeLabel?: string;
  awardee: {
    /** "Bà Nguyễn Thị Hằng", "Khoa Hồi sức tích cực". */
    name: string;
    /** Title and unit line: "Điều dưỡng hạng III, Trung tâm Y tế huyện Mường Ảng". */
    line?: string;
  };
  /** Achievement text, printed in italics and wrapped. */
  achievement: string;
  decision: { number: string; date: string };
  /** Place and date of signing (usually the decision's). */
  place: string;
  date: string;
  signer: Signature;
  /** "Số sổ vàng" / register number, printed under the decision reference. */
  registerNumber?: string;
}

const PAGE_W = 841.89;
const PAGE_H = 595.28;
const RED = '#c00000';
const DARK_RED = '#7a0c0c';
const GOLD = '#b08d2a';
const INK = '#000000';

type Doc = PDFKit.PDFDocument;
type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

function register(doc: Doc): void {
  doc.registerFont('regular', TINOS.normal);
  doc.registerFont('bold', TINOS.bold);
  doc.registerFont('italic', TINOS.italics);
  doc.registerFont('boldItalic', TINOS.bolditalics);
}

const nfc = (s: string) => s.normalize('NFC').trim();

/** Largest size ≤ max (down to min) at which `text` fits on one line of `width`. */
function fitOneLine(doc: Doc, text: string, face: Face, max: number, min: number, width: number): number {
  let size = max;
  while (size > min && doc.font(face).fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/** Largest size ≤ max (down to min) at which wrapped `text` fits in `width` × `height`. */
function fitBox(
  doc: Doc,
  text: string,
  face: Face,
  max: number,
  min: number,
  width: number,
  height: number,
): number {
  let size = max;
  while (
    size > min &&
    doc.font(face).fontSize(size).heightOfString(text, { width, align: 'center' }) > height
  )
    size -= 0.5;
  return size;
}

/** Centred single line at `y`; returns the y below it. */
function centred(
  doc: Doc,
  text: string,
  y: number,
  face: Face,
  size: number,
  color = INK,
  x = 0,
  width = PAGE_W,
): number {
  doc.font(face).fontSize(size).fillColor(color);
  doc.text(text, x, y, { width, align: 'center', lineBreak: false });
  return y + doc.currentLineHeight(true);
}

function hline(doc: Doc, cx: number, y: number, length: number, color = INK, width = 0.8): void {
  doc
    .moveTo(cx - length / 2, y)
    .lineTo(cx + length / 2, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke();
}

/** A thick outer frame, a thin inner frame and diamond ornaments in the corners. */
function drawBorder(doc: Doc): void {
  const outer = 16;
  const inner = 27;
  doc
    .lineWidth(4)
    .strokeColor(DARK_RED)
    .rect(outer, outer, PAGE_W - 2 * outer, PAGE_H - 2 * outer)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(GOLD)
    .rect(inner, inner, PAGE_W - 2 * inner, PAGE_H - 2 * inner)
    .stroke();
  doc
    .lineWidth(0.5)
    .strokeColor(GOLD)
    .rect(inner + 4, inner + 4, PAGE_W - 2 * (inner + 4), PAGE_H - 2 * (inner + 4))
    .stroke();
  const mid = (outer + inner) / 2;
  for (const [x, y] of [
    [mid, mid],
    [PAGE_W - mid, mid],
    [mid, PAGE_H - mid],
    [PAGE_W - mid, PAGE_H - mid],
  ]) {
    doc
      .save()
      .polygon([x, y - 9], [x + 9, y], [x, y + 9], [x - 9, y])
      .fillColor(GOLD)
      .fill()
      .polygon([x, y - 4], [x + 4, y], [x, y + 4], [x - 4, y])
      .fillColor(DARK_RED)
      .fill()
      .restore();
  }
}

function drawCertificate(doc: Doc, item: CertificateItem): void {
  drawBorder(doc);
  const cx = PAGE_W / 2;
  const textW = PAGE_W - 2 * 70;

  let y = 48;
  y = centred(doc, NATIONAL_TITLE, y, 'bold', 14);
  y = centred(doc, MOTTO, y + 1, 'bold', 15);
  hline(doc, cx, y + 2, doc.font('bold').fontSize(15).widthOfString(MOTTO));

  const authority = upperVi(nfc(item.authority));
  y = centred(doc, authority, y + 22, 'bold', fitOneLine(doc, authority, 'bold', 17, 11, textW), DARK_RED);

  const lead = item.lead ?? '';
  if (lead) y = centred(doc, upperVi(nfc(lead)), y + 6, 'bold', 15);

  const form = upperVi(nfc(item.form));
  y = centred(doc, form, y + 4, 'bold', fitOneLine(doc, form, 'bold', 48, 22, textW), RED);

  const label = item.awardeeLabel ?? 'Tặng:';
  const name = nfc(item.awardee.name);
  const nameSize = fitOneLine(doc, `${label} ${name}`, 'bold', 26, 14, textW);
  const labelW = doc
    .font('regular')
    .fontSize(nameSize * 0.65)
    .widthOfString(`${label} `);
  const nameW = doc.font('bold').fontSize(nameSize).widthOfString(name);
  const nameX = cx - (labelW + nameW) / 2;
  const nameY = y + 10;
  const baselineShift = (nameSize - nameSize * 0.65) * 0.8;
  doc
    .font('regular')
    .fontSize(nameSize * 0.65)
    .fillColor(INK)
    .text(`${label} `, nameX, nameY + baselineShift, { lineBreak: false });
  doc
    .font('bold')
    .fontSize(nameSize)
    .fillColor('#0d2a6b')
    .text(name, nameX + labelW, nameY, { lineBreak: false });
  y = nameY + doc.currentLineHeight(true);

  if (item.awardee.line) {
    const line = nfc(item.awardee.line);
    y = centred(doc, line, y + 2, 'regular', fitOneLine(doc, line, 'regular', 15, 10, textW));
  }

  // achievement: wrapped italics in a box that ends above the signature area
  const achievement = nfc(item.achievement);
  const boxW = PAGE_W - 2 * 110;
  const boxTop = y + 8;
  const boxH = 398 - boxTop;
  const size = fitBox(doc, achievement, 'italic', 16, 10, boxW, boxH);
  doc
    .font('italic')
    .fontSize(size)
    .fillColor(INK)
    .text(achievement, 110, boxTop, { width: boxW, align: 'center' });

  // bottom: decision reference on the left, place/date and signer on the right
  const leftX = 70;
  const leftW = 300;
  const rightX = PAGE_W / 2 + 20;
  const rightW = PAGE_W - 60 - rightX;
  const bottom = 410;
  doc
    .font('regular')
    .fontSize(12.5)
    .fillColor(INK)
    .text(
      `Quyết định số ${nfc(item.decision.number)} ngày ${formatShortDate(item.decision.date)}`,
      leftX,
      bottom + 20,
      { width: leftW, align: 'center', lineBreak: false },
    );
  if (item.registerNumber) {
    doc.text(`Số sổ vàng: ${nfc(item.registerNumber)}`, leftX, bottom + 38, {
      width: leftW,
      align: 'center',
      lineBreak: false,
    });
  }

  let ry = centred(doc, formatPlaceDate(item.place, item.date), bottom, 'italic', 14, INK, rightX, rightW);
  for (const l of signatureLines(item.signer)) ry = centred(doc, l, ry + 1, 'bold', 14, INK, rightX, rightW);
  centred(doc, nfc(item.signer.name), Math.max(ry + 52, 520), 'bold', 15, INK, rightX, rightW);
}

function check(item: CertificateItem, i: number): void {
  const where = `certificate ${i + 1}`;
  if (!nfc(item.form)) throw new TypeError(`${where}: form is empty`);
  if (!nfc(item.awardee.name)) throw new TypeError(`${where}: awardee name is empty`);
  if (!nfc(item.signer.name) || !nfc(item.signer.title))
    throw new TypeError(`${where}: signer needs a title and a name`);
  parseIsoDate(item.date);
  parseIsoDate(item.decision.date);
}

/** Renders one A4 landscape page per item; one item gives a single certificate. */
export async function renderCertificates(items: readonly CertificateItem[]): Promise<Buffer> {
  if (items.length === 0) throw new RangeError('renderCertificates needs at least one item');
  items.forEach(check);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: items.length === 1 ? nfc(items[0].form) : 'Giấy chứng nhận khen thưởng',
      Creator: 'thidua',
      Producer: 'thidua',
    },
    lang: 'vi-VN',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  register(doc);
  for (const item of items) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    drawCertificate(doc, item);
  }
  doc.end();
  return done;
}
