/**
 * The achievement report (báo cáo thành tích) of a nominee, generated from the data thidua holds
 * (position, unit, annual ratings, titles and forms received, initiatives) as editable text, and
 * its rendering as an NĐ 30-style DOCX. Headings are lines "I. …"/"II. …", bullets start with "- ".
 */
import { sql } from 'drizzle-orm';
import {
  AWARD_NAMES,
  type AwardCode,
  INITIATIVE_SCOPE_NAMES,
  type InitiativeScope,
  RATING_NAMES,
  type Rating,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';
import { formatShortDate } from '../../documents/format';
import type { Block, OfficialDocument } from '../../documents/model';

export const DOCUMENT_PLACE = 'Điện Biên';

const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;
const ratingName = (r: string) => RATING_NAMES[r as Rating] ?? r;

type AwardRow = {
  award_code: string;
  year: number;
  decision_number: string | null;
  decided_on: string | null;
  issuer: string | null;
};

async function awardsOf(db: Queryable, column: 'person_id' | 'org_id', id: string): Promise<AwardRow[]> {
  const res = await db.execute<AwardRow>(sql`
    select award_code, year, decision_number, decided_on, issuer from awards
     where ${sql.raw(column)} = ${id} and revoked_at is null order by year desc, award_code`);
  return res.rows;
}

async function ratingsOf(db: Queryable, column: 'person_id' | 'org_id', id: string, year: number) {
  const res = await db.execute<{ year: number; rating: string }>(sql`
    select year, rating from ratings where ${sql.raw(column)} = ${id} and year between ${year - 5} and ${year}
     order by year desc`);
  return res.rows;
}

function awardLines(rows: AwardRow[]): string[] {
  if (rows.length === 0) return ['- Chưa có.'];
  return rows.map((a) => {
    const decision = a.decision_number
      ? ` (Quyết định số ${a.decision_number}${a.decided_on ? ` ngày ${formatShortDate(a.decided_on)}` : ''}${a.issuer ? ` của ${a.issuer}` : ''})`
      : '';
    return `- Năm ${a.year}: ${awardName(a.award_code)}${decision}.`;
  });
}

/** Report text for a person proposed for `awardCode` in `year`. */
export async function personAchievementReport(
  db: Queryable,
  personId: string,
  awardCode: string,
  year: number,
): Promise<string> {
  const p = (
    await db.execute<{
      full_name: string;
      birth_date: string | null;
      gender: string | null;
      position: string | null;
      professional_title: string | null;
      org_name: string | null;
      parent_name: string | null;
    }>(sql`
      select p.full_name, p.birth_date, p.gender, p.position, p.professional_title, o.name as org_name, par.name as parent_name
        from people p left join organizations o on o.id = p.current_org_id left join organizations par on par.id = o.parent_id
       where p.id = ${personId}`)
  ).rows[0];
  if (!p) return '';
  const ratings = await ratingsOf(db, 'person_id', personId, year);
  const awards = await awardsOf(db, 'person_id', personId);
  const initiatives = (
    await db.execute<{
      title: string;
      year: number;
      scope: string;
      recognition_decision: string | null;
      share: string;
    }>(sql`
      select i.title, i.year, i.scope, i.recognition_decision, a.share from initiative_authors a
        join initiatives i on i.id = a.initiative_id where a.person_id = ${personId} order by i.year desc, i.title`)
  ).rows;
  const unit = [p.org_name, p.parent_name].filter(Boolean).join(', ');
  const titles = awards.filter(
    (a) =>
      ![
        'GIAY_KHEN',
        'BANG_KHEN_TINH',
        'BANG_KHEN_BO',
        'BANG_KHEN_TTG',
        'HCLD_1',
        'HCLD_2',
        'HCLD_3',
      ].includes(a.award_code),
  );
  const forms = awards.filter((a) => !titles.includes(a));
  const lines = [
    `BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG ${awardName(awardCode).toUpperCase()} NĂM ${year}`,
    '',
    'I. SƠ LƯỢC LÝ LỊCH',
    `- Họ và tên: ${p.full_name}`,
    `- Giới tính: ${p.gender === 'male' ? 'Nam' : p.gender === 'female' ? 'Nữ' : '…'}`,
    `- Ngày, tháng, năm sinh: ${p.birth_date ? formatShortDate(p.birth_date) : '…'}`,
    `- Chức vụ: ${p.position ?? '…'}`,
    `- Trình độ chuyên môn: ${p.professional_title ?? '…'}`,
    `- Đơn vị công tác: ${unit || '…'}`,
    '',
    'II. THÀNH TÍCH ĐẠT ĐƯỢC',
    '1. Quyền hạn, nhiệm vụ được giao',
    `- ${p.position ? `${p.position}, ` : ''}thực hiện nhiệm vụ chuyên môn tại ${p.org_name ?? 'đơn vị'}.`,
    `2. Thành tích đạt được năm ${year}`,
    '- (Nêu kết quả thực hiện nhiệm vụ, chỉ tiêu, các giải pháp, biện pháp đã áp dụng.)',
    '3. Kết quả xếp loại chất lượng',
    ...(ratings.length === 0
      ? ['- Chưa có dữ liệu xếp loại.']
      : ratings.map((r) => `- Năm ${r.year}: ${ratingName(r.rating)}.`)),
    '4. Sáng kiến, đề tài khoa học',
    ...(initiatives.length === 0
      ? ['- Chưa có.']
      : initiatives.map(
          (i) =>
            `- Năm ${i.year}: sáng kiến “${i.title}”, phạm vi ảnh hưởng ${INITIATIVE_SCOPE_NAMES[i.scope as InitiativeScope] ?? i.scope}${i.recognition_decision ? ` (công nhận tại ${i.recognition_decision})` : ''}, tỷ lệ đóng góp ${Number(i.share)}%.`,
        )),
    '',
    'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
    '1. Danh hiệu thi đua',
    ...awardLines(titles),
    '2. Hình thức khen thưởng',
    ...awardLines(forms),
  ];
  return lines.join('\n');
}

/** Report text for a collective proposed for `awardCode` in `year`. */
export async function orgAchievementReport(
  db: Queryable,
  orgId: string,
  awardCode: string,
  year: number,
): Promise<string> {
  const o = (
    await db.execute<{ name: string; parent_name: string | null; members: number }>(sql`
      select o.name, par.name as parent_name,
             (select count(*) from memberships m join organizations mo on mo.id = m.org_id
               where mo.path like o.path || '%' and m.to_date is null)::int as members
        from organizations o left join organizations par on par.id = o.parent_id where o.id = ${orgId}`)
  ).rows[0];
  if (!o) return '';
  const ratings = await ratingsOf(db, 'org_id', orgId, year);
  const awards = await awardsOf(db, 'org_id', orgId);
  return [
    `BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG ${awardName(awardCode).toUpperCase()} NĂM ${year}`,
    '',
    'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
    `- Tên tập thể: ${o.name}`,
    `- Trực thuộc: ${o.parent_name ?? '…'}`,
    `- Tổng số cán bộ, viên chức, người lao động: ${o.members}`,
    '- Chức năng, nhiệm vụ được giao: …',
    '',
    'II. THÀNH TÍCH ĐẠT ĐƯỢC',
    `1. Kết quả thực hiện nhiệm vụ năm ${year}`,
    '- (Nêu kết quả thực hiện các chỉ tiêu, nhiệm vụ; các phong trào thi đua đã triển khai.)',
    '2. Kết quả xếp loại chất lượng tập thể',
    ...(ratings.length === 0
      ? ['- Chưa có dữ liệu xếp loại.']
      : ratings.map((r) => `- Năm ${r.year}: ${ratingName(r.rating)}.`)),
    '',
    'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
    ...awardLines(awards),
  ].join('\n');
}

/** Turns report text into document blocks: "I." headings, "1." sub-headings, "- " bullets, paragraphs. */
export function reportBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) blocks.push({ kind: 'bullets', items: bullets });
    bullets = [];
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (i === 0 && /^BÁO CÁO THÀNH TÍCH/.test(line)) continue; // printed as the document title
    const roman = /^([IVX]+)\.\s+(.*)$/.exec(line);
    const num = /^(\d+)\.\s+(.*)$/.exec(line);
    if (roman) {
      flush();
      blocks.push({ kind: 'heading', level: 1, text: roman[2]! });
    } else if (num) {
      flush();
      blocks.push({ kind: 'heading', level: 2, text: num[2]! });
    } else if (line.startsWith('- ')) bullets.push(line.slice(2));
    else {
      flush();
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  flush();
  return blocks;
}

export function achievementReportDocument(input: {
  text: string;
  issuerName: string;
  parentName?: string | null;
  nomineeName: string;
  awardCode: string;
  year: number;
  date: string;
  collective: boolean;
}): OfficialDocument {
  return {
    templateVersion: 'achievement-report/1',
    issuer: {
      ...(input.parentName ? { parentName: input.parentName.toUpperCase() } : {}),
      name: input.issuerName.toUpperCase(),
    },
    documentNumber: '',
    place: DOCUMENT_PLACE,
    date: input.date,
    kindTitle: 'BÁO CÁO',
    subject: `Thành tích đề nghị tặng ${awardName(input.awardCode)} năm ${input.year}\n${input.collective ? 'của' : 'của ông (bà)'} ${input.nomineeName}`,
    preamble: [],
    body: reportBlocks(input.text),
    annexes: [],
    recipients: [],
    signature: input.collective
      ? { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '(Ký, ghi rõ họ tên và đóng dấu)' }
      : { title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', name: input.nomineeName },
    ...(input.collective
      ? {}
      : { secondSignature: { title: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN', name: '(Ký, đóng dấu)' } }),
  };
}
