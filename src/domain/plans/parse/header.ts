/**
 * The first page's header (NĐ 30/2020):
 *
 *   SỞ Y TẾ LAI CHÂU                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   TRUNG TÂM KIỂM SOÁT BỆNH TẬT                Độc lập - Tự do - Hạnh phúc
 *   Số: 12/KH-KSBT                         Lai Châu, ngày 05 tháng 7 năm 2025
 *                                 KẾ HOẠCH
 *                       <subject line(s): the title>
 *
 * Text extraction flattens the two columns in any order (OCR puts them on one line: "TRUNG TAM Y TE
 * PIEN BIEN PHU DPoc lap - Tw do - Hanh phic"), so every part is found by its own pattern and the
 * national motto is cut out of the issuer lines.
 */
import { isoDate, NAM, NGAY, THANG } from './dates';
import { fuzzyFindAll, ocrDistance } from './fuzzy';
import { normalizeDocumentNumber } from './numbers';
import type { PlanText, TextLine } from './text';
import { lineCanon, lineFold, lineRaw, squash } from './text';
import { looseKey, restoreDiacritics } from './vocabulary';

export interface Header {
  documentNumber: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string | null;
  /** index in `raw` where the body (after the title) starts */
  bodyStart: number;
  warnings: string[];
}

const HEADER_SEARCH_LINES = 40;

/** The "KẾ HOẠCH" line: its letters are "kehoach" give or take one OCR error ("KE HOACH", "Ké& hoach"). */
export function findKindLine(doc: PlanText): TextLine | null {
  for (const line of doc.lines.slice(0, HEADER_SEARCH_LINES)) {
    const letters = lineCanon(doc, line).replace(/[^a-z]/g, '');
    if (letters.length >= 6 && letters.length <= 9 && ocrDistance(letters, 'kehoach') <= 1) return line;
  }
  return null;
}

// "Số:" with OCR variants "S6:", "Sb:", "So;" — on folded text (digits kept), not part of a longer word.
const SO_MARKER = /(?<![a-z])s[o06b]\s*[:;]/;
// After "Số:": an optional number (left blank in drafts: "Số:      / KH-KSBT"), "/", the symbol groups.
const NUMBER_AFTER_SO =
  /^[ ]*(\d{1,5})?[ ]*\/[ ]*([A-ZĐÐ][A-Za-zĐđÐ0-9]{0,11}(?:[ ]*[-–/][ ]*[A-ZĐÐ][A-Za-zĐđÐ0-9]{0,11})*)/u;

interface NumberLine {
  line: TextLine;
  /** end of the "Số: …" text in raw */
  end: number;
  documentNumber: string | null;
  symbol: string | null;
}

function findNumberLine(doc: PlanText, lastLine: number): NumberLine | null {
  for (const line of doc.lines.slice(0, lastLine)) {
    const m = SO_MARKER.exec(lineFold(doc, line));
    if (!m) continue;
    const after = line.start + m.index + m[0].length;
    const n = NUMBER_AFTER_SO.exec(doc.raw.slice(after, line.end));
    if (!n) return { line, end: after, documentNumber: null, symbol: null };
    const normalized = normalizeDocumentNumber(n[1] ?? '0', n[2], '/');
    return {
      line,
      end: after + n[0].length,
      documentNumber: n[1] ? normalized : null,
      symbol: normalized.replace(/^\d+\//, ''),
    };
  }
  return null;
}

// "<Place>, ngày 11 tháng 8 năm 2025"; day and month may be blank in a draft ("ngày    tháng 7 năm 2025").
const DATE_LINE = new RegExp(
  String.raw`,?\s*${NGAY}\s*(\d{1,2})?[\s._…]*${THANG}\s*(\d{1,2})?[\s._…]*${NAM}\s*(\d{4})`,
);

interface DateLine {
  line: TextLine;
  /** start of ", ngày …" in raw */
  start: number;
  issuedOn: string | null;
  day: number | null;
  month: number | null;
  year: number;
}

function findDateLine(doc: PlanText, lastLine: number): DateLine | null {
  for (const line of doc.lines.slice(0, lastLine)) {
    const m = DATE_LINE.exec(lineFold(doc, line));
    if (!m) continue;
    const day = m[1] ? Number(m[1]) : null;
    const month = m[2] ? Number(m[2]) : null;
    const year = Number(m[3]);
    const issuedOn = day && month ? isoDate(year, month, day) : null;
    return { line, start: line.start + m.index, issuedOn, day, month, year };
  }
  return null;
}

const MOTTO_PHRASES = ['cong hoa xa hoi chu nghia viet nam', 'doc lap - tu do - hanh phuc'];

/** Cuts the national motto out of a header line (whole words, as OCR glues letters to it: "DPoc lap"). */
function withoutMotto(doc: PlanText, start: number, end: number): string {
  let raw = doc.raw.slice(start, end);
  const canon = doc.canon.slice(start, end);
  const cuts: Array<[number, number]> = [];
  for (const phrase of MOTTO_PHRASES) {
    for (const m of fuzzyFindAll(canon, phrase, { maxCost: phrase.length * 0.25 })) {
      let s = m.start;
      let e = m.end;
      while (s > 0 && /\S/.test(canon[s - 1])) s--;
      while (e < canon.length && /\S/.test(canon[e])) e++;
      cuts.push([s, e]);
    }
  }
  for (const [s, e] of cuts.sort((a, b) => b[0] - a[0])) raw = `${raw.slice(0, s)} ${raw.slice(e)}`;
  return squash(raw);
}

// Words that begin an organisation's name in the left header (loose keys, see vocabulary.ts).
const ORG_FIRST_WORDS = new Set([
  'so',
  'bo',
  'ubnd',
  'uy',
  'ban',
  'phong',
  'khoa',
  'cuc',
  'vien',
  'truong',
  'tram',
  'hdnd',
]);
const ORG_PREFIXES = [
  'trungtam',
  'benhvien',
  'chicuc',
  'hoidong',
  'danguy',
  'congdoan',
  'tinhuy',
  'thanhuy',
  'uyban',
  'soyte',
  'boyte',
];

function startsOrganisation(line: string): boolean {
  const keys = line.split(/\s+/).filter(Boolean).map(looseKey);
  if (keys.length === 0) return false;
  if (ORG_FIRST_WORDS.has(keys[0])) return true;
  const joined = keys.join('');
  return ORG_PREFIXES.some((p) => joined.startsWith(p));
}

function isMostlyUpperCase(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = [...letters].filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.6;
}

/** The organisations of the left header, top (governing body) to bottom (issuer). */
function headerOrganisations(doc: PlanText, lines: TextLine[]): string[] {
  const orgs: string[] = [];
  for (const line of lines) {
    const text = withoutMotto(doc, line.start, line.end)
      .replace(/^[-–_=.\s]+|[-–_=.\s]+$/g, '')
      .trim();
    if (!isMostlyUpperCase(text)) continue;
    if (orgs.length === 0 || startsOrganisation(text)) orgs.push(text);
    else orgs[orgs.length - 1] += ` ${text}`;
  }
  return orgs.map((o) => restoreDiacritics(squash(o)));
}

// A line that starts the preamble or the body, so it is no longer part of the title.
// (No space needed after "Căn cứ"/"Thực hiện": OCR glues "Can cuLuat".)
const BODY_START =
  /^(?:c[a-z]n\s*c[a-z]{1,2}|th[a-z]{0,2}c\s*h[a-z]{1,3}n|x[a-z]t\s+d[a-z]\s+ngh|theo\s+d[a-z]\s+ngh|(?:[ivxl]{1,4}|\d{1,2})\s*[.,)]\s)/;

