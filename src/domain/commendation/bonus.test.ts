import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonusForAward, computeBonus, formatCoefficient, parseCoefficient, roundUpTo } from './bonus';
import { RULE_SET_2024, RULE_SET_2025_07 } from './catalog';

describe('bonus arithmetic', () => {
  it('rounds coefficient × 2,340,000 up to the next 10,000 đ (law.md §1c)', () => {
    expect(computeBonus('0.3', 2_340_000)).toMatchObject({ exact: '702000', amount: 710_000 });
    expect(computeBonus('0.8', 2_340_000)).toMatchObject({ exact: '1872000', amount: 1_880_000 });
    expect(computeBonus('1.0', 2_340_000).amount).toBe(2_340_000);
    expect(computeBonus('4.5', 2_340_000).amount).toBe(10_530_000);
    expect(computeBonus('12.0', 2_340_000).amount).toBe(28_080_000);
    expect(computeBonus('0.333', 1_000_000)).toMatchObject({ exact: '333000', amount: 340_000 });
    expect(computeBonus('0.001', 1_001)).toMatchObject({ exact: '1.001', amount: 10_000 });
  });

  it('uses the base salary in force on the decision date and the rule set coefficient', () => {
    const ldtt = bonusForAward(RULE_SET_2025_07, 'LDTT', 'individual', '2025-12-20')!;
    expect(ldtt.amount).toBe(710_000);
    expect(ldtt.baseSalaryCitation).toContain('73/2024');
    expect(bonusForAward(RULE_SET_2025_07, 'TTLDTT', 'collective', '2025-12-20')!.amount).toBe(1_880_000);
    expect(bonusForAward(RULE_SET_2025_07, 'CSTDCS', 'individual', '2025-12-20')!.amount).toBe(2_340_000);
    expect(bonusForAward(RULE_SET_2025_07, 'CO_THI_DUA_CP', 'collective', '2025-12-20')!.amount).toBe(
      28_080_000,
    );
    // before 01/07/2024 the base salary was 1,800,000: 0.3 × 1,800,000 = 540,000 exactly
    const old = bonusForAward(RULE_SET_2024, 'LDTT', 'individual', '2024-06-15')!;
    expect(old.amount).toBe(540_000);
    expect(old.unconfirmed).toBe(true); // the 1,800,000 row's start date is not confirmed
    expect(bonusForAward(RULE_SET_2024, 'GIAY_KHEN', 'individual', '2024-12-01')!.unconfirmed).toBe(true);
    expect(() => bonusForAward(RULE_SET_2024, 'CSTDCS', 'collective', '2024-12-01')).toThrow(RangeError);
  });

  it('parses and formats coefficients as thousandths', () => {
    expect(parseCoefficient('0.3')).toBe(300);
    expect(parseCoefficient('12')).toBe(12_000);
    expect(parseCoefficient('1,5')).toBe(1_500);
    expect(formatCoefficient(300)).toBe('0.3');
    expect(formatCoefficient(12_000)).toBe('12.0');
    expect(() => parseCoefficient('0.3333')).toThrow(RangeError);
    expect(() => parseCoefficient('-1')).toThrow(RangeError);
  });

  it('property: the amount is the smallest multiple of 10,000 not below the exact product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (milli, salary) => {
          const { amount } = computeBonus(formatCoefficient(milli), salary);
          const exactMilli = BigInt(milli) * BigInt(salary); // thousandths of a đồng
          expect(amount % 10_000).toBe(0);
          expect(BigInt(amount) * 1000n >= exactMilli).toBe(true);
          expect(BigInt(amount - 10_000) * 1000n < exactMilli).toBe(true);
        },
      ),
    );
    expect(roundUpTo(0)).toBe(0);
    expect(roundUpTo(10_000)).toBe(10_000);
    expect(roundUpTo(10_001)).toBe(20_000);
  });
});
