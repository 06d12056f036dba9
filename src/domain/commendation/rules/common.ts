/** Citations and defaults shared by the rule files. */
import { cond, type NoDiscipline } from '../conditions';
import type { Param, VoteRule } from './types';

export const LAW = 'Luật Thi đua, khen thưởng 2022';
export const art = (article: number, extra = '') => `${extra ? `${extra} ` : ''}Điều ${article} ${LAW}`;

export const LAW_IN_FORCE = '2024-01-01';

/*
 * Bonus citations. The rule files describe the first version (Luật 2022 + NĐ 98/2023, in force
 * 01/01/2024); catalog.ts derives the NĐ 152/2025 version (from 01/07/2025) by re-citing them.
 */
export const TITLE_BONUS_CITATION = 'Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)';
export const BK_BONUS_CITATION = 'Nghị định 98/2023/NĐ-CP (mức tiền thưởng Bằng khen)';
export const ORDER_BONUS_CITATION = 'Điều 55 Nghị định 98/2023/NĐ-CP';
export const TITLE_BONUS_CITATION_152 =
  'Nghị định 152/2025/NĐ-CP (mức tiền thưởng danh hiệu thi đua; cùng mức với Nghị định 98/2023/NĐ-CP)';
export const BK_BONUS_CITATION_152 = 'Khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP';
export const ORDER_BONUS_CITATION_152 = 'Điều 51 Nghị định 152/2025/NĐ-CP';

export const PRINCIPLES_CITATION =
  'Nguyên tắc khen thưởng: Điều 4 Nghị định 98/2023/NĐ-CP, nội dung tương ứng tại Nghị định 152/2025/NĐ-CP (số điều cần xác minh)';
export const ONE_USE_CITATION =
  'Điều 5 Luật Thi đua, khen thưởng 2022; Công văn 5007/BNV-TĐKT ngày 05/09/2023; Công văn 3385/BTĐKT-P.II ngày 20/11/2023';

export const AUTH_GRASSROOTS =
  'Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân; Giám đốc Sở; Chủ tịch Ủy ban nhân dân cấp xã';
export const AUTH_PROVINCE_OR_MINISTRY =
  'Bộ trưởng, Thủ trưởng cơ quan ngang bộ; Chủ tịch Ủy ban nhân dân tỉnh';
export const AUTH_PM = 'Thủ tướng Chính phủ';
export const AUTH_PRESIDENT = 'Chủ tịch nước (theo đề nghị của Thủ tướng Chính phủ)';
export const AUTHORITY_CITATION = art(80);

/**
 * "Không xét khen thưởng khi đang bị kỷ luật" — a condition for every individual standard. The
 * principle is confirmed (law.md §0, ✔); only the article number in NĐ 98/NĐ 152 is to verify,
 * so the node is not flagged unconfirmed.
 */
export function noDiscipline(id: string): NoDiscipline {
  return cond.noDiscipline({
    id,
    citation: PRINCIPLES_CITATION,
    note: 'Article numbers in NĐ 98/NĐ 152 to verify.',
  });
}

/** Default council vote when the current decree's threshold is unknown (UNCONFIRMED). */
export const DEFAULT_VOTE: Param<VoteRule> = {
  value: { ratio: { num: 1, den: 2 }, strict: true, denominator: 'present_members', secretBallot: true },
  unconfirmed: true,
  note: 'Mặc định: quá bán số thành viên có mặt, bỏ phiếu kín; ngưỡng theo NĐ 98/NĐ 152 và quy chế Hội đồng chưa xác minh.',
};

/** Old NĐ 91/2017 Điều 45 khoản 8: secret ballot, ≥ 90 % of all council members (absentees vote in writing). */
export const CSTD_VOTE: Param<VoteRule> = {
  value: { ratio: { num: 9, den: 10 }, strict: false, denominator: 'all_members', secretBallot: true },
  unconfirmed: true,
  citation: 'Khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP (quy định cũ)',
  note: 'Ngưỡng hiện hành theo NĐ 98/NĐ 152 chưa xác minh.',
};

export const NO_CAP_KNOWN = {
  value: null,
  unconfirmed: true,
  note: 'Chưa xác minh có tỷ lệ khống chế theo quy định hiện hành.',
} as const;
