import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBonus } from './bonus';
import { amountInWords, formatVnd, numberToVietnameseWords } from './money';

describe('Vietnamese money', () => {
  it('formats with dot separators and the đ sign', () => {
    expect(formatVnd(2_340_000)).toBe('2.340.000 đ');
    expect(formatVnd(710_000)).toBe('710.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(1_234_567_890n, { unit: 'đồng' })).toBe('1.234.567.890 đồng');
    expect(() => formatVnd(-1)).toThrow(RangeError);
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });

  it('reads bonus amounts in words for decisions', () => {
    expect(amountInWords(computeBonus('1.0', 2_340_000).amount)).toBe(
      'Hai triệu ba trăm bốn mươi nghìn đồng',
    );
    expect(amountInWords(710_000)).toBe('Bảy trăm mười nghìn đồng');
    expect(amountInWords(1_880_000)).toBe('Một triệu tám trăm tám mươi nghìn đồng');
    expect(amountInWords(28_080_000)).toBe('Hai mươi tám triệu không trăm tám mươi nghìn đồng');
    expect(amountInWords(10_530_000)).toBe('Mười triệu năm trăm ba mươi nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });

  it('applies the Vietnamese reading rules', () => {
    const w = numberToVietnameseWords;
    expect(w(5)).toBe('năm');
    expect(w(10)).toBe('mười');
    expect(w(11)).toBe('mười một');
    expect(w(14)).toBe('mười bốn');
    expect(w(15)).toBe('mười lăm');
    expect(w(21)).toBe('hai mươi mốt');
    expect(w(24)).toBe('hai mươi tư');
    expect(w(25)).toBe('hai mươi lăm');
    expect(w(105)).toBe('một trăm linh năm');
    expect(w(110)).toBe('một trăm mười');
    expect(w(1_005)).toBe('một nghìn không trăm linh năm');
    expect(w(1_050_000)).toBe('một triệu không trăm năm mươi nghìn');
    expect(w(2_000_000)).toBe('hai triệu');
    expect(w(1_000_000_000)).toBe('một tỷ');
    expect(w(2_500_000_000_000n)).toBe('hai nghìn năm trăm tỷ');
  });

  it('property: words never repeat a unit, start with a digit word and read every non-zero group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        const words = numberToVietnameseWords(n);
        expect(words).not.toMatch(/ {2}|^ | $/);
        expect(words).not.toMatch(/\b(nghìn nghìn|triệu triệu|trăm trăm)\b/);
        expect(/^(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b/.test(words)).toBe(true);
        const groups = [Math.floor(n / 1e9), Math.floor(n / 1e6) % 1000, Math.floor(n / 1e3) % 1000];
        const units = ['tỷ', 'triệu', 'nghìn'];
        groups.forEach((g, i) => {
          expect(words.includes(units[i]!)).toBe(g > 0);
        });
      }),
    );
  });
});
