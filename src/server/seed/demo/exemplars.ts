import { sql } from 'drizzle-orm';
import { AWARD_KIND, AWARD_NAMES, type AwardCode, isAwardCode } from '../../../domain/commendation/codes';
import { exemplars } from '../../db/schema';
import type { SeedStep } from '../seed';

/** Awards worth a story on the honour board (mass titles such as LĐTT are left out). */
const STORY_AWARDS: AwardCode[] = [
  'HCLD_3',
  'BANG_KHEN_TTG',
  'CSTD_TQ',
  'CO_THI_DUA_CP',
  'BANG_KHEN_BO',
  'BANG_KHEN_TINH',
  'CSTD_TINH',
  'CO_THI_DUA_TINH',
  'CSTDCS',
  'TTLDXS',
  'GIAY_KHEN',
];

const PERSON_TITLES = [
  'Tận tụy bên giường bệnh',
  'Người thầy thuốc của bản làng',
  'Đổi mới để người bệnh bớt chờ',
  'Thầm lặng nơi tuyến đầu chống dịch',
  'Sáng kiến từ những ca trực đêm',
  'Mang y tế về gần dân',
];
const PERSON_STORIES = [
  (name: string, unit: string, award: string) =>
    `${name} công tác tại ${unit}. Trong năm, ${name} luôn có mặt sớm nhất ở khoa, tận tình hướng dẫn người bệnh và người nhà, chủ động nhận những ca trực khó.\n\nVới tinh thần "lương y như từ mẫu", ${name} được đồng nghiệp tín nhiệm và được tặng ${award}.`,
  (name: string, unit: string, award: string) =>
    `Từ một sáng kiến nhỏ về sắp xếp lại quy trình tiếp đón, ${name} (${unit}) đã giúp rút ngắn thời gian chờ khám của người bệnh gần một nửa.\n\nSáng kiến được áp dụng rộng rãi trong đơn vị; ${name} vinh dự được tặng ${award}.`,
  (name: string, unit: string, award: string) =>
    `Nhiều năm gắn bó với ${unit}, ${name} không quản ngại đường xa, thường xuyên xuống thôn, bản để khám sàng lọc, tiêm chủng và tuyên truyền phòng bệnh cho bà con.\n\nNhững đóng góp bền bỉ ấy được ghi nhận bằng ${award}.`,
];
const COLLECTIVE_STORIES = [
  (name: string, award: string) =>
    `${name} là tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ chuyên môn, không để xảy ra sai sót chuyên môn, nhiều năm liền dẫn đầu phong trào thi đua.\n\nTập thể vinh dự được tặng ${award}.`,
  (name: string, award: string) =>
    `Với nhiều giải pháp cải cách hành chính và chuyển đổi số, ${name} đã nâng cao rõ rệt sự hài lòng của người bệnh.\n\nKết quả ấy được ghi nhận bằng ${award}.`,
];

/**
 * Exemplary stories (gương điển hình) for the demo awardees on the honour board: the notable
 * awards of the last years in the register (written by the history and decision steps), up to
 * 12 stories, most of them published. Deterministic (demo.random) and batch-inserted.
 */
export const seedExemplars: SeedStep = async (ctx, demo) => {
  const codes = sql.join(
    STORY_AWARDS.map((c) => sql`${c}`),
    sql`, `,
  );
  const res = await ctx.db.execute<{
    id: string;
    person_id: string | null;
    full_name: string | null;
    org_id: string | null;
    org_name: string | null;
    unit_id: string | null;
    unit_name: string | null;
    award_code: string;
    year: number;
  }>(sql`
    select a.id, a.person_id, p.full_name, a.org_id, so.name as org_name, u.id as unit_id, u.name as unit_name,
           a.award_code, a.year
      from awards a
      left join people p on p.id = a.person_id
      left join organizations so on so.id = a.org_id
      join organizations u on u.id = coalesce(a.org_id, a.unit_org_id, p.current_org_id)
     where a.revoked_at is null and a.award_code in (${codes})
     order by a.year desc, array_position(array[${sql.raw(STORY_AWARDS.map((c) => `'${c}'`).join(','))}]::text[], a.award_code),
              a.decided_on desc nulls last, a.id
     limit 200`);
  // one story per subject, the most notable award first, at most 12
  const seen = new Set<string>();
  const chosen = res.rows.filter((r) => {
    const key = r.person_id ?? r.org_id ?? r.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const picked = chosen.slice(0, 12);
  if (picked.length === 0) return;
  const now = ctx.now();
  const rows = picked.map((r, i) => {
    const code = isAwardCode(r.award_code) ? r.award_code : null;
    const award = code ? AWARD_NAMES[code] : r.award_code;
    // titles are quoted after "danh hiệu"; forms (Bằng khen, Giấy khen, Huân chương) by name
    const awardPhrase =
      code && AWARD_KIND[code] === 'title' ? `danh hiệu “${award}” năm ${r.year}` : `${award} năm ${r.year}`;
    const published = i < 10;
    if (r.person_id) {
      return {
        orgId: r.unit_id!,
        personId: r.person_id,
        awardId: r.id,
        year: r.year,
        title: demo.random.pick(PERSON_TITLES),
        story: demo.random.pick(PERSON_STORIES)(r.full_name ?? '', r.unit_name ?? '', awardPhrase),
        published,
        publishedAt: published ? now : null,
        createdBy: demo.accounts.get('tdkt')?.id ?? null,
      };
    }
    return {
      orgId: r.org_id!,
      subjectOrgId: r.org_id,
      awardId: r.id,
      year: r.year,
      title: `${r.org_name}: tập thể tiêu biểu`,
      story: demo.random.pick(COLLECTIVE_STORIES)(r.org_name ?? '', awardPhrase),
      published,
      publishedAt: published ? now : null,
      createdBy: demo.accounts.get('tdkt')?.id ?? null,
    };
  });
  await ctx.db.insert(exemplars).values(rows);
};
