/**
 * Optional extractions from the body that feed the plan model later:
 * - contentAreas: the "Thi đua …" items of the "Nội dung thi đua" section (first sentence of each);
 * - responsibilities: "Tổ chức thực hiện" split by department ("1. Phòng Tổ chức - Hành chính"), with
 *   the deadlines found in each department's text.
 */
import { findDeadlines } from './schedule';
import { findHeadings, isHeading, ROMAN_HEADING } from './sections';
import type { PlanText } from './text';
import { lineCanon, lineRaw, squash } from './text';
import type { Responsibility } from './types';
import { restoreDiacritics } from './vocabulary';

// An item of the content section that starts with "Thi đua": "a) Thi đua …", "1. Thi đua …", "5.Thi đua …".
const CONTENT_ITEM = /^\s*(?:[-+•]|\d{1,2}\s*[.)]|[a-z]\s*[.)]|\))?\s*th[il1]\s*d[u]a\s/;

export function findContentAreas(doc: PlanText, fromLine: number): string[] {
  const heading = findHeadings(doc, ['noi dung thi dua', 'noi dung phong trao thi dua'], fromLine)[0];
  if (!heading) return [];
  const areas: string[] = [];
  const limit = heading.end + 8000;
  for (let i = heading.index + 1; i < doc.lines.length && doc.lines[i].start < limit; i++) {
    const line = doc.lines[i];
    const raw = lineRaw(doc, line);
    if (
      ROMAN_HEADING.test(raw) ||
      isHeading(doc, line, 'tieu chi thi dua') ||
      isHeading(doc, line, 'giai phap thuc hien')
    )
      break;
    if (!CONTENT_ITEM.test(lineCanon(doc, line))) continue;
    // the item's first sentence, possibly over several lines
    const lead =
      /^\s*(?:[-+•]|\d{1,2}\s*[.)]|[a-z]\s*[.)]|\))?\s*/.exec(lineCanon(doc, line))?.[0].length ?? 0;
    const rest = doc.raw.slice(line.start + lead, Math.min(doc.raw.length, line.start + 400));
    const sentence = /^[\s\S]*?(?:[.;:](?=\s)|$)/.exec(rest)?.[0] ?? rest;
    const text = squash(sentence)
      .replace(/[.;:]$/, '')
      .trim();
    areas.push(restoreDiacritics(text));
  }
  return areas;
}

// "1. Phòng …", "2.1. Phòng …", "a) Khoa …": a department heading (number, then an organisation word).
const UNIT_HEADING =
  /^\s*(?:\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-z]\s*[.)])\s*((?:c[a-z]c\s+)?(?:ph[o]ng|khoa|tr[a]m|v[a]n\s*ph[o]ng|ban|trung\s*t[a]m|b[e]nh\s*vi[e]n|s[o](?![a-z])|ubnd|c[o]ng\s*d[o]an|d[o]an\s*th[a]nh\s*ni[e]n|h[o]i\s*d[o]ng|d[o]n\s*v[i]|b[o]\s*ph[a]n|t[o]\s*ch[u]c\s*c[o]ng\s*d[o]an).*)$/;
const END_OF_BODY = /tr[e]n\s*d[a]y\s*l[a]\s*k[e]|n[o]i\s*nh[a-z]{1,2}n\s*:/;

export function findResponsibilities(doc: PlanText, fromLine: number): Responsibility[] {
  const headings = findHeadings(doc, ['to chuc thuc hien'], fromLine);
  const heading = headings[headings.length - 1];
  if (!heading) return [];
  const units: Array<{ unit: string; start: number; end: number }> = [];
  let end = doc.raw.length;
  for (const line of doc.lines.slice(heading.index + 1)) {
    const canon = lineCanon(doc, line);
    if (END_OF_BODY.test(canon.slice(0, 40)) || ROMAN_HEADING.test(lineRaw(doc, line))) {
      end = line.start;
      break;
    }
    const m = UNIT_HEADING.exec(canon);
    if (m && canon.trim().length < 110) {
      if (units.length) units[units.length - 1].end = line.start;
      const unitRaw = doc.raw.slice(line.start + canon.indexOf(m[1]), line.end);
      units.push({
        unit: restoreDiacritics(squash(unitRaw).replace(/[:.\s]+$/, '')),
        start: line.end,
        end: doc.raw.length,
      });
    }
  }
  if (units.length) units[units.length - 1].end = Math.min(units[units.length - 1].end, end);
  return units.map((u) => ({
    unit: u.unit,
    text: squash(doc.raw.slice(u.start, u.end)),
    deadlines: findDeadlines(doc, u.start, u.end),
  }));
}
