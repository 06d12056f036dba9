import { describe, expect, it } from 'vitest';
import {
  deriveRuleSet,
  RULE_SET_2024,
  RULE_SET_2025_07,
  type RuleSet,
  ruleSetFor,
  SHIPPED_RULE_SETS,
} from './catalog';
import { cond } from './conditions';
import { evaluateAward, evaluateNominee, type Verdict } from './eligibility';
import type { NomineeHistory } from './history';
import { mergeLineageHistories } from './lineage-merge';
import { awards, collective, discipline, initiative, members, person, ratings } from './test-fixtures';

const cond3 = (v: Verdict, id: string) => {
  const c = v.conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id} in ${v.code}`);
  return c;
};

describe('acceptance (a): three consecutive CSTĐCS across a unit merger → CSTĐ cấp tỉnh', () => {
  // The person's unit (TTYT huyện Kon Plông, tỉnh Kon Tum) was merged in 2025; the titles were
  // conferred by the old units. A person's history follows the person, so the titles still count.
  const history: NomineeHistory = person({
    id: 'ns-0042',
    displayName: 'Y Bhăm',
    ratings: ratings(2022, 2024, 'HTXSNV').map((r) => ({ ...r, orgId: 'ttyt-kon-plong' })),
    awards: [
      {
        code: 'CSTDCS',
        year: 2022,
        decisionNumber: '15/QĐ-TTYT',
        decidedOn: '2023-01-10',
        orgId: 'ttyt-kon-plong',
      },
      {
        code: 'CSTDCS',
        year: 2023,
        decisionNumber: '09/QĐ-TTYT',
        decidedOn: '2024-01-12',
        orgId: 'ttyt-kon-plong',
      },
      {
        code: 'CSTDCS',
        year: 2024,
        decisionNumber: '21/QĐ-TTYT',
        decidedOn: '2025-01-15',
        orgId: 'ttyt-kon-plong',
      },
    ],
    initiatives: [initiative('SK-2023-07', 2023, 'province')],
  });
  const asOf = '2025-09-30'; // evaluated after the merger, under the version in force then
  const rs = ruleSetFor(asOf, SHIPPED_RULE_SETS)!;

  it('meets the three-consecutive-years condition and cites the article', () => {
    const v = evaluateAward(history, 2024, 'CSTD_TINH', rs, { asOf });
    const run = cond3(v, 'cstd-tinh.cstdcs-run');
    expect(run.met).toBe(true);
    expect(run.facts).toContain('CSTĐCS 2022, 2023, 2024: 3 năm liên tục');
    expect(run.citation).toContain('Điều 22 Luật Thi đua, khen thưởng 2022');
    expect(v.status).toBe('eligible');
    expect(v.citation).toContain('Điều 22');
    expect(v.summary).toContain('Điều 22 Luật Thi đua, khen thưởng 2022');
    expect(v.ruleSetVersion).toBe(RULE_SET_2025_07.version);
    expect(v.consumesInitiatives).toEqual(['SK-2023-07']);
  });

  it('fails with a reason naming the gap once the 2023 title is removed', () => {
    const gap = { ...history, awards: history.awards.filter((a) => a.year !== 2023) };
    const v = evaluateAward(gap, 2024, 'CSTD_TINH', rs, { asOf });
    const run = cond3(v, 'cstd-tinh.cstdcs-run');
    expect(run.met).toBe(false);
    expect(run.facts.join(' | ')).toContain('Gián đoạn năm 2023');
    expect(v.status).toBe('not_eligible');
    expect(v.summary).toContain('2023');
    expect(v.consumesInitiatives).toEqual([]);
  });

  it('a collective keeps counting across a merger once its lineage is merged', () => {
    // Khoa A (2023) and khoa B (2023) merged into khoa C in 2024; BK tỉnh for a collective needs
    // 2 consecutive years HTXSNV (default, unconfirmed).
    const a = collective({ id: 'A', ratings: ratings(2023, 2023, 'HTXSNV') });
    const b = collective({ id: 'B', ratings: ratings(2023, 2023, 'HTTNV') });
    const c = collective({ id: 'C', displayName: 'Khoa Hồi sức', ratings: ratings(2024, 2024, 'HTXSNV') });
    const alone = evaluateAward(c, 2024, 'BANG_KHEN_TINH', RULE_SET_2024);
    expect(alone.status).toBe('missing_data');
    expect(cond3(alone, 'bk-tinh-tt.htxsnv').facts).toContain('Thiếu xếp loại năm 2023');
    const merged = mergeLineageHistories([a, b, c], { id: 'C', displayName: 'Khoa Hồi sức' });
    const v = evaluateAward(merged, 2024, 'BANG_KHEN_TINH', RULE_SET_2024);
    expect(v.status).toBe('eligible');
    expect(v.nomineeId).toBe('C');
  });
});

describe('acceptance (b): one initiative supports one title/form only', () => {
  const base = {
    ratings: ratings(2023, 2024, 'HTTNV'),
    awards: [...awards('LDTT', 2023, 2024), ...awards('CSTDCS', 2023)],
  };

  it('an initiative recorded as used for a CSTĐCS does not count for another title/form', () => {
    const h = person({
      ...base,
      awards: [...base.awards, ...awards('CSTDCS', 2024)],
      initiatives: [
        initiative('SK-1', 2024, 'unit', { code: 'CSTDCS', year: 2024 }),
        initiative('SK-2', 2023),
        initiative('SK-3', 2024, 'province', { code: 'CSTDCS', year: 2023 }),
      ],
    });
    // the CSTĐCS it was used for can still be re-evaluated on it
    const own = evaluateAward(h, 2024, 'CSTDCS', RULE_SET_2024);
    expect(own.status).toBe('eligible');
    expect(own.consumesInitiatives).toEqual(['SK-1']);
    // … but BK tỉnh (d) needs two initiatives other than those used for CSTĐCS
    const bk = evaluateAward(h, 2024, 'BANG_KHEN_TINH', RULE_SET_2024);
    expect(bk.status).toBe('not_eligible');
    const ev = cond3(bk, 'bk-tinh.evidence.initiatives');
    expect(ev.met).toBe(false);
    expect(ev.facts.join(' | ')).toContain('đã được sử dụng để xét CSTĐCS năm 2024, không được sử dụng lại');
    expect(ev.facts.join(' | ')).toContain('Có 1/2 sáng kiến');
    // and a province-scope initiative used for CSTĐCS 2023 cannot support CSTĐ cấp tỉnh either
    const h3 = {
      ...h,
      awards: [...h.awards, ...awards('CSTDCS', 2022)],
      ratings: ratings(2022, 2024, 'HTTNV'),
    };
    const tinh = evaluateAward(h3, 2024, 'CSTD_TINH', RULE_SET_2024);
    expect(cond3(tinh, 'cstd-tinh.cstdcs-run').met).toBe(true);
    expect(cond3(tinh, 'cstd-tinh.initiative').met).toBe(false);
    expect(tinh.status).toBe('not_eligible');
  });

  it('in sequential allocation an initiative consumed by CSTĐCS is unavailable to the following forms', () => {
    const h = person({
      ...base,
      awards: [...base.awards, ...awards('CSTDCS', 2024)],
      initiatives: [initiative('SK-1', 2024), initiative('SK-2', 2023)],
    });
    const independent = evaluateNominee(h, 2024, RULE_SET_2024);
    const byCode = (vs: Verdict[], code: string) => vs.find((v) => v.code === code)!;
    expect(byCode(independent, 'CSTDCS').consumesInitiatives).toEqual(['SK-1']);
    expect(byCode(independent, 'BANG_KHEN_TINH').status).toBe('eligible');
    expect(byCode(independent, 'BANG_KHEN_TINH').consumesInitiatives.sort()).toEqual(['SK-1', 'SK-2']);
    const sequential = evaluateNominee(h, 2024, RULE_SET_2024, { allocation: 'sequential' });
    expect(byCode(sequential, 'CSTDCS').consumesInitiatives).toEqual(['SK-1']);
    const bk = byCode(sequential, 'BANG_KHEN_TINH');
    expect(bk.status).toBe('not_eligible');
    expect(cond3(bk, 'bk-tinh.evidence.initiatives').facts.join(' | ')).toContain('không tính trùng');
  });

  it('initiatives reserved by another pending proposal are not counted', () => {
    const h = person({ ratings: ratings(2024, 2024, 'HTTNV'), initiatives: [initiative('SK-1', 2024)] });
    expect(evaluateAward(h, 2024, 'CSTDCS', RULE_SET_2024).status).toBe('eligible');
    const v = evaluateAward(h, 2024, 'CSTDCS', RULE_SET_2024, { reserved: { initiatives: ['SK-1'] } });
    expect(v.status).toBe('not_eligible');
    expect(v.consumesInitiatives).toEqual([]);
  });

  it('two conditions of one rule never count the same initiative twice', () => {
    const rs = deriveRuleSet(
      RULE_SET_2024,
      [
        {
          op: 'replaceConditions',
          code: 'GIAY_KHEN',
          subject: 'individual',
          conditions: cond.allOf({
            id: 'two',
            citation: 'test',
            conditions: [
              cond.initiatives({ id: 'first', minScope: 'unit', count: 1, windowYears: 2, citation: 'test' }),
              cond.initiatives({
                id: 'second',
                minScope: 'unit',
                count: 1,
                windowYears: 2,
                citation: 'test',
              }),
            ],
          }),
        },
      ],
      { effectiveFrom: '2024-01-01', createdAt: '2024-02-01', note: 'test' },
    );
    const one = person({ initiatives: [initiative('SK-1', 2024)] });
    const v1 = evaluateAward(one, 2024, 'GIAY_KHEN', rs);
    expect(v1.status).toBe('not_eligible');
    expect(cond3(v1, 'second').facts.join(' | ')).toContain('không tính trùng');
    const two = person({ initiatives: [initiative('SK-1', 2024), initiative('SK-2', 2023)] });
    const v2 = evaluateAward(two, 2024, 'GIAY_KHEN', rs);
    expect(v2.status).toBe('eligible');
    expect(new Set(v2.consumesInitiatives)).toEqual(new Set(['SK-1', 'SK-2']));
  });
});

describe('acceptance (c): a new rule version does not change verdicts computed earlier', () => {
  const h = person({
    ratings: ratings(2022, 2024, 'HTXSNV'),
    awards: awards('CSTDCS', 2022, 2023, 2024),
    initiatives: [initiative('SK-P', 2024, 'province')],
  });

  it('deriveRuleSet returns a new version; old verdicts keep the version they recorded', () => {
    const baseSnapshot = JSON.stringify(RULE_SET_2025_07);
    const before = evaluateAward(h, 2024, 'CSTD_TINH', RULE_SET_2025_07);
    const beforeSnapshot = structuredClone(before);
    expect(before.status).toBe('eligible');

    const v3 = deriveRuleSet(
      RULE_SET_2025_07,
      [
        {
          op: 'setConditionParams',
          code: 'CSTD_TINH',
          subject: 'individual',
          conditionId: 'cstd-tinh.cstdcs-run',
          params: { count: 4 },
        },
      ],
      {
        effectiveFrom: '2026-01-01',
        createdAt: '2025-12-01',
        note: 'Nâng yêu cầu lên 04 lần CSTĐCS (thử nghiệm)',
      },
    );
    expect(v3.version).toBe(RULE_SET_2025_07.version + 1);
    expect(v3.basedOn).toEqual({ id: RULE_SET_2025_07.id, version: RULE_SET_2025_07.version });
    const rule = (rs: RuleSet) => rs.rules.find((r) => r.code === 'CSTD_TINH')!;
    expect(rule(v3).version).toBe(rule(RULE_SET_2025_07).version + 1);
    expect(rule(v3).subjects.individual!.conditions).not.toEqual(
      rule(RULE_SET_2025_07).subjects.individual!.conditions,
    );

    const after = evaluateAward(h, 2024, 'CSTD_TINH', v3);
    expect(after.status).toBe('not_eligible');
    expect(after.ruleSetVersion).toBe(v3.version);
    expect(cond3(after, 'cstd-tinh.cstdcs-run').description).toContain('04 lần');

    // the earlier verdict and the base rule set are untouched; re-evaluating under it gives the same verdict
    expect(before).toEqual(beforeSnapshot);
    expect(before.ruleSetVersion).toBe(RULE_SET_2025_07.version);
    expect(JSON.stringify(RULE_SET_2025_07)).toBe(baseSnapshot);
    expect(evaluateAward(h, 2024, 'CSTD_TINH', RULE_SET_2025_07)).toEqual(before);
    // ruleSetFor picks the version in force on each date
    const all = [...SHIPPED_RULE_SETS, v3];
    expect(ruleSetFor('2025-12-31', all)).toBe(RULE_SET_2025_07);
    expect(ruleSetFor('2026-01-01', all)).toBe(v3);
  });
});

describe('missing data', () => {
  it('a needed rating that is not recorded gives missing_data, not not_eligible', () => {
    const v = evaluateAward(person({ ratings: ratings(2023, 2023, 'HTXSNV') }), 2024, 'LDTT', RULE_SET_2024);
    expect(v.status).toBe('missing_data');
    expect(cond3(v, 'ldtt.rating').met).toBeNull();
    expect(cond3(v, 'ldtt.rating').facts).toContain('Thiếu xếp loại năm 2024');
    expect(v.summary).toContain('Chưa đủ dữ liệu');
    expect(v.summary).toContain('Thiếu xếp loại năm 2024');
  });

  it('a gap in the ratings of a run is missing data, but a failing condition wins', () => {
    const rs = ratings(2019, 2024, 'HTTNV').filter((r) => r.year !== 2021);
    const h = person({
      ratings: rs,
      awards: [...awards('BANG_KHEN_TINH', 2018), ...awards('CSTDCS', 2022, 2023, 2024)],
    });
    const v = evaluateAward(h, 2024, 'BANG_KHEN_TTG', RULE_SET_2024);
    expect(v.status).toBe('missing_data');
    expect(cond3(v, 'bk-ttg.run').facts).toContain('Thiếu xếp loại năm 2021');
    const disciplined = { ...h, disciplines: [discipline('2024-05-01', '2024-10-31')] };
    expect(evaluateAward(disciplined, 2024, 'BANG_KHEN_TTG', RULE_SET_2024).status).toBe('not_eligible');
  });

  it('members without a rating make a collective share undecidable', () => {
    const h = collective({
      ratings: ratings(2024, 2024, 'HTXSNV'),
      members: [
        members(2024, 20, { ratings: { HTXSNV: 4, HTTNV: 12, HTNV: 2 }, titles: { LDTT: 15, CSTDCS: 2 } }),
      ],
    });
    const v = evaluateAward(h, 2024, 'TTLDXS', RULE_SET_2024);
    expect(v.status).toBe('missing_data');
    expect(cond3(v, 'ttldxs.all-htnv').facts.join(' | ')).toContain('Còn 2 thành viên chưa có xếp loại');
    const none = evaluateAward(
      collective({ ratings: ratings(2024, 2024, 'HTXSNV') }),
      2024,
      'TTLDXS',
      RULE_SET_2024,
    );
    expect(none.status).toBe('missing_data');
    expect(cond3(none, 'ttldxs.ldtt-share').facts).toContain('Thiếu số liệu thành viên năm 2024');
  });
});

describe('discipline', () => {
  const h = person({
    ratings: ratings(2022, 2024, 'HTXSNV'),
    awards: awards('CSTDCS', 2022, 2023, 2024),
    initiatives: [initiative('SK-1', 2024), initiative('SK-2', 2024)],
    disciplines: [discipline('2023-02-01', '2023-07-31')],
  });

  it('achievements count only from the end of a discipline period', () => {
    const v = evaluateAward(h, 2024, 'BANG_KHEN_TINH', RULE_SET_2024);
    const run = cond3(v, 'bk-tinh.run.htxsnv');
    expect(run.met).toBe(false);
    expect(run.facts.join(' | ')).toContain('Thành tích chỉ được tính từ năm 2024');
    expect(cond3(v, 'bk-tinh.run.cstdcs').met).toBe(false);
    expect(v.status).toBe('not_eligible');
  });

  it('the policy is a parameter of the rule set', () => {
    const lenient = deriveRuleSet(
      RULE_SET_2024,
      [{ op: 'setPolicy', policy: 'achievementsCountAfterDiscipline', value: { value: false } }],
      { effectiveFrom: '2024-01-01', createdAt: '2024-03-01', note: 'test' },
    );
    expect(evaluateAward(h, 2024, 'BANG_KHEN_TINH', lenient).status).toBe('eligible');
  });

  it('a discipline in force on the evaluation date blocks, even if it started after the year', () => {
    const later = person({
      ratings: ratings(2024, 2024, 'HTTNV'),
      disciplines: [discipline('2025-02-01', null, 'canh_cao')],
    });
    expect(evaluateAward(later, 2024, 'LDTT', RULE_SET_2024).status).toBe('eligible');
    const v = evaluateAward(later, 2024, 'LDTT', RULE_SET_2024, { asOf: '2025-03-01' });
    expect(v.status).toBe('not_eligible');
    expect(cond3(v, 'ldtt.no-discipline').facts[0]).toBe('Bị kỷ luật Cảnh cáo từ 01/02/2025 đến nay');
  });
});

describe('evaluateNominee / evaluateAward', () => {
  it('evaluates every title/form that applies to the subject, in catalog order', () => {
    const ind = evaluateNominee(person({ ratings: ratings(2024, 2024, 'HTTNV') }), 2024, RULE_SET_2024);
    expect(ind.map((v) => v.code)).toEqual([
      'LDTT',
      'CSTDCS',
      'CSTD_TINH',
      'CSTD_TQ',
      'GIAY_KHEN',
      'BANG_KHEN_TINH',
      'BANG_KHEN_BO',
      'BANG_KHEN_TTG',
      'HCLD_3',
      'HCLD_2',
      'HCLD_1',
    ]);
    expect(ind.every((v) => v.subject === 'individual' && v.year === 2024 && v.ruleSetVersion === 1)).toBe(
      true,
    );
    const col = evaluateNominee(collective(), 2024, RULE_SET_2024);
    expect(col.map((v) => v.code)).toEqual([
      'TTLDTT',
      'TTLDXS',
      'CO_THI_DUA_TINH',
      'CO_THI_DUA_CP',
      'GIAY_KHEN',
      'BANG_KHEN_TINH',
      'BANG_KHEN_BO',
      'BANG_KHEN_TTG',
      'HCLD_3',
      'HCLD_2',
      'HCLD_1',
    ]);
    expect(
      evaluateNominee(person(), 2024, RULE_SET_2024, { codes: ['LDTT', 'CSTDCS'] }).map((v) => v.code),
    ).toEqual(['LDTT', 'CSTDCS']);
  });

  it('explains a title that does not apply to the subject, and rejects unknown codes', () => {
    const v = evaluateAward(collective(), 2024, 'CSTDCS', RULE_SET_2024);
    expect(v.status).toBe('not_eligible');
    expect(v.conditions[0]!.facts[0]).toBe('chỉ xét tặng cho cá nhân');
    const broken = { ...RULE_SET_2024, rules: RULE_SET_2024.rules.filter((r) => r.code !== 'LDTT') };
    expect(() => evaluateAward(person(), 2024, 'LDTT', broken)).toThrow(RangeError);
  });

  it('skips rules that are not in force on the evaluation date', () => {
    const rs = deriveRuleSet(
      RULE_SET_2024,
      [{ op: 'setValidity', code: 'GIAY_KHEN', validFrom: '2024-01-01', validTo: '2024-06-30' }],
      { effectiveFrom: '2024-01-01', createdAt: '2024-01-02', note: 'test' },
    );
    const h = person({ ratings: ratings(2024, 2024, 'HTTNV') });
    expect(evaluateNominee(h, 2024, rs).some((v) => v.code === 'GIAY_KHEN')).toBe(false);
    expect(evaluateNominee(h, 2024, rs, { asOf: '2024-06-30' }).some((v) => v.code === 'GIAY_KHEN')).toBe(
      true,
    );
    expect(evaluateAward(h, 2024, 'GIAY_KHEN', rs).status).toBe('not_eligible');
  });

  it('uses a conferred LĐTT or the LĐTT standard for CSTĐCS, and explains both', () => {
    const held = person({
      ratings: ratings(2024, 2024, 'HTXSNV'),
      awards: [{ code: 'LDTT', year: 2024, decisionNumber: '07/QĐ-BVĐK' }],
    });
    const v1 = evaluateAward(held, 2024, 'CSTDCS', RULE_SET_2024);
    expect(cond3(v1, 'cstdcs.ldtt').facts).toEqual([
      'Năm 2024: đã được tặng LĐTT (Quyết định số 07/QĐ-BVĐK)',
    ]);
    const standard = person({ ratings: ratings(2024, 2024, 'HTXSNV') });
    const v2 = evaluateAward(standard, 2024, 'CSTDCS', RULE_SET_2024);
    expect(v2.status).toBe('eligible');
    expect(cond3(v2, 'cstdcs.ldtt').facts[0]).toContain('chưa có quyết định tặng LĐTT nhưng đạt tiêu chuẩn');
    expect(cond3(v2, 'ldtt.rating').depth).toBe(2);
  });

  it('produces JSON-serialisable verdicts in Vietnamese, flagging unconfirmed standards', () => {
    const vs = evaluateNominee(person({ ratings: ratings(2020, 2024, 'HTXSNV') }), 2024, RULE_SET_2024);
    for (const v of vs) {
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v.summary.endsWith('.')).toBe(true);
      expect(v.summary).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹý]/);
    }
    expect(vs.find((v) => v.code === 'HCLD_1')!.unconfirmed).toBe(true);
    expect(vs.find((v) => v.code === 'LDTT')!.unconfirmed).toBe(false);
    expect(vs.find((v) => v.code === 'CSTD_TINH')!.unconfirmed).toBe(true); // evidence window unverified
    const ldtt = vs.find((v) => v.code === 'LDTT')!;
    expect(ldtt.judgementCriteria.map((j) => j.id)).toContain('ldtt.spirit');
  });

  it('CSTĐ toàn quốc counts two CSTĐ cấp tỉnh three years apart as consecutive', () => {
    const h = person({
      ratings: ratings(2019, 2024, 'HTXSNV'),
      awards: awards('CSTD_TINH', 2021, 2024),
      initiatives: [initiative('SK-N', 2022, 'national')],
    });
    const v = evaluateAward(h, 2024, 'CSTD_TQ', RULE_SET_2024);
    expect(cond3(v, 'cstd-tq.cstd-tinh-run').facts).toContain('CSTĐ cấp tỉnh 2021, 2024: 2 lần liên tục');
    expect(v.status).toBe('eligible');
  });

  it('does not count years already rewarded by an earlier CSTĐ cấp tỉnh', () => {
    const h = person({
      ratings: ratings(2020, 2025, 'HTXSNV'),
      awards: [...awards('CSTDCS', 2020, 2021, 2022, 2023, 2024, 2025), ...awards('CSTD_TINH', 2023)],
      initiatives: [initiative('SK-P', 2025, 'province')],
    });
    const v = evaluateAward(h, 2025, 'CSTD_TINH', RULE_SET_2024);
    expect(v.status).toBe('not_eligible');
    expect(cond3(v, 'cstd-tinh.cstdcs-run').facts.join(' | ')).toContain(
      'Chỉ tính các năm sau khi được tặng CSTĐ cấp tỉnh năm 2023',
    );
    expect(evaluateAward(h, 2026, 'CSTD_TINH', RULE_SET_2024).status).toBe('not_eligible');
  });
});