function readTitle(doc: PlanText, kindLine: TextLine): { title: string | null; end: number } {
  const parts: string[] = [];
  let end = kindLine.end;
  for (const line of doc.lines.slice(kindLine.index + 1, kindLine.index + 12)) {
    const raw = lineRaw(doc, line).trim();
    if (!raw || !/\p{L}/u.test(raw)) continue;
    const canon = lineCanon(doc, line).trim();
    if (
      parts.length > 0 ? BODY_START.test(canon) : /^c[a-z]n\s*c[a-z]{1,2}|^[ivxl]{1,4}\s*[.,]\s/.test(canon)
    )
      break;
    parts.push(raw);
    end = line.end;
    if (parts.length >= 6) break;
  }
  return { title: parts.length ? restoreDiacritics(squash(parts.join(' '))) : null, end };
}

export function parseHeader(doc: PlanText): Header {
  const warnings: string[] = [];
  const kindLine = findKindLine(doc);
  if (!kindLine)
    warnings.push('No "KẾ HOẠCH" line found: title not read, the header is searched in the first lines.');
  const lastHeaderLine = kindLine ? kindLine.index : Math.min(doc.lines.length, 15);

  const numberLine = findNumberLine(doc, lastHeaderLine);
  const dateLine = findDateLine(doc, kindLine ? kindLine.index + 1 : lastHeaderLine);

  let documentNumber = numberLine?.documentNumber ?? null;
  if (numberLine && !documentNumber) {
    warnings.push(
      numberLine.symbol
        ? `The document number is blank (symbol ${numberLine.symbol}).`
        : 'A "Số:" line was found but no number/symbol could be read from it.',
    );
  }
  if (!numberLine) {
    documentNumber = null;
    warnings.push('No "Số: …" document number found.');
  }

  // place: the words before ", ngày" — after the number when both share a line.
  let place: string | null = null;
  let issuedOn: string | null = null;
  if (dateLine) {
    issuedOn = dateLine.issuedOn;
    if (!issuedOn) {
      warnings.push(
        `The issue date is incomplete (day ${dateLine.day ?? 'blank'}, month ${dateLine.month ?? 'blank'}, year ${dateLine.year}).`,
      );
    }
    const from =
      numberLine && numberLine.line.index === dateLine.line.index ? numberLine.end : dateLine.line.start;
    const before = withoutMotto(doc, from, dateLine.start)
      .replace(/^[\s,.;:\-–]+|[\s,.;:\-–]+$/g, '')
      .trim();
    place = before && /\p{L}/u.test(before) && before.length <= 60 ? restoreDiacritics(before) : null;
    if (!place) warnings.push('The place before ", ngày …" was not found.');
  } else {
    warnings.push('No "<place>, ngày … tháng … năm …" line found.');
  }

  // issuer lines: everything above the number / date line (whichever comes first), motto removed
  const firstMeta = Math.min(
    numberLine?.line.index ?? Number.POSITIVE_INFINITY,
    dateLine?.line.index ?? Number.POSITIVE_INFINITY,
    lastHeaderLine,
  );
  // without any anchor (KẾ HOẠCH, Số:, date line) there is no header to read: capitals at the top of an
  // arbitrary text are not an issuer
  const anchored = kindLine || numberLine || dateLine;
  const orgs = anchored ? headerOrganisations(doc, doc.lines.slice(0, firstMeta)) : [];
  const issuer = orgs.length ? orgs[orgs.length - 1] : null;
  const parentIssuer = orgs.length >= 2 ? orgs[orgs.length - 2] : null;
  if (!issuer) warnings.push('The issuing body (left header) was not found.');

  const { title, end } = kindLine ? readTitle(doc, kindLine) : { title: null, end: 0 };
  return { documentNumber, issuer, parentIssuer, place, issuedOn, title, bodyStart: end, warnings };
}
