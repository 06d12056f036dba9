import { describe, expect, it } from 'vitest';
import { dateAt, isoDate } from './dates';
import { fuzzyFind, ocrDistance } from './fuzzy';
import { findDeadlines, findPhases, findReviews } from './schedule';
import { foldAligned, ocrCanon, preparePlanText } from './text';

const doc = preparePlanText;

describe('text folding', () => {
  it('keeps indices aligned and repairs OCR digits only inside words', () => {
    const raw = 'S6: 252/KH-TTYT, ngày 11, K& hoạch, C0¢ thi đua, Tw do, 2025-2027';
    const fold = foldAligned(raw);
    expect(fold).toHaveLength(raw.length);
    expect(ocrCanon(fold)).toBe('so: 252/kh-ttyt, ngay 11, ke hoach, coe thi dua, tu do, 2025-2027');
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isoDate(2025, 8, 8)).toBe('2025-08-08');
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 13, 1)).toBeNull();
  });
  it('reads "ngày d/m/yyyy" and "ngày d tháng m năm yyyy" after a position', () => {
    expect(dateAt(foldAligned(' ngày 08/8/2025'), 0)?.iso).toBe('2025-08-08');
    expect(dateAt(foldAligned(', ngay 15 thang 6 nam 2022'), 0)?.iso).toBe('2022-06-15');
    expect(dateAt(foldAligned(' của Sở'), 0)).toBeNull();
  });
});

describe('fuzzy phrase search', () => {
  it('finds OCR-damaged headings and rejects other text', () => {
    expect(fuzzyFind('2.1. hinh thirc khen thuueng', 'hinh thuc khen thuong')).not.toBeNull();
    expect(fuzzyFind('2.2. tieu chuin khen thueng', 'hinh thuc khen thuong')).toBeNull();
    expect(ocrDistance('kehoach', 'kehoach')).toBe(0);
    expect(ocrDistance('keehoach', 'kehoach')).toBe(1);
  });
});

describe('phases', () => {
  it('reads numbered phases in all the usual spellings', () => {
    const text =
      'a) Giai doan O1 (tr nam 2025-2027)\nb) Giai đoạn II: từ năm 2027 đến năm 2030\nGiai đoạn 3 (2030 – 2032)';
    expect(findPhases(doc(text))).toEqual([
      { fromYear: 2025, toYear: 2027 },
      { fromYear: 2027, toYear: 2030 },
      { fromYear: 2030, toYear: 2032 },
    ]);
  });
  it('uses a single unnumbered period only when there is nothing else', () => {
    expect(findPhases(doc('Kế hoạch giai đoạn 2026 - 2030'))).toEqual([{ fromYear: 2026, toYear: 2030 }]);
    expect(findPhases(doc('giai đoạn 2021-2025 và giai đoạn 2026-2030'))).toEqual([]);
    expect(findPhases(doc('từ năm 2025 đến năm 2030'))).toEqual([]);
  });
});

describe('reviews', () => {
  it('pairs sơ kết / tổng kết with the year of their sentence', () => {
    const text = 'sơ kết vào năm 2027; Năm 2030: tổng kết Phong trào. Tổng kết 5 năm (2025-2030).';
    expect(findReviews(doc(text))).toEqual([
      { type: 'interim', year: 2027 },
      { type: 'final', year: 2030 },
    ]);
  });
  it('does not take "số kết quả" or a year of another review', () => {
    expect(findReviews(doc('một số kết quả năm 2025'))).toEqual([]);
    expect(findReviews(doc('trên cơ sở sơ kết giai đoạn 1, tiếp tục và tổng kết vào năm 2030'))).toEqual([
      { type: 'final', year: 2030 },
    ]);
  });
});

describe('report deadlines', () => {
  const read = (text: string) => findDeadlines(doc(text));
  it('reads yearly, dated and quarterly deadlines of report sentences', () => {
    expect(read('- Gửi báo cáo trước ngày 15/11 hằng năm.')).toEqual([
      { day: 15, month: 11, recurrence: 'yearly' },
    ]);
    expect(read('- Báo cáo tổng kết gửi trước ngày 30/11/2027.')).toEqual([
      { day: 30, month: 11, recurrence: 'once', year: 2027 },
    ]);
    expect(read('- Định kỳ hằng quý gửi báo cáo trước ngày 25 của tháng cuối quý.')).toEqual([
      { day: 25, month: null, recurrence: 'quarterly' },
    ]);
    expect(read('- Nộp báo cáo hằng tháng trước ngày 5.')).toEqual([
      { day: 5, month: null, recurrence: 'monthly' },
    ]);
    expect(read('- Báo cáo 6 tháng gửi trước ngày 15/6.')).toEqual([
      { day: 15, month: 6, recurrence: 'six-monthly' },
    ]);
    // "hằng năm" right after the date wins over the "6 tháng" of the report's name
    expect(read('- Báo cáo 6 tháng đầu năm gửi trước ngày 15/6 hằng năm.')).toEqual([
      { day: 15, month: 6, recurrence: 'yearly' },
    ]);
    expect(read('- Gửi báo cáo trước ngày 20 tháng 12 năm 2026.')).toEqual([
      { day: 20, month: 12, recurrence: 'once', year: 2026 },
    ]);
  });
  it('says "unspecified" rather than guessing, and ignores deadlines that are not about reports', () => {
    expect(read('- Gửi báo cáo về Sở trước ngày 10/12.')).toEqual([
      { day: 10, month: 12, recurrence: 'unspecified' },
    ]);
    expect(read('- Hoàn thành sửa chữa phòng họp trước ngày 10/12/2025.')).toEqual([]);
    expect(read('- Gửi báo cáo trước ngày 32/13.')).toEqual([]);
  });
  it('reads OCR text', () => {
    expect(read('- Dinh ky trudc ngay 30/11 hang nam guii bdo cdo ket qua')).toEqual([
      { day: 30, month: 11, recurrence: 'yearly' },
    ]);
  });
});
