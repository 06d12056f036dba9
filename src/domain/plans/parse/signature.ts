/**
 * The end of the document (NĐ 30/2020): "Nơi nhận:" with one recipient per "- " line, and the
 * signature block — signing mode (KT. / TM. / Q. / TL. / TUQ.), title, and the signer's name.
 *
 *   Nơi nhận:                                  KT. GIÁM ĐỐC
 *   - Sở Y tế (để b/c);                        PHÓ GIÁM ĐỐC
 *   - Lưu: VT, TCHC.
 *                                              Nguyễn Văn A
 *
 * Text extraction interleaves the two columns in any order ("Noi nhgn: , PHO GIAM POC"), so the title
 * lines are recognised by their words, wherever they are in the last lines.
 */
import type { PlanText, TextLine } from './text';
import { lineCanon, lineRaw, squash } from './text';
import type { Signer } from './types';
import { properName, restoreDiacritics } from './vocabulary';

// "Nơi nhận:" (OCR "Noi nhgn:", "N0i nhan").
const NOI_NHAN = /n[o]i\s*nh[a-z]{1,2}n\s*[:;.]?/;
const LIST_ITEM = /^\s*[-–—•+*]\s*/;

function findNoiNhan(doc: PlanText): TextLine | null {
  for (let i = doc.lines.length - 1; i >= 0; i--) {
    const canon = lineCanon(doc, doc.lines[i]);
    if (NOI_NHAN.test(canon.slice(0, 60))) return doc.lines[i];
  }
  return null;
}

/** Cuts OCR junk after the final ";" or "." of an item ("…(P/h chi dao); A" → "…(P/h chi dao)"). */
function cleanItem(raw: string): string {
  let s = squash(raw.replace(LIST_ITEM, ''));
  const junk = /^(.*[;.])\s*[^\s;.]{1,2}$/.exec(s);
  if (junk) s = junk[1];
  s = s
    .replace(/[\s;,]+$/, '')
    .replace(/\s*\.\/\.$/, '')
    .replace(/\.$/, '');
  return restoreDiacritics(s);
}

