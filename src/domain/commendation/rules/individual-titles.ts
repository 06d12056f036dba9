/** Danh hiệu thi đua for individuals (law.md §1a). */
import { AWARD_NAMES } from '../codes';
import { cond } from '../conditions';
import {
  AUTH_GRASSROOTS,
  AUTH_PM,
  AUTH_PROVINCE_OR_MINISTRY,
  AUTHORITY_CITATION,
  art,
  CSTD_VOTE,
  DEFAULT_VOTE,
  LAW_IN_FORCE,
  NO_CAP_KNOWN,
  noDiscipline,
  ONE_USE_CITATION,
  TITLE_BONUS_CITATION,
} from './common';
import type { Rule } from './types';

export const LDTT: Rule = {
  code: 'LDTT',
  name: AWARD_NAMES.LDTT,
  kind: 'title',
  level: 'grassroots',
  authority: { value: AUTH_GRASSROOTS, citation: AUTHORITY_CITATION },
  citation: art(24, 'Khoản 1'),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: art(24, 'Khoản 1'),
      conditions: cond.allOf({
        id: 'ldtt',
        citation: art(24, 'Khoản 1'),
        conditions: [
          cond.ratingInYear({ id: 'ldtt.rating', atLeast: 'HTTNV', citation: art(24, 'Khoản 1') }),
          noDiscipline('ldtt.no-discipline'),
        ],
      }),
      judgementCriteria: [
        {
          id: 'ldtt.spirit',
          description:
            'Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong trào thi đua',
          citation: art(24, 'Khoản 1'),
        },
        {
          id: 'ldtt.new-recruit',
          description: 'Người mới tuyển dụng dưới 06 tháng tính đến cuối năm không xét danh hiệu',
          citation: 'Thông tư 01/2024/TT-BNV, Thông tư 15/2025/TT-BNV (cần xác minh)',
          unconfirmed: true,
        },
      ],
      coefficient: { value: '0.3', citation: TITLE_BONUS_CITATION },
      cap: {
        value: { enabled: false, ratio: { num: 1, den: 1 }, base: 'members', rounding: 'floor', minimum: 0 },
        note: 'Luật không quy định tỷ lệ; đơn vị có thể tự quy định tỷ lệ LĐTT (bật và đặt tỷ lệ trong phiên bản quy định của đơn vị).',
      },
      vote: DEFAULT_VOTE,
    },
  },
};

export const CSTDCS: Rule = {
  code: 'CSTDCS',
  name: AWARD_NAMES.CSTDCS,
  kind: 'title',
  level: 'grassroots',
  authority: { value: AUTH_GRASSROOTS, citation: AUTHORITY_CITATION },
  citation: art(23),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: art(23),
      conditions: cond.allOf({
        id: 'cstdcs',
        citation: art(23),
        conditions: [
          cond.qualifiesFor({ id: 'cstdcs.ldtt', code: 'LDTT', citation: art(23) }),
          cond.anyOf({
            id: 'cstdcs.merit',
            citation: art(23),
            description:
              'Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận, hoặc có đề tài, đề án khoa học được nghiệm thu',
            conditions: [
              cond.ratingInYear({ id: 'cstdcs.htxsnv', atLeast: 'HTXSNV', citation: art(23) }),
              cond.initiatives({
                id: 'cstdcs.initiative',
                minScope: 'unit',
                count: 1,
                windowYears: 1,
                citation: `${art(23)}; ${ONE_USE_CITATION}`,
                description:
                  'Có {count} sáng kiến được cơ sở công nhận năm {year}, chưa dùng để xét khen thưởng khác',
              }),
              cond.researchProjects({
                id: 'cstdcs.research',
                minScope: 'unit',
                count: 1,
                windowYears: 1,
                citation: art(23),
                description:
                  'Có {count} đề tài, đề án, công trình khoa học và công nghệ được nghiệm thu năm {year}',
              }),
            ],
          }),
          noDiscipline('cstdcs.no-discipline'),
        ],
      }),
      judgementCriteria: [],
      coefficient: { value: '1.0', citation: TITLE_BONUS_CITATION },
      cap: {
        value: {
          enabled: false,
          ratio: { num: 15, den: 100 },
          base: 'ldtt_holders',
          rounding: 'floor',
          minimum: 0,
        },
        unconfirmed: true,
        citation: 'Nghị định 91/2017/NĐ-CP (quy định cũ: không quá 15% số cá nhân đạt LĐTT)',
        note: 'Chưa xác minh tỷ lệ này còn áp dụng theo NĐ 98/NĐ 152; mặc định tắt.',
      },
      vote: DEFAULT_VOTE,
      note: 'Dự thảo Luật sửa đổi 2025 yêu cầu đồng thời HTXSNV và sáng kiến: khi có hiệu lực, tạo phiên bản quy định mới.',
    },
  },
};

