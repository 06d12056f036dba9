/** Danh hiệu thi đua for collectives (law.md §1a). */
import { AWARD_NAMES } from '../codes';
import { cond } from '../conditions';
import {
  AUTH_GRASSROOTS,
  AUTH_PM,
  AUTH_PROVINCE_OR_MINISTRY,
  AUTHORITY_CITATION,
  art,
  DEFAULT_VOTE,
  LAW_IN_FORCE,
  NO_CAP_KNOWN,
  TITLE_BONUS_CITATION,
} from './common';
import type { Rule } from './types';

const UNITY = 'Nội bộ đoàn kết, gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước';

export const TTLDTT: Rule = {
  code: 'TTLDTT',
  name: AWARD_NAMES.TTLDTT,
  kind: 'title',
  level: 'grassroots',
  authority: { value: AUTH_GRASSROOTS, citation: AUTHORITY_CITATION },
  citation: art(28),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    collective: {
      citation: art(28),
      unconfirmed: true,
      note: 'Wording taken from the 2003 Law; the 2022 Law Điều 28 is believed similar (UNCONFIRMED).',
      conditions: cond.allOf({
        id: 'ttldtt',
        citation: art(28),
        conditions: [
          cond.ratingInYear({
            id: 'ttldtt.rating',
            atLeast: 'HTTNV',
            citation: art(28),
            description: 'Năm {year} tập thể hoàn thành tốt nhiệm vụ trở lên',
            unconfirmed: true,
          }),
          cond.memberShare({
            id: 'ttldtt.ldtt-share',
            measure: { award: 'LDTT' },
            atLeast: { num: 1, den: 2 },
            strict: true,
            citation: art(28),
            unconfirmed: true,
          }),
          cond.noMemberDisciplined({ id: 'ttldtt.no-warning', citation: art(28), unconfirmed: true }),
        ],
      }),
      judgementCriteria: [
        {
          id: 'ttldtt.emulation',
          description: 'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả',
          citation: art(28),
          unconfirmed: true,
        },
        { id: 'ttldtt.unity', description: UNITY, citation: art(28), unconfirmed: true },
      ],
      coefficient: { value: '0.8', citation: TITLE_BONUS_CITATION },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
  },
};

export const TTLDXS: Rule = {
  code: 'TTLDXS',
  name: AWARD_NAMES.TTLDXS,
  kind: 'title',
  level: 'province',
  authority: {
    value: AUTH_PROVINCE_OR_MINISTRY,
    citation: `${AUTHORITY_CITATION}; ví dụ Quyết định 1632/QĐ-UBND tỉnh Quảng Bình`,
  },
  citation: art(27),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    collective: {
      citation: art(27),
      conditions: cond.allOf({
        id: 'ttldxs',
        citation: art(27),
        conditions: [
          cond.ratingInYear({
            id: 'ttldxs.rating',
            atLeast: 'HTXSNV',
            citation: art(27),
            description: 'Năm {year} tập thể hoàn thành xuất sắc nhiệm vụ',
          }),
          cond.memberShare({
            id: 'ttldxs.all-htnv',
            measure: { rating: 'HTNV' },
            atLeast: { num: 1, den: 1 },
            citation: art(27),
          }),
          cond.memberShare({
            id: 'ttldxs.ldtt-share',
            measure: { award: 'LDTT' },
            atLeast: { num: 7, den: 10 },
            citation: art(27),
          }),
          cond.memberCount({
            id: 'ttldxs.cstdcs',
            measure: { award: 'CSTDCS' },
            atLeast: 1,
            citation: art(27),
          }),
        ],
      }),
      judgementCriteria: [
        {
          id: 'ttldxs.emulation',
          description: 'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả',
          citation: art(27),
        },
        { id: 'ttldxs.unity', description: UNITY, citation: art(27) },
      ],
      coefficient: { value: '1.5', citation: TITLE_BONUS_CITATION },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
  },
};

export const CO_THI_DUA_TINH: Rule = {
  code: 'CO_THI_DUA_TINH',
  name: AWARD_NAMES.CO_THI_DUA_TINH,
  kind: 'title',
  level: 'province',
  authority: { value: AUTH_PROVINCE_OR_MINISTRY, citation: AUTHORITY_CITATION },
  citation: art(26, 'Khoản 1, 2'),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    collective: {
      citation: art(26, 'Khoản 1, 2'),
      conditions: cond.allOf({
        id: 'co-tinh',
        citation: art(26, 'Khoản 1, 2'),
        conditions: [
          cond.leadsEmulationBlock({
            id: 'co-tinh.leads',
            levels: ['province'],
            citation: art(26, 'Khoản 1'),
            description: 'Năm {year} dẫn đầu khối, cụm thi đua do bộ, ngành, tỉnh tổ chức',
            unconfirmed: true,
            note: 'Exact 2022 wording of Điều 26 unverified.',
          }),
        ],
      }),
      judgementCriteria: [
        {
          id: 'co-tinh.movement',
          description:
            'Hoặc là tập thể tiêu biểu xuất sắc trong phong trào thi đua do bộ, ngành, tỉnh phát động khi sơ kết, tổng kết (khen thưởng theo đợt, chuyên đề)',
          citation: art(26, 'Khoản 2'),
          unconfirmed: true,
        },
        { id: 'co-tinh.unity', description: UNITY, citation: art(26), unconfirmed: true },
      ],
      coefficient: { value: '8.0', citation: TITLE_BONUS_CITATION },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
  },
};

export const CO_THI_DUA_CP: Rule = {
  code: 'CO_THI_DUA_CP',
  name: AWARD_NAMES.CO_THI_DUA_CP,
  kind: 'title',
  level: 'national',
  authority: { value: AUTH_PM, citation: AUTHORITY_CITATION },
  citation: art(25),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    collective: {
      citation: art(25),
      conditions: cond.allOf({
        id: 'co-cp',
        citation: art(25),
        conditions: [
          cond.leadsEmulationBlock({
            id: 'co-cp.leads',
            citation: art(25),
            description:
              'Năm {year} dẫn đầu khối, cụm thi đua của bộ, ngành, tỉnh hoặc khối, cụm thi đua Trung ương',
          }),
        ],
      }),
      judgementCriteria: [
        {
          id: 'co-cp.outstanding',
          description:
            'Tiêu biểu xuất sắc trong số các tập thể dẫn đầu khối, cụm thi đua: hoàn thành vượt mức các chỉ tiêu, nội bộ đoàn kết, tổ chức đảng, đoàn thể vững mạnh',
          citation: art(25),
        },
        {
          id: 'co-cp.movement',
          description:
            'Hoặc là tập thể tiêu biểu xuất sắc khi sơ kết, tổng kết phong trào thi đua do Thủ tướng Chính phủ phát động có thời gian từ 05 năm trở lên',
          citation: art(25),
        },
      ],
      coefficient: { value: '12.0', citation: TITLE_BONUS_CITATION },
      cap: {
        value: {
          enabled: false,
          ratio: { num: 20, den: 100 },
          base: 'eligible_collectives',
          rounding: 'floor',
          minimum: 0,
        },
        unconfirmed: true,
        citation:
          'Nghị định 91/2017/NĐ-CP (quy định cũ: không quá 20% tập thể đạt tiêu chuẩn Cờ thi đua cấp bộ, tỉnh)',
        note: 'Tỷ lệ hiện hành chưa xác minh; mặc định tắt.',
      },
      vote: DEFAULT_VOTE,
    },
  },
};
