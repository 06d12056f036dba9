import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVi } from '../../text/vietnamese';
import {
  isKnownPhrase,
  looseKey,
  PROVINCES_BEFORE_2025,
  PROVINCES_FROM_2025,
  properName,
  restoreDiacritics,
} from './vocabulary';

describe('province lists', () => {
  it('has the 63 pre-2025 and the 34 post-2025 provincial units, without duplicates', () => {
    expect(PROVINCES_BEFORE_2025).toHaveLength(63);
    expect(new Set(PROVINCES_BEFORE_2025).size).toBe(63);
    expect(PROVINCES_FROM_2025).toHaveLength(34);
    expect(new Set(PROVINCES_FROM_2025).size).toBe(34);
  });
  it('keeps the 11 unchanged units in both lists and the merged ones only before', () => {
    for (const p of [
      'Hà Nội',
      'Lai Châu',
      'Điện Biên',
      'Sơn La',
      'Lạng Sơn',
      'Quảng Ninh',
      'Thanh Hóa',
      'Nghệ An',
      'Hà Tĩnh',
      'Cao Bằng',
    ]) {
      expect(PROVINCES_BEFORE_2025).toContain(p);
      expect(PROVINCES_FROM_2025).toContain(p);
    }
    for (const p of ['Kon Tum', 'Bình Định', 'Hà Giang', 'Bắc Kạn'])
      expect(PROVINCES_FROM_2025).not.toContain(p as never);
  });
});

describe('looseKey', () => {
  it('undoes common OCR misreads', () => {
    expect(looseKey('Pién')).toBe('dien'); // Đ read as P
    expect(looseKey('DPoc')).toBe('doc');
    expect(looseKey('S6')).toBe('so');
    expect(looseKey('t€')).toBe('te');
    expect(looseKey('Tw')).toBe('tu');
    expect(looseKey('chuyeén')).toBe('chuyen');
    expect(looseKey('2025')).toBe('2025'); // numbers stay numbers
  });
});

describe('restoreDiacritics', () => {
  it('restores known phrases in the case style of the source', () => {
    expect(restoreDiacritics('Dién Bién Phu')).toBe('Điện Biên Phủ');
    expect(restoreDiacritics('TRUNG TAM Y TE PIEN BIEN PHU')).toBe('TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ');
    expect(restoreDiacritics('Trung tam Y té')).toBe('Trung tâm Y tế');
    expect(restoreDiacritics('so y te tinh quang ngai')).toBe('sở y tế tỉnh quảng ngãi');
    expect(restoreDiacritics('UBND THANH PHO HANOI')).toBe('UBND THÀNH PHỐ HÀ NỘI'); // words run together
    expect(restoreDiacritics('Phong To chuc - Hanh chinh')).toBe('Phòng Tổ chức - Hành chính');
  });

  it('knows both the old and the new provinces', () => {
    expect(restoreDiacritics('Kon Tum')).toBe('Kon Tum');
    expect(restoreDiacritics('Binh Dinh')).toBe('Bình Định');
    expect(restoreDiacritics('Ba Ria - Vung Tau')).toBe('Bà Rịa - Vũng Tàu');
    expect(restoreDiacritics('Quang Ngai')).toBe('Quảng Ngãi');
    expect(restoreDiacritics('Hue')).toBe('Huế');
  });

  it('leaves unknown and ambiguous words alone (never guesses)', () => {
    expect(restoreDiacritics('so')).toBe('so'); // số / sơ / sở
    expect(restoreDiacritics('phong kham Nguyen Van Ba')).toBe('phong kham Nguyen Van Ba');
    expect(restoreDiacritics('Ca nudrc thi dua')).toBe('Ca nudrc thi đua');
    expect(restoreDiacritics('252/KH-TTYT')).toBe('252/KH-TTYT');
  });

  it('keeps text that is already correct, including the old tone placement', () => {
    expect(restoreDiacritics('Thanh Hoá')).toBe('Thanh Hoá');
    expect(restoreDiacritics('Uỷ ban nhân dân')).toBe('Uỷ ban nhân dân');
    expect(restoreDiacritics('Sở Y tế Lai Châu')).toBe('Sở Y tế Lai Châu');
  });

  it('only ever changes diacritics, never the letters (property)', () => {
    const words = fc.constantFrom(
      'Dien Bien',
      'so y te',
      'TRUNG TAM',
      'xyz',
      'Ha Noi',
      'phong',
      'abc-12',
      ' ',
      ',',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const restored = restoreDiacritics(text);
        expect(foldVi(restored).replace(/\s/g, '')).toBe(foldVi(text).replace(/\s/g, ''));
      }),
    );
  });

  it('recognises a known phrase', () => {
    expect(isKnownPhrase('Trung tam Kiem soat benh tat')).toBe(true);
    expect(isKnownPhrase('Trung tam')).toBe(false);
  });
});

describe('properName', () => {
  it('puts a name in proper case and restores only a known family name', () => {
    expect(properName('NGUYỄN VĂN AN')).toBe('Nguyễn Văn An');
    expect(properName('Nguyén bic Thinh')).toBe('Nguyễn Bic Thinh');
    expect(properName('tran do kien')).toBe('Trần Do Kien');
    expect(properName('Trần Đỗ Kiên')).toBe('Trần Đỗ Kiên');
    expect(properName('Smith John')).toBe('Smith John');
  });
});
