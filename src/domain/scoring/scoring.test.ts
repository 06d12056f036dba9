import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTransition } from '../commendation/workflow';
import {
  type Criterion,
  maxTotal,
  rankBlock,
  SCORE_SHEET_WORKFLOW,
  scoreCriteria,
  validateCriteria,
  validateEntries,
} from './index';

const c = (
  id: string,
  parentId: string | null,
  maxPoints: number,
  extra: Partial<Criterion> = {},
): Criterion => ({
  id,
  parentId,
  code: id,
  name: `Tiêu chí ${id}`,
  maxPoints,
  weight: 1,
  evidenceRequired: false,
  sort: 0,
  ...extra,
});

// 1 (max 60): 1.1 (max 40), 1.2 (max 30, evidence);  2 (max 40, weight 0.5 → 20 points at most)
const SET = [
  c('1', null, 60),
  c('1.1', '1', 40),
  c('1.2', '1', 30, { evidenceRequired: true }),
  c('2', null, 40, { weight: 0.5 }),
];

describe('criteria sets', () => {
  it('scores a hand-checked tree (parent capped, weights applied)', () => {
    expect(maxTotal(SET)).toBe(80);
    const r = scoreCriteria(
      SET,
      new Map([
        ['1.1', 35],
        ['1.2', 30],
        ['2', 30],
      ]),
    );
    expect(r.nodes.get('1')!.points).toBe(60); // 65 capped at 60
    expect(r.total).toBe(75); // 60 + 30 × 0.5
    expect(scoreCriteria(SET, new Map([['1.1', 10]])).total).toBe(10);
    expect(scoreCriteria(SET, new Map()).total).toBeNull();
  });
  it('never exceeds the maximum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -50, max: 200, noNaN: true }), { minLength: 3, maxLength: 3 }),
        ([a, b, d]) => {
          const t = scoreCriteria(
            SET,
            new Map([
              ['1.1', a!],
              ['1.2', b!],
              ['2', d!],
            ]),
          ).total!;
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(maxTotal(SET));
        },
      ),
    );
  });
  it('validates sets and entries in Vietnamese', () => {
    expect(validateCriteria(SET)).toEqual([]);
    const bad = validateCriteria([c('1', null, 0), c('1', 'x', 5), c('a', 'b', 1), c('b', 'a', 1)]);
    expect(bad.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Tiêu chí 1: điểm tối đa phải lớn hơn 0.',
        'Mã tiêu chí 1 bị trùng.',
        'Tiêu chí 1: tiêu chí cha không có trong bộ tiêu chí.',
      ]),
    );
    expect(bad.some((i) => i.message.includes('vòng lặp'))).toBe(true);
    const issues = validateEntries(
      SET,
      [
        { criterionId: '1', points: 5 },
        { criterionId: '1.1', points: 41 },
        { criterionId: '1.2', points: 10 },
      ],
      {
        checkEvidence: true,
        requireAll: true,
      },
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Tiêu chí không thuộc bộ tiêu chí hoặc không phải tiêu chí chấm điểm.',
      'Tiêu chí 1.1: điểm phải từ 0 đến 40.',
      'Tiêu chí 1.2 phải có tài liệu minh chứng.',
      'Chưa chấm điểm tiêu chí 2.',
    ]);
    expect(
      validateEntries(SET, [{ criterionId: '1.2', points: 10, evidenceFileIds: ['f'] }], {
        checkEvidence: true,
      }),
    ).toEqual([]);
  });
});

describe('block ranking', () => {
  it('shares ranks on ties and brings every tied leader in', () => {
    const r = rankBlock(
      [
        { orgId: 'a', total: 90 },
        { orgId: 'b', total: 95 },
        { orgId: 'c', total: 95 },
        { orgId: 'd', total: 80 },
        { orgId: 'e', total: null },
      ],
      1,
    );
    expect(r.map((x) => [x.orgId, x.rank, x.leader])).toEqual([
      ['b', 1, true],
      ['c', 1, true],
      ['a', 3, false],
      ['d', 4, false],
      ['e', null, false],
    ]);
  });
});

describe('score sheet workflow', () => {
  it('goes self-score → appraisal → final with the right permissions', () => {
    expect(applyTransition(SCORE_SHEET_WORKFLOW, 'draft', 'submit', ['score.self'])).toMatchObject({
      ok: true,
      to: 'self_submitted',
    });
    expect(applyTransition(SCORE_SHEET_WORKFLOW, 'draft', 'submit', ['score.appraise'])).toMatchObject({
      ok: false,
      error: 'permission_denied',
    });
    expect(
      applyTransition(SCORE_SHEET_WORKFLOW, 'self_submitted', 'return', ['score.appraise']),
    ).toMatchObject({ ok: false, error: 'reason_required' });
    expect(
      applyTransition(SCORE_SHEET_WORKFLOW, 'draft', 'finalize', ['emulationGroup.manage']),
    ).toMatchObject({ ok: false, error: 'transition_not_allowed' });
  });
});
