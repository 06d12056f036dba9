import PDFDocument from 'pdfkit';
import { MOTTO_WIDTH_PT_14_BOLD, TINOS } from './fonts';
import {
  defaultAnnexSubtitle,
  formatCell,
  formatPlaceDate,
  formatShortDate,
  headingLabels,
  MOTTO,
  pointLetter,
  recipientLines,
  scaleWidths,
  sentenceCaseVi,
  signatureLines,
  toRoman,
} from './format';
import { assertValidDocument, type Block, parseIsoDate } from './model';
import { sampleDecision } from './testing';

describe('formatPlaceDate (NĐ 30 place-and-date line)', () => {
  it('pads days below 10 and the months January and February', () => {
    expect(formatPlaceDate('Điện Biên', '2026-02-05')).toBe('Điện Biên, ngày 05 tháng 02 năm 2026');
    expect(formatPlaceDate('Quảng Ngãi', '2026-01-09')).toBe('Quảng Ngãi, ngày 09 tháng 01 năm 2026');
  });
  it('does not pad months 3 to 12 or days from 10', () => {
    expect(formatPlaceDate('Hà Nội', '2025-03-15')).toBe('Hà Nội, ngày 15 tháng 3 năm 2025');
    expect(formatPlaceDate('Lai Châu', '2025-12-31')).toBe('Lai Châu, ngày 31 tháng 12 năm 2025');
    expect(formatPlaceDate('Lai Châu', '2025-10-01')).toBe('Lai Châu, ngày 01 tháng 10 năm 2025');
  });
  it('normalises the place to NFC and trims it', () => {
    const nfd = ' Điện Biên '.normalize('NFD');
    expect(formatPlaceDate(nfd, '2026-02-05')).toBe('Điện Biên, ngày 05 tháng 02 năm 2026');
  });
  it('rejects impossible or badly formed dates', () => {
    expect(() => formatPlaceDate('Hà Nội', '2026-02-29')).toThrow(RangeError);
    expect(() => formatPlaceDate('Hà Nội', '2026-2-5')).toThrow(RangeError);
    expect(() => formatPlaceDate('Hà Nội', '05/02/2026')).toThrow(RangeError);
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
  it('formats the short date used in "Quyết định số … ngày …"', () => {
    expect(formatShortDate('2026-02-05')).toBe('05/02/2026');
  });
});

describe('numbering', () => {
  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 1994].map(toRoman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'IX',
      'X',
      'XIV',
      'XL',
      'XC',
      'MCMXCIV',
    ]);
    expect(() => toRoman(0)).toThrow();
  });
  it('uses the Vietnamese point letters (đ after d, no f/j/w/z)', () => {
    expect([1, 4, 5, 6, 7, 9, 10, 23].map(pointLetter)).toEqual(['a', 'd', 'đ', 'e', 'g', 'i', 'k', 'y']);
    expect(pointLetter(24)).toBe('aa');
  });
  it('numbers headings per level and resets the lower levels', () => {
    const h = (level: 1 | 2 | 3): Block => ({ kind: 'heading', level, text: 'x' });
    const p: Block = { kind: 'paragraph', text: 'y' };
    const blocks = [h(1), h(2), h(3), h(3), p, h(2), h(3), h(1), h(2), h(1)];
    expect(headingLabels(blocks)).toEqual(['I.', '1.', 'a)', 'b)', null, '2.', 'a)', 'II.', '1.', 'III.']);
  });
});

describe('signature and recipients', () => {
  it('builds the lines for each signature mode', () => {
    expect(signatureLines({ mode: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'A' })).toEqual(
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    );
    expect(signatureLines({ mode: 'TM.', onBehalfOf: 'Hội đồng', title: 'Chủ tịch', name: 'A' })).toEqual([
      'TM. HỘI ĐỒNG',
      'CHỦ TỊCH',
    ]);
    expect(signatureLines({ mode: 'Q.', title: 'Giám đốc', name: 'A' })).toEqual(['Q. GIÁM ĐỐC']);
    expect(
      signatureLines({ mode: 'TL.', onBehalfOf: 'GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: 'A' }),
    ).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
    expect(signatureLines({ title: 'Giám đốc', name: 'A' })).toEqual(['GIÁM ĐỐC']);
  });
  it('prefixes "- " and punctuates the Nơi nhận list', () => {
    expect(recipientLines(['Như Điều 3', '- Sở Nội vụ (b/c);', '', 'Lưu: VT, TĐKT'])).toEqual([
      '- Như Điều 3;',
      '- Sở Nội vụ (b/c);',
      '- Lưu: VT, TĐKT.',
    ]);
  });
});

describe('cells, widths, casing', () => {
  it('groups numbers the Vietnamese way', () => {
    expect(formatCell(19_656_000)).toBe('19.656.000');
    expect(formatCell(0.5)).toBe('0,5');
    expect(formatCell(null)).toBe('');
    expect(formatCell('Đỗ'.normalize('NFD'))).toBe('Đỗ');
  });
  it('scales column widths to an exact integer total', () => {
    const w = scaleWidths([1, 5, 4, 7, 3], 14287);
    expect(w.reduce((a, b) => a + b, 0)).toBe(14287);
    expect(w[1]).toBeGreaterThan(w[0] * 4);
  });
  it('sentence-cases a kind title for the annex subtitle', () => {
    expect(sentenceCaseVi('QUYẾT ĐỊNH')).toBe('Quyết định');
    expect(defaultAnnexSubtitle('KẾ HOẠCH', '12/KH-SYT', '2026-03-02')).toBe(
      '(Kèm theo Kế hoạch số 12/KH-SYT ngày 02/03/2026)',
    );
  });
  it('keeps the measured Tiêu ngữ width in step with the font', () => {
    const pdf = new PDFDocument({ autoFirstPage: false });
    const width = pdf.font(TINOS.bold).fontSize(14).widthOfString(MOTTO);
    expect(Math.abs(width - MOTTO_WIDTH_PT_14_BOLD)).toBeLessThan(0.5);
  });
});

describe('assertValidDocument', () => {
  it('accepts the sample decision', () => {
    expect(() => assertValidDocument(sampleDecision())).not.toThrow();
  });
  it('lists every structural problem', () => {
    const bad = sampleDecision(2, {
      date: '2026-13-01',
      signature: { mode: 'KT.', title: 'Phó Giám đốc', name: 'X' },
    });
    bad.annexes[0].table.rows[1] = ['too short'];
    expect(() => assertValidDocument(bad)).toThrow(
      /date.*; signature mode KT\. needs onBehalfOf.*; annex 1: row 2 has 1 cells/,
    );
  });
});
