/**
 * The award forms (hình thức khen thưởng) and emulation titles (danh hiệu) a plan offers, as catalog
 * codes (src/domain/commendation/codes.ts).
 *
 * Only the section that lists them is read ("2.1. Hình thức khen thưởng" up to "2.2. Tiêu chuẩn khen
 * thưởng", and a "Danh hiệu thi đua" section if any): elsewhere a plan mentions forms in passing
 * ("trình cấp có thẩm quyền tặng Cờ thi đua, Bằng khen …") without offering them. Without such a
 * section the whole body is read, with a warning.
 *
 * A form is recognised by its name (tolerant regexes on canon text) and, for Bằng khen and Cờ thi đua,
 * by the authority named right after it (Thủ tướng → BANG_KHEN_TTG, Bộ trưởng → BANG_KHEN_BO,
 * Chủ tịch UBND tỉnh/thành phố → BANG_KHEN_TINH …).
 */
import { AWARD_CODES, type AwardCode } from '../../commendation/codes';
import { findHeadings, isHeading, ROMAN_HEADING } from './sections';
import type { PlanText } from './text';
import { lineRaw, matchAll } from './text';

const GIAY_KHEN = /gi[a-z]{1,2}y\s*khen/g;
const BANG_KHEN = /b[a-z]{1,2}ng\s*khen/g;
// "Cờ thi đua" — OCR "C0¢ thi dua" (canon "coe thi dua"); not the "…ao thi dua" of "Phong trào thi đua".
const CO_THI_DUA = /(?<![a-z])c[o][a-z]?\s*th[i]\s*d[u]a/g;
const HUAN_CHUONG_LD = /h[u][a-z]{1,2}n\s*ch[u][a-z]{1,2}ng\s*lao\s*d[o]ng/g;
const CHIEN_SI = /ch[i][a-z]{1,2}n\s*s[i]\s*thi\s*d[u]a/g;
const LAO_DONG_TIEN_TIEN = /lao\s*d[o]ng\s*ti[a-z]{1,2}n\s*ti[a-z]{1,2}n/g;
const LAO_DONG_XUAT_SAC = /lao\s*d[o]ng\s*x[u][a-z]{1,2}t\s*s[a]c/g;
const TAP_THE_BEFORE = /t[a]p\s*th[e]\s*["“”']?\s*$/;

// Authorities, read in the few words after "Bằng khen" / "Cờ thi đua".
const PRIME_MINISTER = /th[u]\s*t[u][a-z]{1,2}ng|(?<![a-z])ttg(?![a-z])/;
const GOVERNMENT = /ch[i]nh\s*ph[u]/;
const MINISTER =
  /b[o]\s*tr[u][a-z]{1,2}ng|(?<![a-z])b[o]\s*y\s*te|c[a-z]p\s*b[o](?![a-z])|c[u]a\s*b[o](?![a-z])/;
const PROVINCE = /ch[u]\s*t[i]ch|ubnd|(?<![a-z])[u]y\s*ban|(?<![a-z])t[i]nh(?![a-z])|thanh\s*ph[o](?![a-z])/;
// Class of the Labour Order: "hạng Nhất/Nhì/Ba".
const HCLD_CLASS = /^\s*,?\s*h[a-z]{1,2}ng\s*(nh[a-z]{1,2}t|nh[i]|ba)/; // no word end: OCR glues "hang Bacho"

/** The words after an anchor, up to the end of its list item. */
function authorityWindow(canon: string, from: number): string {
  const w = canon.slice(from, from + 60);
  const stop =
    /[;.(:]|\n\s*[-+•]|\n\s*\d|b[a-z]{1,2}ng\s*khen|c[o][a-z]?\s*th[i]\s*d[u]a|gi[a-z]{1,2}y\s*khen/.exec(w);
  return stop ? w.slice(0, stop.index) : w;
}

/** Award codes offered in canon[from, to), plus warnings for forms that could not be classified. */
export function awardsIn(
  canon: string,
  from: number,
  to: number,
): { codes: Set<AwardCode>; warnings: string[] } {
  const codes = new Set<AwardCode>();
  const warnings: string[] = [];
  const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of matchAll(re, canon, from, to)) if (m.index + m[0].length <= to) f(m);
  };

  each(GIAY_KHEN, () => codes.add('GIAY_KHEN'));
  each(BANG_KHEN, (m) => {
    const w = authorityWindow(canon, m.index + m[0].length);
    if (PRIME_MINISTER.test(w)) codes.add('BANG_KHEN_TTG');
    else if (MINISTER.test(w)) codes.add('BANG_KHEN_BO');
    else if (PROVINCE.test(w)) codes.add('BANG_KHEN_TINH');
    else
      warnings.push(
        '"Bằng khen" without an authority (Thủ tướng / Bộ trưởng / Chủ tịch UBND) was not mapped.',
      );
  });
  each(CO_THI_DUA, (m) => {
    const w = authorityWindow(canon, m.index + m[0].length);
    if (GOVERNMENT.test(w)) codes.add('CO_THI_DUA_CP');
    else if (PROVINCE.test(w) || MINISTER.test(w)) codes.add('CO_THI_DUA_TINH');
    else warnings.push('"Cờ thi đua" without an authority (Chính phủ / bộ / tỉnh) was not mapped.');
  });
  each(HUAN_CHUONG_LD, (m) => {
    const cls = HCLD_CLASS.exec(canon.slice(m.index + m[0].length, m.index + m[0].length + 20))?.[1];
    if (!cls) {
      codes.add('HCLD_1');
      codes.add('HCLD_2');
      codes.add('HCLD_3');
      warnings.push(
        '"Huân chương Lao động" is offered without a class: listed as HCLD_1, HCLD_2 and HCLD_3.',
      );
    } else if (cls.startsWith('nh') && cls.endsWith('t')) codes.add('HCLD_1');
    else if (cls.startsWith('nh')) codes.add('HCLD_2');
    else codes.add('HCLD_3');
  });
  each(CHIEN_SI, (m) => {
    const w = authorityWindow(canon, m.index + m[0].length).slice(0, 25);
    if (/c[o]\s*s[o](?![a-z])/.test(w)) codes.add('CSTDCS');
    else if (/to[a-z]n\s*qu[o]c/.test(w)) codes.add('CSTD_TQ');
    else if (/t[i]nh|b[o](?![a-z])|ng[a-z]nh/.test(w)) codes.add('CSTD_TINH');
    else warnings.push('"Chiến sĩ thi đua" without a level (cơ sở / tỉnh / toàn quốc) was not mapped.');
  });
  each(LAO_DONG_TIEN_TIEN, (m) => {
    codes.add(TAP_THE_BEFORE.test(canon.slice(Math.max(0, m.index - 12), m.index)) ? 'TTLDTT' : 'LDTT');
  });
  each(LAO_DONG_XUAT_SAC, (m) => {
    if (TAP_THE_BEFORE.test(canon.slice(Math.max(0, m.index - 12), m.index))) codes.add('TTLDXS');
  });
  return { codes, warnings };
}

