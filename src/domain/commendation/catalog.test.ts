import { describe, expect, it } from 'vitest';
import { BASE_SALARY_TABLE, baseSalaryEntryOn, baseSalaryOn } from './base-salary';
import {
  createRuleSet,
  deriveRuleSet,
  findRule,
  listUnconfirmed,
  RULE_SET_2024,
  RULE_SET_2025_07,
  RuleSetError,
  ruleSetFor,
  SHIPPED_RULE_SETS,
  validateRuleSet,
} from './catalog';
import { AWARD_CODES, AWARD_NAMES } from './codes';
import { cond, walkCondition } from './conditions';

const META = { effectiveFrom: '2026-01-01', createdAt: '2025-12-15', note: 'Điều chỉnh thử nghiệm' };

describe('shipped catalog', () => {
  it('has a valid rule for every award code, with names, authorities, citations and dates', () => {
    for (const rs of SHIPPED_RULE_SETS) expect(validateRuleSet(rs)).toEqual([]);
    expect(RULE_SET_2024.rules.map((r) => r.code).sort()).toEqual([...AWARD_CODES].sort());
    for (const r of RULE_SET_2024.rules) {
      expect(r.name).toBe(AWARD_NAMES[r.code]);
      expect(r.authority.value.length).toBeGreaterThan(5);
      expect(r.citation).toMatch(/Điều \d+ Luật Thi đua, khen thưởng 2022/);
      expect(r.validFrom).toBe('2024-01-01');
      expect(r.version).toBe(1);
      for (const sr of Object.values(r.subjects)) {
        walkCondition(sr!.conditions, (n) => {
          expect(n.citation.length, `${r.code}/${n.id}`).toBeGreaterThan(5);
          expect(n.description.length, `${r.code}/${n.id}`).toBeGreaterThan(5);
        });
      }
    }
  });

  it('encodes the coefficients of law.md §1c', () => {
    const coef = (code: (typeof AWARD_CODES)[number], s: 'individual' | 'collective') =>
      findRule(RULE_SET_2025_07, code)!.subjects[s]?.coefficient.value;
    expect(coef('LDTT', 'individual')).toBe('0.3');
    expect(coef('CSTDCS', 'individual')).toBe('1.0');
    expect(coef('CSTD_TINH', 'individual')).toBe('3.0');
    expect(coef('CSTD_TQ', 'individual')).toBe('4.5');
    expect(coef('TTLDTT', 'collective')).toBe('0.8');
    expect(coef('TTLDXS', 'collective')).toBe('1.5');
    expect(coef('CO_THI_DUA_TINH', 'collective')).toBe('8.0');
    expect(coef('CO_THI_DUA_CP', 'collective')).toBe('12.0');
    expect(coef('BANG_KHEN_TINH', 'individual')).toBe('1.5');
    expect(coef('BANG_KHEN_TTG', 'individual')).toBe('3.5');
    expect(coef('HCLD_3', 'individual')).toBe('4.5');
    expect(coef('HCLD_2', 'individual')).toBe('7.5');
    expect(coef('HCLD_1', 'individual')).toBe('9.0');
    expect(coef('HCLD_3', 'collective')).toBe('9.0');
    expect(findRule(RULE_SET_2025_07, 'BANG_KHEN_TTG')!.subjects.individual!.coefficient.citation).toBe(
      'Khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP',
    );
  });

  it('flags what law.md marks UNCONFIRMED', () => {
    const flags = listUnconfirmed(RULE_SET_2024);
    for (const expected of [
      'CSTDCS/individual: cap',
      'CSTD_TINH/individual: vote',
      'CSTD_TQ/individual: vote',
      'CO_THI_DUA_CP/collective: cap',
      'TTLDTT/collective: standard',
      'GIAY_KHEN/individual: coefficient',
      'GIAY_KHEN/collective: coefficient',
      'GIAY_KHEN: authority',
      'BANG_KHEN_TINH/collective: standard',
      'BANG_KHEN_TINH/collective: coefficient',
      'BANG_KHEN_TTG/collective: standard',
      'BANG_KHEN_TTG/individual: coefficient', // confirmed for NĐ 152 only
      'HCLD_2/individual: standard',
      'HCLD_1/individual: standard',
      'HCLD_3/collective: standard',
      'policy: councilQuorum',
    ]) {
      expect(flags).toContain(expected);
    }
    // confirmed facts are not flagged
    expect(flags).not.toContain('LDTT/individual: coefficient');
    expect(flags).not.toContain('HCLD_3/individual: standard');
    expect(listUnconfirmed(RULE_SET_2025_07)).not.toContain('BANG_KHEN_TTG/individual: coefficient');
    // the old caps are configured but disabled by default
    expect(findRule(RULE_SET_2024, 'CSTDCS')!.subjects.individual!.cap.value).toMatchObject({
      enabled: false,
      ratio: { num: 15, den: 100 },
      base: 'ldtt_holders',
    });
    expect(findRule(RULE_SET_2024, 'CSTD_TINH')!.subjects.individual!.vote.value).toEqual({
      ratio: { num: 9, den: 10 },
      strict: false,
      denominator: 'all_members',
      secretBallot: true,
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RULE_SET_2024)).toBe(true);
    expect(Object.isFrozen(RULE_SET_2024.rules[0]!.subjects.individual!.conditions)).toBe(true);
    expect(() => {
      (RULE_SET_2024 as { version: number }).version = 9;
    }).toThrow(TypeError);
  });
});

