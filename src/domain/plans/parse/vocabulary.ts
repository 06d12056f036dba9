/**
 * Known Vietnamese phrases with their proper spelling, and `restoreDiacritics`, which puts the
 * diacritics back on text that lost them ("Dién Bién Phu" → "Điện Biên Phủ").
 *
 * Only multi-syllable phrases whose folded form has a single reading are listed: "so" alone could be
 * số/sơ/sở, "phong" could be phòng/phong — such words are never restored on their own. A word that
 * is not part of a known phrase is left exactly as it is.
 */
import { AWARD_NAMES } from '../../commendation/codes';
import { foldVi } from '../../text/vietnamese';

/** The 63 provinces and centrally-run cities before the 1 July 2025 reorganisation. */
export const PROVINCES_BEFORE_2025 = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bạc Liêu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Dương',
  'Bình Định',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hồ Chí Minh',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
] as const;

/** The 34 provincial-level units from 1 July 2025 (NQ 202/2025/QH15): 6 cities and 28 provinces. */
export const PROVINCES_FROM_2025 = [
  'Hà Nội',
  'Huế',
  'Hải Phòng',
  'Đà Nẵng',
  'Hồ Chí Minh',
  'Cần Thơ',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
] as const;

/** Other place words that head plans (towns, former provincial capitals). */
export const PLACE_WORDS = [
  'Điện Biên Phủ',
  'Buôn Ma Thuột',
  'Quy Nhơn',
  'Pleiku',
  'Nha Trang',
  'Đà Lạt',
  'Vũng Tàu',
  'Biên Hòa',
  'Thủ Dầu Một',
  'Việt Trì',
  'Hạ Long',
  'Móng Cái',
  'Sa Pa',
  'Hội An',
  'Tam Kỳ',
  'Đồng Hới',
  'Đông Hà',
  'Tuy Hòa',
  'Phan Thiết',
  'Phan Rang - Tháp Chàm',
  'Rạch Giá',
  'Long Xuyên',
  'Mỹ Tho',
  'Cao Lãnh',
  'Sóc Trăng',
  'Vị Thanh',
  'Bạc Liêu',
  'Sơn Tây',
  'Hà Đông',
  'Việt Nam',
  'Thủ đô',
  'Nội vụ',
] as const;

/** Organisation types and office names of the health sector. */
export const ORGANISATION_PHRASES = [
  'Sở Y tế',
  'Bộ Y tế',
  'Bộ Nội vụ',
  'Sở Nội vụ',
  'Trung tâm Y tế',
  'Trung tâm Kiểm soát bệnh tật',
  'Bệnh viện',
  'Bệnh viện Đa khoa',
  'Bệnh viện Y học cổ truyền',
  'Bệnh viện Phổi',
  'Bệnh viện Sản - Nhi',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Trạm Y tế',
  'Trạm Y tế xã',
  'Trạm Y tế phường',
  'Thủ tướng Chính phủ',
  'Chính phủ',
  'Tỉnh ủy',
  'Thành ủy',
  'Bộ Chính trị',
  'Ban Chấp hành',
  'Ban Giám đốc',
  'Giám đốc',
  'Phó Giám đốc',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Bộ trưởng',
  'Lãnh đạo',
  'Công đoàn cơ sở',
  'Đoàn Thanh niên',
  'Văn phòng Sở',
  'Hội đồng Thi đua - Khen thưởng',
  'Ban Thi đua - Khen thưởng',
  'Phòng Tổ chức - Hành chính',
  'Phòng Tổ chức hành chính',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch - Nghiệp vụ',
  'Phòng Kế hoạch - Nghiệp vụ - Điều dưỡng',
  'Phòng Kế hoạch tổng hợp',
  'Phòng Tài chính - Kế toán',
  'Phòng Điều dưỡng',
  'Phòng Quản lý chất lượng',
  'Phòng Công nghệ thông tin',
  'Khoa Khám bệnh',
  'Khoa Dược',
  'Khoa Xét nghiệm',
  'Khoa Cấp cứu',
  'Khoa Hồi sức tích cực',
  'Khoa Nội',
  'Khoa Ngoại',
  'Khoa Nhi',
  'Khoa Phòng chống bệnh truyền nhiễm',
  'Khoa Dinh dưỡng',
  'Khoa Y tế công cộng',
  'các khoa, phòng',
  'thành phố',
  'Thành phố',
  'đơn vị trực thuộc',
] as const;

