/**
 * The same plan as clean Unicode, without diacritics, and with OCR noise must read the same; a text
 * with no plan in it must read as nothing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVi } from '../../text/vietnamese';
import { KH_118_FACTS } from './__fixtures__/kh-118.facts';
import { ocrNoise, stripDiacritics } from './__fixtures__/variants';
import { parsePlanText } from './index';
import { PROVINCES_BEFORE_2025, PROVINCES_FROM_2025 } from './vocabulary';

const clean = readFileSync(new URL('./__fixtures__/kh-118-bvt-quang-ngai-2025.txt', import.meta.url), 'utf8');

/** Letters only, folded: compares names whose spaces OCR may have dropped. */
const letters = (s: string | null | undefined) => foldVi(s ?? '').replace(/[^a-z]/g, '');

describe('own plan without diacritics', () => {
  const text = stripDiacritics(clean);
  const plan = parsePlanText(text);

  it('really has no diacritics left', () => {
    expect(text).not.toBe(clean);
    expect(text).toMatch(/BENH VIEN DA KHOA TINH QUANG NGAI/);
    expect(/[\u00c0-\u1ef9]/.test(text.replace(/[“”–]/g, ''))).toBe(false);
  });

  it('extracts the same numbers, dates, links, phases, reviews, forms and deadlines', () => {
    expect(plan.documentNumber).toBe(KH_118_FACTS.documentNumber);
    expect(plan.issuedOn).toBe(KH_118_FACTS.issuedOn);
    expect(plan.implements).toEqual(KH_118_FACTS.implements);
    expect(plan.legalBases).toEqual(KH_118_FACTS.legalBases); // "ND-CP", "QD-TTg" → NĐ, QĐ
    expect(plan.phases).toEqual(KH_118_FACTS.phases);
    expect(plan.reviews).toEqual(KH_118_FACTS.reviews);
    expect(plan.awardForms).toEqual(KH_118_FACTS.awardForms);
    expect(plan.reportDeadlines).toEqual(KH_118_FACTS.reportDeadlines);
  });

  it('restores the diacritics of known names: issuers, place, signer title', () => {
    expect(plan.issuer).toBe(KH_118_FACTS.issuer);
    expect(plan.parentIssuer).toBe(KH_118_FACTS.parentIssuer);
    expect(plan.place).toBe(KH_118_FACTS.place);
    expect(plan.signer?.title).toBe(KH_118_FACTS.signer.title);
    expect(plan.recipients).toEqual(KH_118_FACTS.recipients);
  });

  it('restores only the family name of the signer, never guesses the rest', () => {
    expect(plan.signer?.name).toBe('Lê Thi Hong Nhung');
  });

  it('keeps unknown words as written: the title folds to the original', () => {
    expect(foldVi(plan.title ?? '')).toBe(foldVi(KH_118_FACTS.title));
  });
});

describe('own plan with OCR noise', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

  it('the noise generator really damages the text (ô→6, Đ→P, é for ế …)', () => {
    const noisy = ocrNoise(clean, 1);
    expect(noisy).not.toBe(clean);
    expect(noisy).toMatch(/\p{L}6|\p{L}0\p{L}/u);
    expect(noisy).toMatch(/é/);
    expect(ocrNoise(clean, 1)).toBe(noisy); // deterministic
  });

  it.each(seeds)('seed %i: same facts as the clean text', (seed) => {
    const plan = parsePlanText(ocrNoise(clean, seed));
    expect(plan.documentNumber).toBe(KH_118_FACTS.documentNumber);
    expect(plan.issuedOn).toBe(KH_118_FACTS.issuedOn);
    expect(plan.implements).toEqual(KH_118_FACTS.implements);
    expect(plan.legalBases).toEqual(KH_118_FACTS.legalBases); // "NP-CP", "QP-TTg" → NĐ, QĐ
    expect(plan.phases).toEqual(KH_118_FACTS.phases);
    expect(plan.reviews).toEqual(KH_118_FACTS.reviews);
    expect(plan.awardForms).toEqual(KH_118_FACTS.awardForms);
    expect(plan.reportDeadlines).toEqual(KH_118_FACTS.reportDeadlines);
    expect(plan.place).toBe(KH_118_FACTS.place);
    expect(letters(plan.issuer)).toBe(letters(KH_118_FACTS.issuer));
    expect(letters(plan.parentIssuer)).toBe(letters(KH_118_FACTS.parentIssuer));
    expect(plan.signer?.title).toBe(KH_118_FACTS.signer.title);
    expect(letters(plan.signer?.name)).toBe(letters(KH_118_FACTS.signer.name));
    expect(plan.recipients.map(letters)).toEqual(KH_118_FACTS.recipients.map(letters));
  });
});