/** [start, end) of the sections listing forms and titles, in raw indices. */
function awardSections(doc: PlanText, fromLine: number): Array<[number, number]> {
  const sections: Array<[number, number]> = [];
  const starts = [
    ...findHeadings(
      doc,
      ['hinh thuc khen thuong', 'hinh thuc va tieu chuan khen thuong', 'cac hinh thuc khen thuong'],
      fromLine,
    ),
    ...findHeadings(doc, ['danh hieu thi dua', 'cac danh hieu thi dua'], fromLine),
  ];
  for (const start of starts) {
    if (sections.some(([s, e]) => start.start >= s && start.start < e)) continue;
    let end = Math.min(doc.raw.length, start.end + 4000);
    for (const line of doc.lines.slice(start.index + 1)) {
      if (line.start >= end) break;
      const raw = lineRaw(doc, line);
      if (
        ROMAN_HEADING.test(raw) ||
        isHeading(doc, line, 'tieu chuan khen thuong') ||
        isHeading(doc, line, 'tieu chuan xet khen thuong') ||
        isHeading(doc, line, 'giai phap thuc hien') ||
        isHeading(doc, line, 'to chuc thuc hien')
      ) {
        end = line.start;
        break;
      }
    }
    sections.push([start.start, end]);
  }
  return sections;
}

export function findAwardForms(
  doc: PlanText,
  bodyStart: number,
): { awardForms: AwardCode[]; warnings: string[] } {
  const fromLine = doc.lines.findIndex((l) => l.end >= bodyStart);
  const sections = awardSections(doc, Math.max(0, fromLine));
  const warnings: string[] = [];
  const all = new Set<AwardCode>();
  const ranges: Array<[number, number]> = sections.length ? sections : [[bodyStart, doc.raw.length]];
  if (!sections.length)
    warnings.push('No "Hình thức khen thưởng" section: award forms were read from the whole text.');
  for (const [s, e] of ranges) {
    const r = awardsIn(doc.canon, s, e);
    for (const c of r.codes) all.add(c);
    for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
  }
  return { awardForms: AWARD_CODES.filter((c) => all.has(c)), warnings };
}
