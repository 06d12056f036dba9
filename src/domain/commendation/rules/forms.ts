/** Hình thức khen thưởng relevant to a provincial health unit (law.md §1b). */
import { AWARD_NAMES, type AwardCode } from '../codes';
import { cond } from '../conditions';
import {
  AUTH_GRASSROOTS,
  AUTH_PM,
  AUTH_PRESIDENT,
  AUTHORITY_CITATION,
  art,
  BK_BONUS_CITATION,
  DEFAULT_VOTE,
  LAW_IN_FORCE,
  NO_CAP_KNOWN,
  noDiscipline,
  ONE_USE_CITATION,
  ORDER_BONUS_CITATION,
} from './common';
import type { Rule, SubjectRule } from './types';

const OLD_LAW = 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) – tham khảo, chưa xác minh theo Luật 2022';

export const GIAY_KHEN: Rule = {
  code: 'GIAY_KHEN',
  name: AWARD_NAMES.GIAY_KHEN,
  kind: 'form',
  level: 'grassroots',
  authority: {
    value: AUTH_GRASSROOTS,
    citation: AUTHORITY_CITATION,
    unconfirmed: true,
    note: 'Thẩm quyền tặng Giấy khen của giám đốc bệnh viện, trung tâm (đơn vị sự nghiệp thuộc Sở) sau phân cấp năm 2025 chưa xác minh.',
  },
  citation: art(75),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: `${art(75, 'Khoản 2')}; quy định thi đua, khen thưởng của tỉnh`,
      unconfirmed: true,
      note: 'Tiêu chuẩn do bộ, ngành, tỉnh quy định chi tiết (khoản 2 Điều 75): mặc định cần điều chỉnh theo quy chế của tỉnh.',
      conditions: cond.allOf({
        id: 'gk-cn',
        citation: art(75, 'Khoản 2'),
        conditions: [
          cond.ratingInYear({
            id: 'gk-cn.rating',
            atLeast: 'HTTNV',
            citation: art(75, 'Khoản 2'),
            unconfirmed: true,
          }),
          noDiscipline('gk-cn.no-discipline'),
        ],
      }),
      judgementCriteria: [
        {
          id: 'gk-cn.achievement',
          description:
            'Có thành tích trong phong trào thi đua hoặc thành tích đột xuất theo tiêu chuẩn của tỉnh',
          citation: art(75),
        },
      ],
      coefficient: {
        value: '0.3',
        unconfirmed: true,
        citation: 'Nghị định 91/2017/NĐ-CP (quy định cũ)',
        note: 'Hệ số theo NĐ 152/2025 chưa xác minh.',
      },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
    collective: {
      citation: `${art(75, 'Khoản 2')}; quy định thi đua, khen thưởng của tỉnh`,
      unconfirmed: true,
      conditions: cond.allOf({
        id: 'gk-tt',
        citation: art(75, 'Khoản 2'),
        conditions: [
          cond.ratingInYear({
            id: 'gk-tt.rating',
            atLeast: 'HTTNV',
            citation: art(75, 'Khoản 2'),
            description: 'Năm {year} tập thể hoàn thành tốt nhiệm vụ trở lên',
            unconfirmed: true,
          }),
        ],
      }),
      judgementCriteria: [
        {
          id: 'gk-tt.achievement',
          description:
            'Có thành tích trong phong trào thi đua hoặc thành tích đột xuất theo tiêu chuẩn của tỉnh',
          citation: art(75),
        },
      ],
      coefficient: {
        value: '0.6',
        unconfirmed: true,
        citation: 'Nghị định 91/2017/NĐ-CP (quy định cũ: gấp 2 lần cá nhân)',
      },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
  },
};

