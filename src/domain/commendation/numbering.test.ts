import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  DocumentNumberError,
  documentKind,
  formatDocumentNumber,
  parseDocumentNumber,
} from './numbering';

describe('document numbers (NĐ 30/2020)', () => {
  it('formats number and symbol, padding numbers below 10', () => {
    expect(formatDocumentNumber({ sequence: 5, kindAbbr: 'QĐ', issuerShort: 'SYT' })).toBe('05/QĐ-SYT');
    expect(
      formatDocumentNumber({ sequence: 5, kindAbbr: 'QĐ', issuerShort: 'SYT' }, { withLabel: true }),
    ).toBe('Số: 05/QĐ-SYT');
    expect(formatDocumentNumber({ sequence: 12, kindAbbr: 'KH', issuerShort: 'TTYT' })).toBe('12/KH-TTYT');
    expect(formatDocumentNumber({ sequence: 123, kindAbbr: 'TTr', issuerShort: 'SYT' })).toBe('123/TTr-SYT');
    expect(formatDocumentNumber({ sequence: 3, kindAbbr: 'BB', issuerShort: 'HĐTĐKT' })).toBe('03/BB-HĐTĐKT');
    // công văn: no kind abbreviation
    expect(formatDocumentNumber({ sequence: 123, kindAbbr: null, issuerShort: 'SYT-NVY' })).toBe(
      '123/SYT-NVY',
    );
  });

  it('rejects invalid parts', () => {
    expect(() => formatDocumentNumber({ sequence: 0, kindAbbr: 'QĐ', issuerShort: 'SYT' })).toThrow(
      DocumentNumberError,
    );
    expect(() => formatDocumentNumber({ sequence: 1, kindAbbr: 'CV', issuerShort: 'SYT' })).toThrow(/CV/);
    expect(() => formatDocumentNumber({ sequence: 1, kindAbbr: 'QĐ', issuerShort: 'S YT' })).toThrow(
      DocumentNumberError,
    );
    expect(() => formatDocumentNumber({ sequence: 1, kindAbbr: 'QĐ', issuerShort: '' })).toThrow(
      DocumentNumberError,
    );
  });

  it('has the kind abbreviations of Phụ lục III', () => {
    for (const abbr of ['QĐ', 'KH', 'TTr', 'BB', 'BC', 'TB', 'HD', 'NQ', 'CTr', 'QyĐ', 'GM'])
      expect(documentKind(abbr)).toBeDefined();
    expect(documentKind('TTr')!.name).toBe('Tờ trình');
    expect(documentKind('CV')).toBeUndefined();
    expect(new Set(DOCUMENT_KINDS.map((k) => k.abbr)).size).toBe(DOCUMENT_KINDS.length);
  });

  it('parses what it formats, and công văn symbols', () => {
    expect(parseDocumentNumber('Số: 05/QĐ-SYT')).toEqual({ sequence: 5, kindAbbr: 'QĐ', issuerShort: 'SYT' });
    expect(parseDocumentNumber(' 12/KH-UBND ')).toEqual({
      sequence: 12,
      kindAbbr: 'KH',
      issuerShort: 'UBND',
    });
    expect(parseDocumentNumber('123/SYT-NVY')).toEqual({
      sequence: 123,
      kindAbbr: null,
      issuerShort: 'SYT-NVY',
    });
    // decomposed Unicode (NFD) is normalised
    expect(parseDocumentNumber('05/QĐ-SYT'.normalize('NFD'))).toEqual({
      sequence: 5,
      kindAbbr: 'QĐ',
      issuerShort: 'SYT',
    });
    expect(parseDocumentNumber('QĐ-SYT')).toBeNull();
    expect(parseDocumentNumber('0/QĐ-SYT')).toBeNull();
    expect(parseDocumentNumber('05/QĐ SYT')).toBeNull();
  });

  it('property: parse(format(x)) = x', () => {
    const part = fc.stringMatching(/^[A-ZĐ][A-ZĐ0-9]{0,5}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom(...DOCUMENT_KINDS.map((k) => k.abbr)),
        fc.array(part, { minLength: 1, maxLength: 2 }),
        (sequence, kindAbbr, issuerParts) => {
          const n = { sequence, kindAbbr, issuerShort: issuerParts.join('-') };
          expect(parseDocumentNumber(formatDocumentNumber(n, { withLabel: true }))).toEqual(n);
        },
      ),
    );
  });
});
