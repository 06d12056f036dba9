import { describe, expect, it } from 'vitest';
import type { AwardCode } from './codes';
import {
  type Condition,
  cond,
  describeRatio,
  evaluateCondition,
  formatPercent,
  renderDescription,
  validateCondition,
  withinPhrase,
} from './conditions';
import { indexHistory, type NomineeHistory } from './history';
import { awards, collective, initiative, leads, members, person, ratings, research } from './test-fixtures';

const C = 'test';

function evalAt(
  node: Condition,
  h: NomineeHistory,
  year: number,
  opts: { reserved?: string[]; rules?: Partial<Record<AwardCode, Condition>>; target?: AwardCode } = {},
) {
  return evaluateCondition(
    node,
    {
      idx: indexHistory(h),
      year,
      asOf: `${year}-12-31`,
      disciplineCut: true,
      target: { code: opts.target ?? 'GIAY_KHEN', year },
      resolveRule: (code) => opts.rules?.[code],
      depth: 0,
    },
    new Set(opts.reserved ?? []),
  );
}

describe('ratingInYear', () => {
  const node = cond.ratingInYear({ id: 'r', atLeast: 'HTTNV', citation: C });
  it('is met, failed or undecidable', () => {
    expect(evalAt(node, person({ ratings: ratings(2024, 2024, 'HTXSNV') }), 2024).met).toBe(true);
    expect(evalAt(node, person({ ratings: ratings(2024, 2024, 'HTNV') }), 2024).met).toBe(false);
    const missing = evalAt(node, person(), 2024);
    expect(missing.met).toBeNull();
    expect(missing.facts).toEqual(['Thiếu xếp loại năm 2024']);
    expect(missing.description).toBe('Năm 2024 được xếp loại hoàn thành tốt nhiệm vụ trở lên');
  });
});

describe('ratingRun', () => {
  it('needs N consecutive years with at least K at the top level', () => {
    const node = cond.ratingRun({
      id: 'rr',
      atLeast: 'HTTNV',
      years: 3,
      within: { ratings: [{ atLeast: 'HTXSNV', count: 2 }] },
      citation: C,
    });
    const ok = person({
      ratings: [...ratings(2022, 2023, 'HTXSNV'), ...ratings(2024, 2024, 'HTTNV')],
    });
    const r = evalAt(node, ok, 2024);
    expect(r.met).toBe(true);
    expect(r.facts).toContain('Hoàn thành tốt nhiệm vụ trở lên 2022–2024: 3 năm liên tục');
    expect(r.facts).toContain(
      'Trong giai đoạn 2022–2024: 2 năm hoàn thành xuất sắc nhiệm vụ (2022, 2023); cần 2',
    );
    expect(r.description).toBe(
      'Có 03 năm liên tục xếp loại hoàn thành tốt nhiệm vụ trở lên (2022–2024), trong thời gian đó có 02 năm hoàn thành xuất sắc nhiệm vụ',
    );
    // the K top years must lie within the last N years
    const early = person({ ratings: [...ratings(2020, 2021, 'HTXSNV'), ...ratings(2022, 2024, 'HTTNV')] });
    expect(evalAt(node, early, 2024).met).toBe(false);
    // a low year breaks the run
    const broken = person({
      ratings: [
        ...ratings(2022, 2022, 'HTXSNV'),
        ...ratings(2023, 2023, 'HTNV'),
        ...ratings(2024, 2024, 'HTXSNV'),
      ],
    });
    const b = evalAt(node, broken, 2024);
    expect(b.met).toBe(false);
    expect(b.facts).toContain('Năm 2023: Hoàn thành nhiệm vụ (gián đoạn)');
    // an unrecorded year is missing data
    const gap = person({ ratings: [...ratings(2022, 2022, 'HTXSNV'), ...ratings(2024, 2024, 'HTXSNV')] });
    expect(evalAt(node, gap, 2024).met).toBeNull();
  });

  it('after a prerequisite award: counts the whole period after it', () => {
    const node = cond.ratingRun({
      id: 'after',
      atLeast: 'HTTNV',
      years: 5,
      after: { codes: ['BANG_KHEN_TTG'], required: true },
      within: { awards: [{ codes: ['CSTDCS'], count: 3 }] },
      citation: C,
    });
    const h = person({
      ratings: ratings(2015, 2024, 'HTTNV'),
      awards: [...awards('BANG_KHEN_TTG', 2016), ...awards('CSTDCS', 2017, 2018, 2019)],
    });
    const r = evalAt(node, h, 2024);
    expect(r.met).toBe(true); // 2017–2024 is one period of 8 years containing 3 CSTĐCS
    // the latest prerequisite is used: a second BK TTg in 2021 leaves only 2022–2024
    const again = { ...h, awards: [...h.awards, ...awards('BANG_KHEN_TTG', 2021)] };
    const r2 = evalAt(node, again, 2024);
    expect(r2.met).toBe(false);
    expect(r2.facts).toContain(
      'Chỉ tính các năm sau khi được tặng Bằng khen của Thủ tướng Chính phủ năm 2021',
    );
    // without the prerequisite
    const none = evalAt(node, person({ ratings: ratings(2015, 2024, 'HTTNV') }), 2024);
    expect(none.met).toBe(false);
    expect(none.facts).toEqual(['Chưa được tặng Bằng khen của Thủ tướng Chính phủ trước năm 2024']);
  });
});

