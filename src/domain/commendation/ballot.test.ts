import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotOutcome, DEFAULT_QUORUM, minimumCount } from './ballot';
import { findRule, RULE_SET_2024 } from './catalog';

const ninetyOfAll = findRule(RULE_SET_2024, 'CSTD_TINH')!.subjects.individual!.vote.value!;
const majorityPresent = { ratio: { num: 1, den: 2 }, strict: true, denominator: 'present_members' as const };

describe('ballot outcome', () => {
  it('≥ 90 % of all 11 members: 10 is exactly at the threshold (9.9 → 10), 9 below, 11 above', () => {
    const at = (agree: number) =>
      ballotOutcome({ agree, disagree: 11 - agree, councilSize: 11, present: 9, threshold: ninetyOfAll });
    expect(at(10)).toMatchObject({ status: 'passed', required: 10, denominatorCount: 11 });
    expect(at(9)).toMatchObject({ status: 'failed', required: 10 });
    expect(at(11)).toMatchObject({ status: 'passed' });
    expect(at(10).summary).toBe('10/11 tổng số thành viên Hội đồng đồng ý (cần ít nhất 10): đạt.');
  });

  it('≥ 90 % of 10 members: 9 is exactly 90 %', () => {
    const at = (agree: number) =>
      ballotOutcome({ agree, disagree: 10 - agree, councilSize: 10, present: 10, threshold: ninetyOfAll });
    expect(at(9).status).toBe('passed');
    expect(at(8).status).toBe('failed');
    expect(at(10).status).toBe('passed');
  });

  it('more than half of those present: exactly half fails, one more passes', () => {
    const at = (agree: number) =>
      ballotOutcome({ agree, disagree: 8 - agree, councilSize: 9, present: 8, threshold: majorityPresent });
    expect(at(4)).toMatchObject({ status: 'failed', required: 5 });
    expect(at(5)).toMatchObject({ status: 'passed', required: 5 });
    expect(at(3).status).toBe('failed');
    expect(at(6).status).toBe('passed');
  });

  it('checks the quorum (default: more than half of the members present, unconfirmed)', () => {
    expect(DEFAULT_QUORUM.unconfirmed).toBe(true);
    const r = (present: number) =>
      ballotOutcome({ agree: present, disagree: 0, councilSize: 10, present, threshold: majorityPresent });
    expect(r(5)).toMatchObject({
      status: 'no_quorum',
      quorumMet: false,
      thresholdMet: true,
      quorumRequired: 6,
    });
    expect(r(5).summary).toBe('Không đủ số thành viên tham dự: có mặt 5/10, cần ít nhất 6.');
    expect(r(6)).toMatchObject({ status: 'passed', quorumMet: true });
    const twoThirds = { ratio: { num: 2, den: 3 }, strict: false };
    expect(
      ballotOutcome({
        agree: 6,
        disagree: 0,
        councilSize: 9,
        present: 6,
        threshold: majorityPresent,
        quorum: twoThirds,
      }).quorumMet,
    ).toBe(true);
    expect(
      ballotOutcome({
        agree: 5,
        disagree: 0,
        councilSize: 9,
        present: 5,
        threshold: majorityPresent,
        quorum: twoThirds,
      }).quorumMet,
    ).toBe(false);
  });

  it('written votes of absent members count only towards all-member thresholds', () => {
    expect(
      ballotOutcome({ agree: 10, disagree: 1, councilSize: 11, present: 8, threshold: ninetyOfAll }).status,
    ).toBe('passed');
    expect(() =>
      ballotOutcome({ agree: 9, disagree: 0, councilSize: 11, present: 8, threshold: majorityPresent }),
    ).toThrow(RangeError);
    expect(() =>
      ballotOutcome({ agree: 1, disagree: 0, councilSize: 5, present: 6, threshold: majorityPresent }),
    ).toThrow(RangeError);
    expect(() =>
      ballotOutcome({ agree: -1, disagree: 0, councilSize: 5, present: 5, threshold: majorityPresent }),
    ).toThrow(RangeError);
  });

  it('property: minimumCount is the smallest count reaching the ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        (den, numRaw, n, strict) => {
          const num = numRaw % (den + 1);
          const k = minimumCount({ num, den }, n, strict);
          const reaches = (x: number) => (strict ? x * den > num * n : x * den >= num * n);
          expect(reaches(k)).toBe(true);
          if (k > 0) expect(reaches(k - 1)).toBe(false);
        },
      ),
    );
  });
});