/** BK bộ/tỉnh, individual, điểm d khoản 1 Điều 74 (same standard for BK tỉnh and BK Bộ trưởng). */
function bkIndividual(prefix: string): SubjectRule {
  const c = art(74, 'Điểm d khoản 1');
  const bkCodes: AwardCode[] = ['BANG_KHEN_TINH', 'BANG_KHEN_BO'];
  return {
    citation: art(74, 'Khoản 1'),
    conditions: cond.allOf({
      id: prefix,
      citation: c,
      description: 'Tiêu chuẩn khen thưởng công trạng hằng năm (điểm d khoản 1 Điều 74)',
      conditions: [
        cond.anyOf({
          id: `${prefix}.run`,
          citation: c,
          description:
            'Có 02 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” hoặc 02 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ',
          conditions: [
            cond.awardRun({
              id: `${prefix}.run.cstdcs`,
              codes: ['CSTDCS'],
              count: 2,
              after: { codes: bkCodes, required: false },
              citation: c,
            }),
            cond.ratingRun({
              id: `${prefix}.run.htxsnv`,
              atLeast: 'HTXSNV',
              years: 2,
              after: { codes: bkCodes, required: false },
              citation: c,
            }),
          ],
        }),
        cond.anyOf({
          id: `${prefix}.evidence`,
          citation: `${c}; ${ONE_USE_CITATION}`,
          description:
            'Trong thời gian đó có 02 sáng kiến (hoặc 02 đề tài) được công nhận, áp dụng hiệu quả ở cơ sở, ngoài các sáng kiến đã dùng để xét danh hiệu “Chiến sĩ thi đua cơ sở”',
          conditions: [
            cond.initiatives({
              id: `${prefix}.evidence.initiatives`,
              minScope: 'unit',
              count: 2,
              windowYears: 2,
              citation: `${c}; ${ONE_USE_CITATION}`,
            }),
            cond.researchProjects({
              id: `${prefix}.evidence.research`,
              minScope: 'unit',
              count: 2,
              windowYears: 2,
              citation: c,
            }),
          ],
        }),
        noDiscipline(`${prefix}.no-discipline`),
      ],
    }),
    judgementCriteria: [
      {
        id: `${prefix}.other-grounds`,
        description:
          'Ngoài điểm d, có thể xét theo điểm a, b, c khoản 1 Điều 74 (thành tích trong phong trào thi đua, thành tích đột xuất, đóng góp cho phát triển kinh tế - xã hội) — khen thưởng theo đợt, chuyên đề hoặc đột xuất, không dùng làm căn cứ khen thưởng công trạng hằng năm',
        citation: art(74, 'Khoản 1'),
      },
    ],
    coefficient: {
      value: '1.5',
      citation: BK_BONUS_CITATION,
      unconfirmed: true,
      note: 'Hệ số 1,5 xác nhận theo khoản 1 Điều 54 NĐ 152/2025; theo NĐ 98/2023 chưa xác minh.',
    },
    cap: NO_CAP_KNOWN,
    vote: DEFAULT_VOTE,
  };
}

function bkCollective(prefix: string): SubjectRule {
  return {
    citation: art(74, 'Khoản 2'),
    unconfirmed: true,
    note: 'Tiêu chuẩn tập thể (khoản 2 Điều 74) chưa xác minh; mặc định: 02 năm liên tục hoàn thành xuất sắc nhiệm vụ.',
    conditions: cond.allOf({
      id: prefix,
      citation: art(74, 'Khoản 2'),
      conditions: [
        cond.ratingRun({
          id: `${prefix}.htxsnv`,
          atLeast: 'HTXSNV',
          years: 2,
          citation: art(74, 'Khoản 2'),
          unconfirmed: true,
        }),
      ],
    }),
    judgementCriteria: [
      {
        id: `${prefix}.unity`,
        description: 'Nội bộ đoàn kết, thực hiện tốt quy chế dân chủ ở cơ sở',
        citation: art(74, 'Khoản 2'),
        unconfirmed: true,
      },
    ],
    coefficient: {
      value: '3.0',
      unconfirmed: true,
      citation: 'Nghị định 91/2017/NĐ-CP (quy định cũ: gấp 2 lần cá nhân)',
    },
    cap: NO_CAP_KNOWN,
    vote: DEFAULT_VOTE,
  };
}