describe('awardInYear / awardRun / awardCount', () => {
  it('awardInYear names the decision', () => {
    const node = cond.awardInYear({ id: 'a', codes: ['LDTT'], citation: C });
    const h = person({ awards: [{ code: 'LDTT', year: 2024, decisionNumber: '05/QĐ-SYT' }] });
    expect(evalAt(node, h, 2024).facts).toEqual(['Năm 2024: đã được tặng LĐTT (Quyết định số 05/QĐ-SYT)']);
    expect(evalAt(node, h, 2023).met).toBe(false);
    expect(node.description).toBe('Năm {year} được tặng {award}');
    expect(renderDescription(node, 2024)).toBe('Năm 2024 được tặng danh hiệu “Lao động tiên tiến”');
  });

  it('awardRun reports runs and gaps', () => {
    const node = cond.awardRun({ id: 'run', codes: ['CSTDCS'], count: 3, citation: C });
    const ok = evalAt(node, person({ awards: awards('CSTDCS', 2021, 2022, 2023, 2024) }), 2024);
    expect(ok.met).toBe(true);
    expect(ok.facts).toEqual(['CSTĐCS 2022, 2023, 2024: 3 năm liên tục']);
    const gap = evalAt(node, person({ awards: awards('CSTDCS', 2021, 2022, 2024) }), 2024);
    expect(gap.met).toBe(false);
    expect(gap.facts).toEqual([
      'CSTĐCS 2024: 1 năm liên tục',
      'Gián đoạn năm 2023: không có CSTĐCS',
      'Các năm khác được tặng CSTĐCS: 2021, 2022 (không liên tục)',
      'Cần 3 năm liên tục',
    ]);
    const notThisYear = evalAt(node, person({ awards: awards('CSTDCS', 2021, 2022, 2023) }), 2024);
    expect(notThisYear.facts[0]).toBe('Năm 2024: chưa được tặng CSTĐCS');
  });

  it('awardCount counts conferrals in a window', () => {
    const node = cond.awardCount({
      id: 'c',
      codes: ['CO_THI_DUA_TINH', 'CO_THI_DUA_CP'],
      count: 2,
      windowYears: 5,
      citation: C,
    });
    const h = collective({
      awards: [...awards('CO_THI_DUA_TINH', 2019, 2022), ...awards('CO_THI_DUA_CP', 2024)],
    });
    const r = evalAt(node, h, 2024);
    expect(r.met).toBe(true);
    expect(r.facts[0]).toContain('Giai đoạn 2020–2024: 2 lần');
    expect(evalAt(node, h, 2021).met).toBe(false);
  });
});