export const CSTD_TINH: Rule = {
  code: 'CSTD_TINH',
  name: AWARD_NAMES.CSTD_TINH,
  kind: 'title',
  level: 'province',
  authority: { value: AUTH_PROVINCE_OR_MINISTRY, citation: AUTHORITY_CITATION },
  citation: art(22),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: art(22),
      conditions: cond.allOf({
        id: 'cstd-tinh',
        citation: art(22),
        conditions: [
          cond.awardRun({
            id: 'cstd-tinh.cstdcs-run',
            codes: ['CSTDCS'],
            count: 3,
            after: { codes: ['CSTD_TINH'], required: false },
            citation: art(22, 'Khoản 1'),
            description: 'Có {count} lần liên tục đạt {award} đến năm {year}',
            note: 'Years already counted for an earlier CSTĐ cấp tỉnh are not counted again (Điều 5: one achievement, one reward).',
          }),
          cond.anyOf({
            id: 'cstd-tinh.evidence',
            citation: art(22, 'Khoản 1'),
            description:
              'Có sáng kiến hoặc đề tài, đề án khoa học được áp dụng hiệu quả, có phạm vi ảnh hưởng cấp tỉnh (do người đứng đầu bộ, tỉnh công nhận)',
            conditions: [
              cond.initiatives({
                id: 'cstd-tinh.initiative',
                minScope: 'province',
                count: 1,
                windowYears: 3,
                citation: `${art(22, 'Khoản 1')}; ${ONE_USE_CITATION}`,
                unconfirmed: true,
                note: 'Window (the 3 CSTĐCS years) and whether an initiative used for CSTĐCS may be reused once recognised province-wide are unverified; set reusableFrom: ["CSTDCS"] to allow reuse.',
              }),
              cond.researchProjects({
                id: 'cstd-tinh.research',
                minScope: 'province',
                count: 1,
                windowYears: 3,
                citation: art(22, 'Khoản 1'),
                unconfirmed: true,
                note: 'Window unverified.',
              }),
            ],
          }),
          noDiscipline('cstd-tinh.no-discipline'),
        ],
      }),
      judgementCriteria: [
        {
          id: 'cstd-tinh.exemplary',
          description:
            'Có thành tích tiêu biểu xuất sắc trong số những cá nhân có 03 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở”',
          citation: art(22, 'Khoản 1'),
        },
      ],
      coefficient: { value: '3.0', citation: TITLE_BONUS_CITATION },
      cap: NO_CAP_KNOWN,
      vote: CSTD_VOTE,
    },
  },
};

export const CSTD_TQ: Rule = {
  code: 'CSTD_TQ',
  name: AWARD_NAMES.CSTD_TQ,
  kind: 'title',
  level: 'national',
  authority: { value: AUTH_PM, citation: AUTHORITY_CITATION },
  citation: art(21),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: art(21),
      conditions: cond.allOf({
        id: 'cstd-tq',
        citation: art(21),
        conditions: [
          cond.awardRun({
            id: 'cstd-tq.cstd-tinh-run',
            codes: ['CSTD_TINH'],
            count: 2,
            stride: 3,
            after: { codes: ['CSTD_TQ'], required: false },
            citation: art(21),
            description:
              'Có {count} lần liên tục đạt {award}, lần cuối vào năm {year} (đề nghị ngay sau năm đạt lần cuối)',
            unconfirmed: true,
            note: 'Two consecutive CSTĐ cấp tỉnh are taken as two consecutive 3-year cycles (stride 3); the reading of "liên tục" is unverified.',
          }),
          cond.anyOf({
            id: 'cstd-tq.evidence',
            citation: art(21),
            description:
              'Có sáng kiến được áp dụng hiệu quả, có khả năng nhân rộng toàn quốc, hoặc đề tài, đề án, công trình có phạm vi ảnh hưởng toàn quốc',
            conditions: [
              cond.initiatives({
                id: 'cstd-tq.initiative',
                minScope: 'national',
                count: 1,
                windowYears: 6,
                citation: `${art(21)}; ${ONE_USE_CITATION}`,
                unconfirmed: true,
                note: 'Window (the two CSTĐ cấp tỉnh cycles) unverified.',
              }),
              cond.researchProjects({
                id: 'cstd-tq.research',
                minScope: 'national',
                count: 1,
                windowYears: 6,
                citation: art(21),
                unconfirmed: true,
                note: 'Window unverified.',
              }),
            ],
          }),
          noDiscipline('cstd-tq.no-discipline'),
        ],
      }),
      judgementCriteria: [
        {
          id: 'cstd-tq.exemplary',
          description:
            'Có thành tích tiêu biểu xuất sắc trong số những cá nhân có 02 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cấp tỉnh”',
          citation: art(21),
        },
      ],
      coefficient: { value: '4.5', citation: TITLE_BONUS_CITATION },
      cap: NO_CAP_KNOWN,
      vote: CSTD_VOTE,
    },
  },
};