describe('deriveRuleSet', () => {
  it('returns a new version and never mutates the base', () => {
    const before = JSON.stringify(RULE_SET_2024);
    const next = deriveRuleSet(
      RULE_SET_2024,
      [
        {
          op: 'setCoefficient',
          code: 'GIAY_KHEN',
          subject: 'individual',
          value: '0.5',
          citation: 'Quyết định 12/2025/QĐ-UBND',
          unconfirmed: false,
        },
        {
          op: 'setVote',
          code: 'CSTDCS',
          subject: 'individual',
          value: {
            ratio: { num: 2, den: 3 },
            strict: false,
            denominator: 'present_members',
            secretBallot: true,
          },
        },
        {
          op: 'setCap',
          code: 'CSTDCS',
          subject: 'individual',
          value: {
            enabled: true,
            ratio: { num: 15, den: 100 },
            base: 'ldtt_holders',
            rounding: 'floor',
            minimum: 1,
          },
        },
        { op: 'setAuthority', code: 'GIAY_KHEN', value: 'Giám đốc Bệnh viện', unconfirmed: false },
        {
          op: 'setConditionParams',
          code: 'TTLDXS',
          subject: 'collective',
          conditionId: 'ttldxs.ldtt-share',
          params: { atLeast: { num: 3, den: 4 } },
        },
        {
          op: 'setPolicy',
          policy: 'councilQuorum',
          value: { value: { ratio: { num: 2, den: 3 }, strict: false } },
        },
      ],
      META,
    );
    expect(JSON.stringify(RULE_SET_2024)).toBe(before);
    expect(next).not.toBe(RULE_SET_2024);
    expect(next.version).toBe(2);
    expect(next.effectiveFrom).toBe('2026-01-01');
    expect(next.basedOn).toEqual({ id: 'tdkt-vn', version: 1 });
    const gk = findRule(next, 'GIAY_KHEN')!;
    expect(gk.version).toBe(2);
    expect(gk.subjects.individual!.coefficient).toEqual({
      value: '0.5',
      citation: 'Quyết định 12/2025/QĐ-UBND',
      note: expect.any(String),
    });
    expect(gk.authority.value).toBe('Giám đốc Bệnh viện');
    expect(findRule(next, 'CSTDCS')!.version).toBe(2);
    expect(findRule(next, 'CSTDCS')!.subjects.individual!.vote.unconfirmed).toBe(true); // kept unless stated
    expect(findRule(next, 'LDTT')!.version).toBe(1); // untouched rules keep their version
    let share: unknown;
    walkCondition(findRule(next, 'TTLDXS')!.subjects.collective!.conditions, (n) => {
      if (n.id === 'ttldxs.ldtt-share') share = n;
    });
    expect(share).toMatchObject({ atLeast: { num: 3, den: 4 } });
    expect(next.policies.councilQuorum.value.ratio).toEqual({ num: 2, den: 3 });
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('rejects unknown targets, protected keys and invalid results', () => {
    const bad = (changes: Parameters<typeof deriveRuleSet>[1]) => () =>
      deriveRuleSet(RULE_SET_2024, changes, META);
    expect(bad([{ op: 'setCoefficient', code: 'CSTD_TQ', subject: 'collective', value: '1.0' }])).toThrow(
      RuleSetError,
    );
    expect(
      bad([
        { op: 'setConditionParams', code: 'LDTT', subject: 'individual', conditionId: 'nope', params: {} },
      ]),
    ).toThrow(/unknown condition nope/);
    expect(
      bad([
        {
          op: 'setConditionParams',
          code: 'LDTT',
          subject: 'individual',
          conditionId: 'ldtt.rating',
          params: { type: 'awardInYear' },
        },
      ]),
    ).toThrow(/type cannot be changed/);
    expect(
      bad([
        {
          op: 'setConditionParams',
          code: 'LDTT',
          subject: 'individual',
          conditionId: 'ldtt.rating',
          params: { atLeast: 'XUAT_SAC' },
        },
      ]),
    ).toThrow(/invalid atLeast/);
    expect(bad([{ op: 'setCoefficient', code: 'LDTT', subject: 'individual', value: '0,3' }])).toThrow(
      /coefficient/,
    );
    expect(
      bad([
        {
          op: 'replaceConditions',
          code: 'LDTT',
          subject: 'individual',
          conditions: cond.qualifiesFor({ id: 'loop', code: 'CSTDCS', citation: 'x' }),
        },
      ]),
    ).toThrow(/cycle/);
  });

  it('validates hand-built rule sets', () => {
    expect(() => createRuleSet({ ...RULE_SET_2024, effectiveFrom: '01/01/2024' })).toThrow(/effectiveFrom/);
    expect(() =>
      createRuleSet({ ...RULE_SET_2024, rules: [...RULE_SET_2024.rules, RULE_SET_2024.rules[0]!] }),
    ).toThrow(/duplicate/);
  });
});

describe('ruleSetFor', () => {
  it('chooses the version in force on a date', () => {
    expect(ruleSetFor('2023-12-31', SHIPPED_RULE_SETS)).toBeUndefined();
    expect(ruleSetFor('2024-01-01', SHIPPED_RULE_SETS)).toBe(RULE_SET_2024);
    expect(ruleSetFor('2025-06-30', SHIPPED_RULE_SETS)).toBe(RULE_SET_2024);
    expect(ruleSetFor('2025-07-01', SHIPPED_RULE_SETS)).toBe(RULE_SET_2025_07);
    const sameDay = deriveRuleSet(RULE_SET_2025_07, [], { ...META, effectiveFrom: '2025-07-01' });
    expect(ruleSetFor('2025-08-01', [sameDay, ...SHIPPED_RULE_SETS])).toBe(sameDay);
  });
});

describe('base salary table', () => {
  it('gives 1,800,000 before 01/07/2024 and 2,340,000 from then on (NĐ 73/2024)', () => {
    expect(baseSalaryOn('2024-06-30')).toBe(1_800_000);
    expect(baseSalaryOn('2024-07-01')).toBe(2_340_000);
    expect(baseSalaryOn('2026-03-01')).toBe(2_340_000);
    expect(baseSalaryEntryOn('2024-07-01')!.citation).toContain('73/2024/NĐ-CP');
    expect(() => baseSalaryOn('2020-01-01')).toThrow(RangeError);
    const table = [
      ...BASE_SALARY_TABLE,
      { validFrom: '2026-07-01', amount: 2_530_000, citation: 'giả định' },
    ];
    expect(baseSalaryOn('2026-07-01', table)).toBe(2_530_000);
  });
});