export function findRecipients(doc: PlanText): string[] {
  const header = findNoiNhan(doc);
  if (!header) return [];
  const items: string[] = [];
  for (const line of doc.lines.slice(header.index + 1)) {
    const raw = lineRaw(doc, line);
    if (!raw.trim()) continue;
    if (LIST_ITEM.test(raw)) {
      items.push(raw);
      if (/^\s*[-–—•+*]\s*l[uư]u\b/i.test(raw.normalize('NFC'))) break; // "- Lưu: VT, …" closes the list
      continue;
    }
    const last = items[items.length - 1];
    // a wrapped item continues on a line starting in lower case or with "(" ("(để báo cáo);")
    if (last !== undefined && !/[;.]\s*$/.test(last) && /^\s*[\p{Ll}(\d]/u.test(raw)) {
      items[items.length - 1] = `${last} ${raw.trim()}`;
      continue;
    }
    if (items.length) break;
  }
  return items.map(cleanItem).filter((s) => /\p{L}/u.test(s));
}

// Signing modes (NĐ 30 Đ13).
const MODE = /(?<![a-z])(kt|tm|tl|tuq|q)\s*[.,]\s*/;
const MODE_LABEL: Record<string, string> = { kt: 'KT.', tm: 'TM.', tl: 'TL.', tuq: 'TUQ.', q: 'Q.' };
// Positions, most specific first; "đốc" may come out as "POC", "bOC", "DPOC".
const POSITIONS: Array<[string, RegExp]> = [
  ['PHÓ GIÁM ĐỐC', /ph[o]\s*gi[a]m\s*[dpb]{1,2}[o]c/],
  ['GIÁM ĐỐC', /gi[a]m\s*[dpb]{1,2}[o]c/],
  ['PHÓ CHỦ TỊCH', /ph[o]\s*ch[u]\s*t[i]ch/],
  ['CHỦ TỊCH', /ch[u]\s*t[i]ch/],
  ['PHÓ VIỆN TRƯỞNG', /ph[o]\s*vi[e]n\s*tr[u][o]ng/],
  ['VIỆN TRƯỞNG', /vi[e]n\s*tr[u][o]ng/],
  ['PHÓ TRƯỞNG PHÒNG', /ph[o]\s*tr[u][o]ng\s*ph[o]ng/],
  ['TRƯỞNG PHÒNG', /tr[u][o]ng\s*ph[o]ng/],
  ['TRƯỞNG KHOA', /tr[u][o]ng\s*khoa/],
  ['TRẠM TRƯỞNG', /tr[a]m\s*tr[u][o]ng/],
  ['CHÁNH VĂN PHÒNG', /ch[a]nh\s*v[a]n\s*ph[o]ng/],
  ['BỘ TRƯỞNG', /b[o]\s*tr[u][o]ng/],
  ['THỦ TRƯỞNG', /th[u]\s*tr[u][o]ng/],
  ['TRƯỞNG BAN', /tr[u][o]ng\s*ban/],
];

function isMostlyUpperCase(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = [...letters].filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.6;
}

function positionOf(canon: string): string | null {
  const text = canon.trim();
  for (const [label, re] of POSITIONS) {
    const m = re.exec(text);
    if (m && m.index <= 2 && text.length - (m.index + m[0].length) <= 3) return label;
  }
  return null;
}

/** One title line → "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; null when it is not a title. */
function titlePart(raw: string, canon: string): string | null {
  if (!isMostlyUpperCase(raw)) return null;
  const mode = MODE.exec(canon);
  if (mode && mode.index <= 2) {
    const restCanon = canon.slice(mode.index + mode[0].length);
    const restRaw = raw.slice(mode.index + mode[0].length);
    const position = positionOf(restCanon);
    const body = position ?? restoreDiacritics(squash(restRaw)).toUpperCase();
    return body ? `${MODE_LABEL[mode[1]]} ${body}` : null;
  }
  return positionOf(canon);
}

// Academic/professional prefixes written before a health-sector signer's name ("BSCKII.", "ThS.BS.").
const PREFIXES =
  /^(?:(?:PGS|GS|TS|ThS|THS|Ths|BSCKII|BSCKI|BSCK\s?II|BSCK\s?I|BS\s?CKII|BS\s?CKI|BSNT|BS|Bs|DS|DSCKI|DSCKII|CN|KS|TTƯT|TTND)\s*\.\s*)+/u;

/** Undoes OCR character swaps inside words ("L€" → "Le", "H6ng" → "Hong"), like text.ts ocrCanon. */
function repairWord(word: string): string {
  if (!/\p{L}/u.test(word)) return word;
  return word
    .replace(/(?<=\p{L})[€&¢]/gu, 'e')
    .replace(/[06]/g, 'o')
    .replace(/4/g, 'a');
}

function nameFrom(raw: string): string | null {
  let s = squash(raw).replace(/^[~\-–•*.,:;'"`\s]+/, '');
  s = s.split(' ').map(repairWord).join(' ');
  s = s.replace(PREFIXES, '').replace(/[\s.,;:]+$/, '');
  const words = s.split(' ');
  if (words.length < 2 || words.length > 6) return null;
  if (!words.every((w) => /^\p{L}[\p{L}'’]*$/u.test(w))) return null;
  return properName(s);
}

export interface SignatureBlock {
  signer: Signer | null;
  warnings: string[];
}

export function findSigner(doc: PlanText): SignatureBlock {
  const warnings: string[] = [];
  const noiNhan = findNoiNhan(doc);
  const firstLine = noiNhan ? Math.max(0, noiNhan.index - 8) : Math.max(0, doc.lines.length - 25);
  const tail = doc.lines.slice(firstLine);

  const parts: string[] = [];
  const titleLines = new Set<number>();
  for (const line of tail) {
    let raw = lineRaw(doc, line);
    let canon = lineCanon(doc, line);
    if (LIST_ITEM.test(raw)) continue;
    const nn = NOI_NHAN.exec(canon);
    if (nn && nn.index < 5) {
      // "Noi nhgn: , PHO GIAM POC": the title column glued after the label
      raw = raw.slice(nn.index + nn[0].length).replace(/^[\s,.;:]+/, '');
      canon = canon.slice(nn.index + nn[0].length).replace(/^[\s,.;:]+/, '');
    }
    const part = titlePart(raw.trim(), canon.trim());
    if (part) {
      parts.push(part);
      titleLines.add(line.index);
    }
  }

  // the name: the last line of the tail that reads as a name (2–6 words, letters only) — only in a
  // signature context (a "Nơi nhận" list or a title line), never from arbitrary text
  let name: string | null = null;
  for (let i = tail.length - 1; i >= 0 && (noiNhan || parts.length); i--) {
    const line = tail[i];
    const raw = lineRaw(doc, line);
    if (!raw.trim() || titleLines.has(line.index)) continue;
    if (LIST_ITEM.test(raw) || /^\s*\(/.test(raw) || NOI_NHAN.test(lineCanon(doc, line))) continue;
    if (raw.replace(/[^\p{L}]/gu, '').length <= 2) continue; // stamp/OCR debris
    name = nameFrom(raw);
    break;
  }
  if (!name) warnings.push("The signer's name was not found.");
  if (!parts.length) warnings.push("The signer's title (GIÁM ĐỐC, KT. …) was not found.");
  const signer = parts.length || name ? { title: parts.length ? parts.join(' / ') : null, name } : null;
  return { signer, warnings };
}