export const BANG_KHEN_TINH: Rule = {
  code: 'BANG_KHEN_TINH',
  name: AWARD_NAMES.BANG_KHEN_TINH,
  kind: 'form',
  level: 'province',
  authority: { value: 'Chủ tịch Ủy ban nhân dân tỉnh', citation: AUTHORITY_CITATION },
  citation: art(74),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: { individual: bkIndividual('bk-tinh'), collective: bkCollective('bk-tinh-tt') },
};

export const BANG_KHEN_BO: Rule = {
  code: 'BANG_KHEN_BO',
  name: AWARD_NAMES.BANG_KHEN_BO,
  kind: 'form',
  level: 'ministry',
  authority: {
    value: 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ (ví dụ Bộ trưởng Bộ Y tế)',
    citation: AUTHORITY_CITATION,
  },
  citation: art(74),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: { individual: bkIndividual('bk-bo'), collective: bkCollective('bk-bo-tt') },
};

export const BANG_KHEN_TTG: Rule = {
  code: 'BANG_KHEN_TTG',
  name: AWARD_NAMES.BANG_KHEN_TTG,
  kind: 'form',
  level: 'national',
  authority: { value: AUTH_PM, citation: AUTHORITY_CITATION },
  citation: art(73),
  validFrom: LAW_IN_FORCE,
  validTo: null,
  version: 1,
  subjects: {
    individual: {
      citation: art(73, 'Khoản 1'),
      conditions: cond.allOf({
        id: 'bk-ttg',
        citation: art(73, 'Điểm b khoản 1'),
        description: 'Tiêu chuẩn khen thưởng công trạng (điểm b khoản 1 Điều 73)',
        conditions: [
          cond.ratingRun({
            id: 'bk-ttg.run',
            atLeast: 'HTTNV',
            years: 5,
            after: { codes: ['BANG_KHEN_TINH', 'BANG_KHEN_BO'], required: true },
            within: { awards: [{ codes: ['CSTDCS'], count: 3 }] },
            citation: art(73, 'Điểm b khoản 1'),
            description:
              'Đã được tặng Bằng khen cấp bộ hoặc cấp tỉnh, sau đó có từ {years} năm liên tục trở lên đến năm {year} xếp loại {rating}, {within}',
          }),
          noDiscipline('bk-ttg.no-discipline'),
        ],
      }),
      judgementCriteria: [
        {
          id: 'bk-ttg.other-grounds',
          description:
            'Ngoài điểm b, có thể xét theo điểm a, c khoản 1 Điều 73 (thành tích xuất sắc tiêu biểu trong phong trào thi đua; nhiều thành tích, thành tích đột xuất có phạm vi ảnh hưởng trong bộ, tỉnh)',
          citation: art(73, 'Khoản 1'),
        },
      ],
      coefficient: {
        value: '3.5',
        citation: BK_BONUS_CITATION,
        unconfirmed: true,
        note: 'Hệ số 3,5 xác nhận theo khoản 1 Điều 54 NĐ 152/2025; theo NĐ 98/2023 chưa xác minh.',
      },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
    collective: {
      citation: art(73, 'Khoản 2'),
      unconfirmed: true,
      note: 'Tiêu chuẩn tập thể (khoản 2 Điều 73) chưa xác minh; mặc định theo quy định cũ.',
      conditions: cond.allOf({
        id: 'bk-ttg-tt',
        citation: art(73, 'Khoản 2'),
        conditions: [
          cond.anyOf({
            id: 'bk-ttg-tt.run',
            citation: OLD_LAW,
            unconfirmed: true,
            description:
              'Có 05 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 01 lần được tặng Cờ thi đua cấp bộ, tỉnh hoặc 02 lần được tặng Bằng khen cấp bộ, tỉnh',
            conditions: [
              cond.ratingRun({
                id: 'bk-ttg-tt.run.flag',
                atLeast: 'HTXSNV',
                years: 5,
                within: { awards: [{ codes: ['CO_THI_DUA_TINH'], count: 1 }] },
                citation: OLD_LAW,
                unconfirmed: true,
              }),
              cond.ratingRun({
                id: 'bk-ttg-tt.run.bk',
                atLeast: 'HTXSNV',
                years: 5,
                within: { awards: [{ codes: ['BANG_KHEN_TINH', 'BANG_KHEN_BO'], count: 2 }] },
                citation: OLD_LAW,
                unconfirmed: true,
              }),
            ],
          }),
        ],
      }),
      judgementCriteria: [],
      coefficient: {
        value: '7.0',
        unconfirmed: true,
        citation: 'Nghị định 91/2017/NĐ-CP (quy định cũ: gấp 2 lần cá nhân)',
      },
      cap: NO_CAP_KNOWN,
      vote: DEFAULT_VOTE,
    },
  },
};

interface OrderSpec {
  code: 'HCLD_3' | 'HCLD_2' | 'HCLD_1';
  article: number;
  point: string;
  prerequisite: AwardCode;
  htxsnv: number;
  titles: { codes: AwardCode[]; count: number };
  individualUnconfirmed: boolean;
  individualNote?: string;
  coefficient: [string, string];
  collective: SubjectRule['conditions'];
}

function order(spec: OrderSpec): Rule {
  const c = art(spec.article, spec.point);
  return {
    code: spec.code,
    name: AWARD_NAMES[spec.code],
    kind: 'form',
    level: 'state',
    authority: { value: AUTH_PRESIDENT, citation: AUTHORITY_CITATION },
    citation: art(spec.article),
    validFrom: LAW_IN_FORCE,
    validTo: null,
    version: 1,
    subjects: {
      individual: {
        citation: c,
        unconfirmed: spec.individualUnconfirmed || undefined,
        note: spec.individualNote,
        conditions: cond.allOf({
          id: spec.code.toLowerCase(),
          citation: c,
          description: 'Tiêu chuẩn khen thưởng công trạng',
          conditions: [
            cond.ratingRun({
              id: `${spec.code.toLowerCase()}.run`,
              atLeast: 'HTTNV',
              years: 5,
              after: { codes: [spec.prerequisite], required: true },
              within: {
                ratings: [{ atLeast: 'HTXSNV', count: spec.htxsnv }],
                awards: [spec.titles],
              },
              citation: c,
              unconfirmed: spec.individualUnconfirmed || undefined,
              description:
                'Đã được tặng {after}, sau đó có từ {years} năm liên tục trở lên đến năm {year} xếp loại {rating}, {within}',
            }),
            noDiscipline(`${spec.code.toLowerCase()}.no-discipline`),
          ],
        }),
        judgementCriteria: [
          {
            id: `${spec.code.toLowerCase()}.other-grounds`,
            description:
              'Ngoài tiêu chuẩn công trạng, có thể xét theo thành tích đột xuất, phát minh, sáng chế có phạm vi ảnh hưởng cấp bộ, tỉnh hoặc quá trình cống hiến (bảng thời gian giữ chức vụ theo Điều 21 Nghị định 152/2025/NĐ-CP)',
            citation: `${art(spec.article)}; Điều 21 Nghị định 152/2025/NĐ-CP`,
          },
        ],
        coefficient: { value: spec.coefficient[0], citation: ORDER_BONUS_CITATION },
        cap: NO_CAP_KNOWN,
        vote: DEFAULT_VOTE,
      },
      collective: {
        citation: art(spec.article),
        unconfirmed: true,
        note: 'Tiêu chuẩn tập thể theo Luật 2022 chưa xác minh; mặc định tham khảo quy định cũ.',
        conditions: spec.collective,
        judgementCriteria: [
          {
            id: `${spec.code.toLowerCase()}-tt.unity`,
            description: 'Nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh',
            citation: OLD_LAW,
            unconfirmed: true,
          },
        ],
        coefficient: {
          value: spec.coefficient[1],
          citation: `${ORDER_BONUS_CITATION} (tập thể gấp 2 lần cá nhân)`,
        },
        cap: NO_CAP_KNOWN,
        vote: DEFAULT_VOTE,
      },
    },
  };
}

export const HCLD_3 = order({
  code: 'HCLD_3',
  article: 44,
  point: 'Điểm e khoản 1',
  prerequisite: 'BANG_KHEN_TTG',
  htxsnv: 1,
  titles: { codes: ['CSTDCS'], count: 3 },
  individualUnconfirmed: false,
  coefficient: ['4.5', '9.0'],
  collective: cond.allOf({
    id: 'hcld_3-tt',
    citation: OLD_LAW,
    unconfirmed: true,
    conditions: [
      cond.ratingRun({
        id: 'hcld_3-tt.run',
        atLeast: 'HTXSNV',
        years: 5,
        within: { awards: [{ codes: ['CO_THI_DUA_CP', 'CO_THI_DUA_TINH', 'BANG_KHEN_TTG'], count: 1 }] },
        citation: OLD_LAW,
        unconfirmed: true,
        description: 'Có {years} năm liên tục hoàn thành xuất sắc nhiệm vụ đến năm {year}, {within}',
      }),
    ],
  }),
});

export const HCLD_2 = order({
  code: 'HCLD_2',
  article: 43,
  point: 'Khoản 1',
  prerequisite: 'HCLD_3',
  htxsnv: 2,
  titles: { codes: ['CSTD_TINH'], count: 1 },
  individualUnconfirmed: true,
  individualNote: 'Wording from a secondary source (law.md: verify Điều 43).',
  coefficient: ['7.5', '15.0'],
  collective: cond.allOf({
    id: 'hcld_2-tt',
    citation: OLD_LAW,
    unconfirmed: true,
    conditions: [
      cond.anyOf({
        id: 'hcld_2-tt.run',
        citation: OLD_LAW,
        unconfirmed: true,
        description:
          'Đã được tặng Huân chương Lao động hạng Ba, sau đó có 05 năm liên tục đạt danh hiệu “Tập thể lao động xuất sắc”, trong thời gian đó có 02 lần được tặng Cờ thi đua cấp bộ, tỉnh hoặc 01 lần Cờ thi đua của Chính phủ',
        conditions: [
          cond.awardRun({
            id: 'hcld_2-tt.run.flags',
            codes: ['TTLDXS'],
            count: 5,
            after: { codes: ['HCLD_3'], required: true },
            within: { awards: [{ codes: ['CO_THI_DUA_TINH'], count: 2 }] },
            citation: OLD_LAW,
            unconfirmed: true,
          }),
          cond.awardRun({
            id: 'hcld_2-tt.run.cp',
            codes: ['TTLDXS'],
            count: 5,
            after: { codes: ['HCLD_3'], required: true },
            within: { awards: [{ codes: ['CO_THI_DUA_CP'], count: 1 }] },
            citation: OLD_LAW,
            unconfirmed: true,
          }),
        ],
      }),
    ],
  }),
});

export const HCLD_1 = order({
  code: 'HCLD_1',
  article: 42,
  point: 'Khoản 1',
  prerequisite: 'HCLD_2',
  htxsnv: 3,
  titles: { codes: ['CSTD_TINH'], count: 2 },
  individualUnconfirmed: true,
  individualNote:
    'Standard of Điều 42 UNCONFIRMED: placeholder modelled on hạng Nhì (HCLĐ hạng Nhì + 5 years, 3 HTXSNV, 2 CSTĐ cấp tỉnh).',
  coefficient: ['9.0', '18.0'],
  collective: cond.allOf({
    id: 'hcld_1-tt',
    citation: OLD_LAW,
    unconfirmed: true,
    conditions: [
      cond.awardRun({
        id: 'hcld_1-tt.run',
        codes: ['TTLDXS'],
        count: 5,
        after: { codes: ['HCLD_2'], required: true },
        within: { awards: [{ codes: ['CO_THI_DUA_CP'], count: 1 }] },
        citation: OLD_LAW,
        unconfirmed: true,
      }),
    ],
  }),
});