/** Common words of plan titles (unambiguous when folded). */
export const COMMON_PHRASES = [
  'Kế hoạch',
  'Phong trào thi đua',
  'Phong trào',
  'thi đua',
  'khen thưởng',
  'Triển khai',
  'triển khai thực hiện',
  'tổ chức thực hiện',
  'đổi mới sáng tạo',
  'chuyển đổi số',
  'Cả nước',
  'Bình dân học vụ số',
  'giai đoạn',
  'sơ kết',
  'tổng kết',
  'trên địa bàn',
  'ngành Y tế',
  'Công nghệ thông tin',
  'khoa học',
  'công nghệ',
  'Lưu',
  'để báo cáo',
  'để chỉ đạo',
  'để thực hiện',
  'để biết',
] as const;

/** Common family names; used only for the first word of a signer's name. */
export const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Đào',
  'Trịnh',
  'Lâm',
  'Mai',
  'Trương',
  'Lương',
  'Tạ',
  'Vương',
  'Quách',
  'Lò',
  'Lù',
  'Giàng',
  'Hà',
  'Tô',
  'Chu',
  'Cao',
  'Triệu',
] as const;

/** Provinces with their administrative word, so "tinh Quang Ngai" is restored as one phrase. */
function withUnitWords(names: readonly string[]): string[] {
  return names.flatMap((n) => [n, `tỉnh ${n}`, `Thành phố ${n}`]);
}

/**
 * A looser fold for matching OCR words against the vocabulary: foldVi, then common OCR misreads
 * ("6"/"0" → o, "4" → a, "€"/"&" → e, "w" → u, "ee" → e, a leading "p"/"dp" before a vowel → d —
 * Vietnamese has no native word starting with "p" + vowel, so "Pien" can only be "Điện").
 */
export function looseKey(word: string): string {
  let k = foldVi(word).replace(/['’`‘´]/g, '');
  if (/[a-z]/.test(k)) k = k.replace(/[06]/g, 'o').replace(/4/g, 'a');
  k = k
    .replace(/[€&¢]/g, 'e')
    .replace(/¥/g, 'y')
    .replace(/w/g, 'u')
    .replace(/e{2,}/g, 'e')
    .replace(/^dp(?=[aeiouy])/, 'd')
    .replace(/^p(?=[aeiouy])/, 'd');
  return k;
}

interface Entry {
  proper: string;
  properWords: string[];
  key: string; // loose keys of the words, joined without spaces
  words: number;
}

function buildIndex(phrases: readonly string[]): Map<string, Entry[]> {
  const byFirstLetter = new Map<string, Entry[]>();
  const seen = new Set<string>();
  for (const proper of phrases) {
    const properWords = proper.match(/[\p{L}\d]+/gu) ?? [];
    const key = properWords.map(looseKey).join('');
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFirstLetter.get(key[0]) ?? [];
    list.push({ proper, properWords, key, words: properWords.length });
    byFirstLetter.set(key[0], list);
  }
  // longest first, so "Trung tâm Y tế" wins over "Y tế" and "tỉnh Lai Châu" over "Lai Châu"
  for (const list of byFirstLetter.values()) list.sort((a, b) => b.key.length - a.key.length);
  return byFirstLetter;
}

const awardPhrases = Object.values(AWARD_NAMES).concat([
  'Bằng khen',
  'Giấy khen',
  'Cờ thi đua',
  'Huân chương Lao động',
  'Chiến sĩ thi đua',
  'Danh hiệu',
]);

const MAIN_INDEX = buildIndex([
  ...withUnitWords([...PROVINCES_BEFORE_2025, ...PROVINCES_FROM_2025]),
  ...PLACE_WORDS,
  ...ORGANISATION_PHRASES,
  ...awardPhrases,
  ...COMMON_PHRASES,
]);
const SURNAME_INDEX = buildIndex(SURNAMES);

/** A word of the input: letters (and the digits/symbols OCR puts inside words) with its position. */
interface Token {
  start: number;
  end: number;
  text: string;
  key: string;
}

const WORD = /[\p{L}\d€&¢¥'’]+/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/['’]+$/, '');
    if (!/\p{L}/u.test(word)) {
      out.push({ start: m.index, end: m.index + word.length, text: word, key: `#${word}` }); // numbers never match
      continue;
    }
    out.push({ start: m.index, end: m.index + word.length, text: word, key: looseKey(word) });
  }
  return out;
}

type CaseStyle = 'upper' | 'capital' | 'lower' | 'other';

function caseStyle(word: string): CaseStyle {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'other';
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  const [first, ...rest] = letters;
  if (first === first.toUpperCase() && rest.join('') === rest.join('').toLowerCase()) return 'capital';
  return 'other';
}