describe('evidence and "one initiative, one use"', () => {
  const two = cond.initiatives({ id: 'i2', minScope: 'unit', count: 2, windowYears: 2, citation: C });

  it('picks unused initiatives in the window, narrowest scope first', () => {
    const h = person({
      initiatives: [
        initiative('N', 2024, 'national'),
        initiative('U', 2024, 'unit'),
        initiative('P', 2023, 'province'),
      ],
    });
    const r = evalAt(two, h, 2024);
    expect(r.met).toBe(true);
    expect(r.consumes.map((e) => e.id)).toEqual(['U', 'P']);
  });

  it('skips used, reserved, out-of-window and too-narrow initiatives', () => {
    const h = person({
      initiatives: [
        initiative('USED', 2024, 'unit', { code: 'CSTDCS', year: 2024 }),
        initiative('OLD', 2021),
        initiative('RES', 2024),
        initiative('OK', 2023),
      ],
    });
    const r = evalAt(two, h, 2024, { reserved: ['initiative:RES'] });
    expect(r.met).toBe(false);
    expect(r.consumes).toEqual([]);
    expect(r.facts.join(' | ')).toContain('đã được sử dụng để xét CSTĐCS năm 2024');
    expect(r.facts.join(' | ')).toContain('không tính trùng');
    expect(r.facts.join(' | ')).not.toContain('OLD');
    const scoped = cond.initiatives({ id: 'p', minScope: 'province', count: 1, windowYears: 3, citation: C });
    expect(evalAt(scoped, h, 2024).facts.join(' | ')).toContain('chưa đạt phạm vi cấp tỉnh');
  });

  it('evidence used for the very award being evaluated, or for a code listed in reusableFrom, still counts', () => {
    const h = person({ initiatives: [initiative('X', 2024, 'province', { code: 'CSTDCS', year: 2024 })] });
    const one = cond.initiatives({ id: 'i1', minScope: 'unit', count: 1, windowYears: 1, citation: C });
    expect(evalAt(one, h, 2024, { target: 'CSTDCS' }).met).toBe(true);
    expect(evalAt(one, h, 2024, { target: 'BANG_KHEN_TINH' }).met).toBe(false);
    const reuse = { ...one, reusableFrom: ['CSTDCS' as const] };
    expect(evalAt(reuse, h, 2024, { target: 'CSTD_TINH' }).met).toBe(true);
  });

  it('allOf never counts one initiative for two children; anyOf prefers the branch that consumes least', () => {
    const first = cond.initiatives({ id: 'a', minScope: 'unit', count: 1, windowYears: 1, citation: C });
    const second = cond.initiatives({ id: 'b', minScope: 'unit', count: 1, windowYears: 1, citation: C });
    const both = cond.allOf({ id: 'all', citation: C, conditions: [first, second] });
    expect(evalAt(both, person({ initiatives: [initiative('S1', 2024)] }), 2024).met).toBe(false);
    const ok = evalAt(both, person({ initiatives: [initiative('S1', 2024), initiative('S2', 2024)] }), 2024);
    expect(ok.met).toBe(true);
    expect(ok.consumes.map((e) => e.id).sort()).toEqual(['S1', 'S2']);

    const either = cond.anyOf({
      id: 'any',
      citation: C,
      conditions: [first, cond.ratingInYear({ id: 'x', atLeast: 'HTXSNV', citation: C })],
    });
    const r = evalAt(
      either,
      person({ ratings: ratings(2024, 2024, 'HTXSNV'), initiatives: [initiative('S1', 2024)] }),
      2024,
    );
    expect(r.met).toBe(true);
    expect(r.consumes).toEqual([]);
  });

  it('research projects are a separate pool', () => {
    const node = cond.researchProjects({ id: 'rp', minScope: 'unit', count: 1, windowYears: 1, citation: C });
    const h = person({ initiatives: [initiative('S1', 2024)], researchProjects: [research('R1', 2024)] });
    const r = evalAt(node, h, 2024);
    expect(r.met).toBe(true);
    expect(r.consumes.map((e) => `${e.kind}:${e.id}`)).toEqual(['research:R1']);
  });
});

describe('three-valued combinators', () => {
  const T = cond.ratingInYear({ id: 't', atLeast: 'KHTNV', citation: C });
  const F = cond.awardInYear({ id: 'f', codes: ['HCLD_1'], citation: C });
  const N = cond.ratingInYear({ id: 'n', atLeast: 'HTNV', citation: C });
  const h = person({ ratings: ratings(2023, 2023, 'HTNV') });
  const at = (c: Condition) => evalAt(c, h, 2023).met;
  const nullAt = (c: Condition) => evalAt(c, person(), 2023).met; // no rating at all: T and N unknown

  it('allOf: false wins over unknown; anyOf: true wins over unknown; not keeps unknown', () => {
    expect(at(cond.allOf({ id: 'a', citation: C, conditions: [T, N] }))).toBe(true);
    expect(nullAt(cond.allOf({ id: 'a', citation: C, conditions: [T, F] }))).toBe(false);
    expect(nullAt(cond.allOf({ id: 'a', citation: C, conditions: [T, N] }))).toBeNull();
    expect(nullAt(cond.anyOf({ id: 'o', citation: C, conditions: [F, N] }))).toBeNull();
    expect(at(cond.anyOf({ id: 'o', citation: C, conditions: [F, N] }))).toBe(true);
    expect(at(cond.anyOf({ id: 'o', citation: C, conditions: [F, F] as Condition[] }))).toBe(false);
    expect(at(cond.not({ id: 'x', citation: C, condition: F }))).toBe(true);
    expect(nullAt(cond.not({ id: 'x', citation: C, condition: N }))).toBeNull();
  });
});