describe('property: stripping diacritics does not change what is extracted', () => {
  const places = [...new Set([...PROVINCES_BEFORE_2025, ...PROVINCES_FROM_2025])];
  const symbols = ['KH-SYT', 'KH-TTYT', 'KH-BVT', 'KH-KSBT', 'KH-UBND', 'KH-TYT'];
  const date = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));
  const iso = (x: { y: number; m: number; d: number }) =>
    `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
  const pad = (n: number, yes: boolean) => (yes ? String(n).padStart(2, '0') : String(n));

  it('documentNumber, issuedOn and implements are the generated values, with and without diacritics', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...symbols),
        date,
        fc.constantFrom(...places),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(...symbols), date), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        (num, symbol, issued, place, parents, padded) => {
          const refs = parents
            .map(
              ([n, s, d]) =>
                `Kế hoạch số ${n}/${s} ngày ${pad(d.d, padded)}/${pad(d.m, padded)}/${d.y} của Sở Y tế`,
            )
            .join('; ');
          const text = [
            'SỞ Y TẾ',
            'TRUNG TÂM Y TẾ',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            `Số: ${num}/${symbol}`,
            `${place}, ngày ${pad(issued.d, padded)} tháng ${pad(issued.m, padded)} năm ${issued.y}`,
            'KẾ HOẠCH',
            'Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số',
            `Thực hiện ${refs};`,
            'Trung tâm Y tế ban hành Kế hoạch như sau:',
            'I. MỤC ĐÍCH, YÊU CẦU',
          ].join('\n');
          const expectedImplements = [
            ...new Map(parents.map(([n, s, d]) => [`${n}/${s}`, iso(d)])).entries(),
          ].map(([number, issuedOn]) => ({ number, issuedOn }));
          const a = parsePlanText(text);
          const b = parsePlanText(stripDiacritics(text));
          expect(a.documentNumber).toBe(`${num}/${symbol}`);
          expect(a.issuedOn).toBe(iso(issued));
          expect(a.implements).toEqual(expectedImplements);
          expect(a.place).toBe(place);
          expect(b.documentNumber).toBe(a.documentNumber);
          expect(b.issuedOn).toBe(a.issuedOn);
          expect(b.implements).toEqual(a.implements);
          expect(foldVi(b.place ?? '')).toBe(foldVi(place));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('text without a plan', () => {
  const nothing = {
    documentNumber: null,
    issuer: null,
    parentIssuer: null,
    place: null,
    issuedOn: null,
    title: null,
    implements: [],
    legalBases: [],
    phases: [],
    reviews: [],
    awardForms: [],
    reportDeadlines: [],
    signer: null,
    recipients: [],
    contentAreas: [],
    responsibilities: [],
  };

  it.each([
    ['empty', ''],
    ['blank lines', '\n \n\t\n'],
    ['a note', 'THÔNG BÁO NỘI BỘ\nHôm nay phòng họp tầng 2 được sơn lại.\nNguyễn Văn An'],
    ['lorem ipsum', 'Lorem ipsum dolor sit amet\n\nConsectetur adipiscing elit 2025\nSed Do Eiusmod'],
    ['numbers only', '12/10/2025 15/11 30-11-2027 2025-2030'],
  ])('%s → nulls and empty lists', (_, text) => {
    const { warnings, ...plan } = parsePlanText(text);
    expect(plan).toEqual(nothing);
    expect(warnings.length).toBeGreaterThan(0);
  });
});
