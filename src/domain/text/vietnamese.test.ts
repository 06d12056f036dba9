import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePersonNames, compareVi, foldVi } from './vietnamese';

describe('foldVi', () => {
  it('removes diacritics and folds đ', () => {
    expect(foldVi('Nguyễn Thị Đào')).toBe('nguyen thi dao');
    expect(foldVi('  Trạm   Y tế  ')).toBe('tram y te');
  });
  it('treats NFC and NFD the same', () => {
    const nfc = 'Nguyễn Văn Ước'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVi(nfc)).toBe(foldVi(nfd));
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldVi(foldVi(s)) === foldVi(s)));
  });
});

describe('Vietnamese ordering', () => {
  it('puts Dương before Đặng and Đà Nẵng before Ê', () => {
    const sorted = ['Đặng', 'Ê', 'Dương', 'Đà Nẵng', 'An', 'Ấp Bắc'].sort(compareVi);
    expect(sorted).toEqual(['An', 'Ấp Bắc', 'Dương', 'Đà Nẵng', 'Đặng', 'Ê']);
  });
  it('sorts people by given name first', () => {
    const sorted = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An'].sort(comparePersonNames);
    expect(sorted).toEqual(['Lê Văn An', 'Nguyễn Thị An', 'Trần Văn Bình']);
  });
});

describe('viSortKey', () => {
  it('orders like Intl.Collator("vi") on Vietnamese names', async () => {
    const { viSortKey } = await import('./vietnamese');
    const names = [
      'Đặng Văn Bình',
      'Dương Thị Hoa',
      'Đào Thị Mai',
      'Ân Văn Tú',
      'An Thị Lan',
      'Ăn Văn Hà',
      'Ê Va',
      'Zơ Râm',
    ];
    const byKey = [...names].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : 1));
    expect(byKey).toEqual([...names].sort(compareVi));
    expect(byKey.indexOf('Dương Thị Hoa')).toBeLessThan(byKey.indexOf('Đặng Văn Bình'));
  });
});
