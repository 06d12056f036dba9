import { describe, expect, it } from 'vitest';
import { dedupeRefs, findReferences, gluedTail, normalizeDocumentNumber, symbolKind } from './numbers';
import { preparePlanText } from './text';

const refs = (text: string) => {
  const doc = preparePlanText(text);
  return findReferences(doc.raw, doc.fold).map(({ number, issuedOn }) => ({ number, issuedOn }));
};

describe('normalizeDocumentNumber', () => {
  it('removes spaces, fixes the Đ of the kind, keeps the body as written', () => {
    expect(normalizeDocumentNumber('923', 'QD-TTg', '/')).toBe('923/QĐ-TTg');
    expect(normalizeDocumentNumber('8602', ' Qb/TU', '-')).toBe('8602-QĐ/TU');
    expect(normalizeDocumentNumber('152/2025', 'NP-CP', '/')).toBe('152/2025/NĐ-CP');
    expect(normalizeDocumentNumber('3751', 'HD-\nBNV', '/')).toBe('3751/HD-BNV'); // HD = Hướng dẫn
    expect(normalizeDocumentNumber('57', 'NQ-TW', '-')).toBe('57-NQ/TW'); // party style
  });
  it('gives the kind abbreviation', () => {
    expect(symbolKind('252/KH-TTYT')).toBe('KH');
    expect(symbolKind('57-NQ/TW')).toBe('NQ');
    expect(symbolKind('152/2025/NĐ-CP')).toBe('NĐ');
  });
});

describe('findReferences', () => {
  it('reads state and party numbers with their dates', () => {
    expect(
      refs(
        'Kế hoạch số 234/KH-SYT ngày 08/8/2025; Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024; Luật số 06/2022/QH15',
      ),
    ).toEqual([
      { number: '234/KH-SYT', issuedOn: '2025-08-08' },
      { number: '57-NQ/TW', issuedOn: '2024-12-22' },
      { number: '06/2022/QH15', issuedOn: null },
    ]);
  });
  it('survives OCR line breaks, spaces and glued words', () => {
    expect(refs('số 216-\nKH/TU ngay\n28/4/2025')).toEqual([{ number: '216-KH/TU', issuedOn: '2025-04-28' }]);
    expect(refs('Sb:3764 /KH-SYT')).toEqual([{ number: '3764/KH-SYT', issuedOn: null }]);
    expect(refs('số 1570/KH-SYTngay 20/8/2025')).toEqual([{ number: '1570/KH-SYT', issuedOn: '2025-08-20' }]);
    expect(refs('số 45/KH-UBNDngày 12/8/2025')).toEqual([{ number: '45/KH-UBND', issuedOn: '2025-08-12' }]);
    expect(refs('số 923/QD-TTgngày 14/5/2025')).toEqual([{ number: '923/QĐ-TTg', issuedOn: '2025-05-14' }]);
  });
  it('does not take dates, year ranges or list items for references', () => {
    expect(refs('trước ngày 30/11/2027, giai đoạn 2025 - 2030, (2025- -2030)')).toEqual([]);
    expect(refs('số 12/KH-SYT\n- Sở Y tế;\n- UBND tỉnh')).toEqual([{ number: '12/KH-SYT', issuedOn: null }]);
    expect(refs('năm 2025 - UBND tỉnh')).toEqual([]);
  });
  it('rejects an impossible date rather than inventing one', () => {
    expect(refs('số 5/KH-SYT ngày 31/2/2025')).toEqual([{ number: '5/KH-SYT', issuedOn: null }]);
  });
  it('cuts only known glued words', () => {
    expect(gluedTail('KH-SYTngay')).toBe(4);
    expect(gluedTail('QĐ-TTgcua')).toBe(3);
    expect(gluedTail('QĐ-TTg')).toBe(0);
    expect(gluedTail('CTr')).toBe(0);
  });
  it('dedupes by number, keeping a date found later', () => {
    expect(
      dedupeRefs([
        { number: '1/KH-A', issuedOn: null },
        { number: '1/KH-A', issuedOn: '2025-01-01' },
      ]),
    ).toEqual([{ number: '1/KH-A', issuedOn: '2025-01-01' }]);
  });
});