function applyStyle(word: string, style: CaseStyle): string {
  switch (style) {
    case 'upper':
      return word.toUpperCase();
    case 'lower':
      return word.toLowerCase();
    case 'capital':
      return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    default:
      return word;
  }
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * True when `a` and `b` are the same word up to the old/new tone placement ("Hoá" ~ "Hóa",
 * "Uỷ" ~ "Ủy"): same letters without tone marks, same tone.
 */
function sameWordIgnoringTonePlacement(a: string, b: string): boolean {
  const split = (w: string) => {
    const d = w.normalize('NFD').toLowerCase();
    return { base: d.replace(TONES, '').normalize('NFC'), tones: (d.match(TONES) ?? []).join('') };
  };
  const x = split(a);
  const y = split(b);
  return x.base === y.base && x.tones === y.tones;
}

/** Matches tokens[i..] against an entry, allowing words run together ("HANOI" = "Hà Nội"). */
function matchEntry(tokens: Token[], i: number, entry: Entry, text: string): number {
  let acc = '';
  for (let j = i; j < tokens.length; j++) {
    if (j > i) {
      // only spaces, or a hyphen / comma and spaces, may separate the words of a phrase
      const between = text.slice(tokens[j - 1].end, tokens[j].start);
      if (!/^\s*(?:[-–,]\s*)?$/.test(between) || between.includes('\n\n')) return -1;
    }
    acc += tokens[j].key;
    if (acc === entry.key) return j;
    if (!entry.key.startsWith(acc)) return -1;
  }
  return -1;
}

function restoreWith(index: Map<string, Entry[]>, text: string): string {
  const tokens = tokenize(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get(tokens[i].key[0]) ?? [];
    let hit: { entry: Entry; endToken: number } | null = null;
    for (const entry of candidates) {
      const endToken = matchEntry(tokens, i, entry, text);
      if (endToken >= 0) {
        hit = { entry, endToken };
        break;
      }
    }
    if (!hit) continue;
    const used = tokens.slice(i, hit.endToken + 1);
    const source = text.slice(used[0].start, used[used.length - 1].end);
    out += text.slice(last, used[0].start) + renderProper(hit.entry, used, source);
    last = used[used.length - 1].end;
    i = hit.endToken;
  }
  return out + text.slice(last);
}

/** The proper form of an entry written in the case style of the source words it replaces. */
function renderProper(entry: Entry, used: Token[], source: string): string {
  const sameShape = used.length === entry.words;
  if (sameShape) {
    const words = entry.properWords.map((proper, k) => {
      const src = used[k].text;
      if (sameWordIgnoringTonePlacement(src, proper)) return src; // already correct: keep as written
      return applyStyle(proper, caseStyle(src));
    });
    // keep the source's separators ("Sản - Nhi" / "Sản-Nhi")
    let rebuilt = '';
    for (let k = 0; k < used.length; k++) {
      rebuilt += words[k];
      if (k < used.length - 1)
        rebuilt += source.slice(used[k].end - used[0].start, used[k + 1].start - used[0].start);
    }
    return rebuilt;
  }
  const styles = new Set(used.map((t) => caseStyle(t.text)));
  const style = styles.size === 1 ? [...styles][0] : 'other';
  if (style === 'upper') return entry.proper.toUpperCase();
  if (style === 'lower') return entry.proper.toLowerCase();
  return entry.proper;
}

/**
 * Puts diacritics back on known phrases, keeping the case style of the source
 * ("TRUNG TAM Y TE PIEN BIEN PHU" → "TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ", "Dién Bién Phu" → "Điện Biên Phủ").
 * Words outside the vocabulary are returned unchanged; text that is already correct is kept as written.
 */
export function restoreDiacritics(text: string): string {
  return restoreWith(MAIN_INDEX, text);
}

/**
 * A person's name in proper case ("NGUYỄN VĂN AN" → "Nguyễn Văn An"), with the family name (first word)
 * restored when it is a known surname ("Nguyén" → "Nguyễn"). Other words keep their letters: given names
 * are too ambiguous to restore ("Dinh" may be Đình or Định).
 */
export function properName(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w));
  if (words.length > 0) words[0] = restoreWith(SURNAME_INDEX, words[0]);
  return words.join(' ');
}

/** True when the folded text starts with a known phrase of the vocabulary (for tests and heuristics). */
export function isKnownPhrase(text: string): boolean {
  const key = tokenize(text)
    .map((t) => t.key)
    .join('');
  return (MAIN_INDEX.get(key[0]) ?? []).some((e) => e.key === key);
}
