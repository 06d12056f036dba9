import { describe, expect, it } from 'vitest';
import {
  duplicateRatingRows,
  mapColumns,
  parseAwardCode,
  parseRating,
  RATING_COLUMNS,
  validateAwardRow,
  validateRatingRow,
} from './import';

describe('history import rows', () => {
  it('parses ratings by code or by name, with or without diacritics', () => {
    expect(parseRating('HTXSNV')).toBe('HTXSNV');
    expect(parseRating('Hoàn thành tốt nhiệm vụ')).toBe('HTTNV');
    expect(parseRating('hoan thanh nhiem vu')).toBe('HTNV');
    expect(parseRating('Xuất sắc')).toBeNull();
  });
  it('parses award names and abbreviations', () => {
    expect(parseAwardCode('CSTĐCS')).toBe('CSTDCS');
    expect(parseAwardCode('Chiến sĩ thi đua cơ sở')).toBe('CSTDCS');
    expect(parseAwardCode('Bằng khen của Chủ tịch UBND tỉnh')).toBe('BANG_KHEN_TINH');
    expect(parseAwardCode('Lao động tiên tiến')).toBe('LDTT');
    expect(parseAwardCode('Huy chương vàng')).toBeNull();
  });
  it('maps headers and reports missing required columns', () => {
    const { missing } = mapColumns(RATING_COLUMNS, ['Họ và tên', 'Năm']);
    expect(missing).toContain('Xếp loại');
    expect(missing).toContain('Mã nhân sự hoặc Mã đơn vị');
    const ok = mapColumns(RATING_COLUMNS, ['ma nhan su', 'NĂM', 'Xếp loại']);
    expect(ok.missing).toEqual([]);
  });
  it('reports bad rows with row, column and a Vietnamese reason', () => {
    const bad = validateRatingRow(5, { staffCode: 'NV1', year: 2031, rating: 'Giỏi' }, { maxYear: 2026 });
    expect(bad.value).toBeNull();
    expect(bad.errors.map((e) => e.column)).toEqual(['Năm', 'Xếp loại']);
    expect(bad.errors[1]!.message).toContain('không hợp lệ');
    const noSubject = validateRatingRow(6, { year: 2024, rating: 'HTTNV' }, { maxYear: 2026 });
    expect(noSubject.errors[0]!.message).toContain('mã nhân sự');
    const good = validateRatingRow(7, { staffCode: 'NV1', year: 2024, rating: 'HTTNV' }, { maxYear: 2026 });
    expect(good.value).toMatchObject({ staffCode: 'NV1', year: 2024, rating: 'HTTNV' });
  });
  it('validates award rows: dates, kinds', () => {
    const r = validateAwardRow(
      3,
      {
        orgCode: 'KHOA1',
        award: 'Tập thể lao động xuất sắc',
        year: 2023,
        decidedOn: '15/01/2024',
        decisionNumber: '12/QĐ-SYT',
      },
      { maxYear: 2026, today: '2026-12-01' },
    );
    expect(r.value).toMatchObject({
      orgCode: 'KHOA1',
      code: 'TTLDXS',
      decidedOn: '2024-01-15',
      kind: 'annual',
    });
    const bad = validateAwardRow(
      4,
      { staffCode: 'NV1', award: 'CSTĐCS', year: 2024, decidedOn: '01/01/2023', kind: 'Khác' },
      { maxYear: 2026, today: '2026-12-01' },
    );
    expect(bad.errors.map((e) => e.column)).toEqual(['Ngày quyết định', 'Loại khen thưởng']);
  });
  it('finds duplicates of subject and year', () => {
    const rows = [
      { row: 2, staffCode: 'nv1', orgCode: null, year: 2024, rating: 'HTTNV' as const, note: null },
      { row: 3, staffCode: 'NV1', orgCode: null, year: 2024, rating: 'HTNV' as const, note: null },
      { row: 4, staffCode: 'NV1', orgCode: null, year: 2023, rating: 'HTNV' as const, note: null },
    ];
    expect(duplicateRatingRows(rows)).toEqual([
      { row: 3, column: 'Năm', message: 'Trùng với dòng 2 (cùng đối tượng, cùng năm).' },
    ]);
  });
});