describe('collective atoms', () => {
  it('memberShare compares exact ratios, strict or not', () => {
    const more = cond.memberShare({
      id: 'm',
      measure: { award: 'LDTT' },
      atLeast: { num: 1, den: 2 },
      strict: true,
      citation: C,
    });
    const atLeast70 = cond.memberShare({
      id: 'm7',
      measure: { award: 'LDTT' },
      atLeast: { num: 7, den: 10 },
      citation: C,
    });
    const with_ = (n: number) => collective({ members: [members(2024, 30, { titles: { LDTT: n } })] });
    expect(evalAt(more, with_(15), 2024).met).toBe(false);
    expect(evalAt(more, with_(16), 2024).met).toBe(true);
    expect(evalAt(atLeast70, with_(20), 2024).met).toBe(false);
    expect(evalAt(atLeast70, with_(21), 2024).met).toBe(true);
    expect(evalAt(atLeast70, with_(21), 2024).facts[0]).toBe(
      'Năm 2024: 21/30 thành viên LĐTT (70%); yêu cầu từ 70% trở lên',
    );
    expect(renderDescription(more, 2024)).toBe(
      'Năm 2024 có trên 50% thành viên đạt danh hiệu “Lao động tiên tiến”',
    );
  });

  it('memberCount, noMemberDisciplined and leadsEmulationBlock', () => {
    const one = cond.memberCount({ id: 'c', measure: { award: 'CSTDCS' }, atLeast: 1, citation: C });
    const clean = cond.noMemberDisciplined({ id: 'd', citation: C });
    const lead = cond.leadsEmulationBlock({ id: 'l', levels: ['province'], citation: C });
    const h = collective({
      members: [members(2024, 10, { titles: { CSTDCS: 1 } }), members(2023, 10, { warned: 1 })],
      emulationBlockLeadership: [leads(2024), leads(2023, 'national')],
    });
    expect(evalAt(one, h, 2024).met).toBe(true);
    expect(evalAt(one, h, 2023).met).toBe(false);
    expect(evalAt(clean, h, 2024).met).toBe(true);
    expect(evalAt(clean, h, 2023).facts).toEqual(['Năm 2023: 1 thành viên bị kỷ luật từ cảnh cáo trở lên']);
    expect(evalAt(lead, h, 2024).met).toBe(true);
    expect(evalAt(lead, h, 2023).met).toBe(false);
    expect(evalAt(clean, h, 2022).met).toBeNull();
  });
});

describe('qualifiesFor', () => {
  it('uses the referenced standard when the title is not conferred', () => {
    const ldtt = cond.ratingInYear({ id: 'ldtt', atLeast: 'HTTNV', citation: C });
    const node = cond.qualifiesFor({ id: 'q', code: 'LDTT', citation: C });
    const r = evalAt(node, person({ ratings: ratings(2024, 2024, 'HTTNV') }), 2024, {
      rules: { LDTT: ldtt },
    });
    expect(r.met).toBe(true);
    expect(r.children[0]!.node.id).toBe('ldtt');
    expect(evalAt(node, person(), 2024, { rules: {} }).met).toBe(false);
  });
});

describe('text helpers and validation', () => {
  it('formats ratios and percentages in Vietnamese', () => {
    expect(formatPercent(2, 3)).toBe('66,7%');
    expect(formatPercent(7, 10)).toBe('70%');
    expect(describeRatio({ num: 1, den: 2 }, true)).toBe('trên 50%');
    expect(describeRatio({ num: 7, den: 10 })).toBe('từ 70% trở lên');
    expect(describeRatio({ num: 1, den: 1 })).toBe('100%');
    expect(
      withinPhrase({ ratings: [{ atLeast: 'HTXSNV', count: 1 }], awards: [{ codes: ['CSTDCS'], count: 3 }] }),
    ).toBe(
      'trong thời gian đó có 01 năm hoàn thành xuất sắc nhiệm vụ và 03 lần được tặng danh hiệu “Chiến sĩ thi đua cơ sở”',
    );
  });

  it('rejects malformed trees', () => {
    const bad = cond.allOf({
      id: 'root',
      citation: C,
      conditions: [
        cond.ratingRun({ id: 'dup', atLeast: 'HTTNV', years: 0, citation: C }),
        cond.initiatives({ id: 'dup', minScope: 'unit', count: 1, windowYears: 1, citation: '' }),
        {
          ...cond.memberShare({
            id: 'share',
            measure: { award: 'LDTT' },
            atLeast: { num: 3, den: 2 },
            citation: C,
          }),
        },
        { type: 'bogus', id: 'b', description: 'x', citation: C } as unknown as Condition,
      ],
    });
    const problems = validateCondition(bad);
    expect(problems).toContain('condition "dup": invalid years');
    expect(problems).toContain('condition "dup": duplicate id');
    expect(problems).toContain('condition "dup": no citation');
    expect(problems).toContain('condition "share": invalid atLeast');
    expect(problems).toContain('condition "b": unknown type "bogus"');
    expect(validateCondition(cond.ratingInYear({ id: 'ok', atLeast: 'HTNV', citation: C }))).toEqual([]);
  });
});
