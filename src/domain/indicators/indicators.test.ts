import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combine,
  competitionRank,
  digitalTransformationIndex,
  elapsedInYear,
  multiYearAverage,
  normalise,
  parsePeriod,
  periodEnd,
  periodLabel,
  progressOf,
  rollUpTree,
  yearValue,
} from './index';

describe('periods', () => {
  it('gives the last day of a period', () => {
    expect(periodEnd(2024, 'M02')).toBe('2024-02-29');
    expect(periodEnd(2025, 'M02')).toBe('2025-02-28');
    expect(periodEnd(2025, 'Q2')).toBe('2025-06-30');
    expect(periodEnd(2025, 'Y')).toBe('2025-12-31');
  });
  it('reads periods typed by people', () => {
    expect(parsePeriod('Quý II')).toBe('Q2');
    expect(parsePeriod('quy 4')).toBe('Q4');
    expect(parsePeriod('Tháng 3')).toBe('M03');
    expect(parsePeriod('T12')).toBe('M12');
    expect(parsePeriod('Năm')).toBe('Y');
    expect(parsePeriod('Quý 5')).toBeNull();
    expect(parsePeriod('Tháng 13')).toBeNull();
    expect(parsePeriod('')).toBeNull();
  });
  it('labels periods in Vietnamese', () => {
    expect(periodLabel(2025, 'Q3')).toBe('Quý III/2025');
    expect(periodLabel(2025, 'M07')).toBe('Tháng 7/2025');
  });
  it('combines the periods of a year', () => {
    const v = [
      { period: 'Q1', value: 10 },
      { period: 'Q3', value: 30 },
      { period: 'Q2', value: 20 },
    ];
    expect(yearValue(v, 'last')).toBe(30);
    expect(yearValue(v, 'sum')).toBe(60);
    expect(yearValue(v, 'average')).toBe(20);
    expect(yearValue([...v, { period: 'Y', value: 99 }], 'sum')).toBe(99);
    expect(yearValue([], 'last')).toBeNull();
    // months and quarters both present: sum only the months (no double counting)
    expect(
      yearValue(
        [
          { period: 'Q1', value: 6 },
          { period: 'M01', value: 1 },
          { period: 'M02', value: 2 },
        ],
        'sum',
      ),
    ).toBe(3);
  });
});

describe('roll-up', () => {
  it('sums, averages and weighs children, leaving out those without data', () => {
    expect(combine('sum', [{ value: 1 }, { value: null }, { value: 4 }])).toBe(5);
    expect(combine('average', [{ value: 90 }, { value: null }, { value: 96 }])).toBe(93);
    // 80 % of 1,000 adults and 95 % of 3,000 adults → (800 + 2,850) / 4,000 = 91.25 %
    expect(
      combine('weighted', [
        { value: 80, weight: 1000 },
        { value: 95, weight: 3000 },
      ]),
    ).toBe(91.25);
    expect(combine('average', [{ value: null }])).toBeNull();
    expect(combine('weighted', [{ value: 50, weight: null }])).toBeNull();
  });

  it('rolls a hand-checked tree up (own value wins, weights summed upwards)', () => {
    // Sở ─ TTYT A (khoa A1 70 % of 100, khoa A2 90 % of 300) ─ BV B (own 60 %, weight 200)
    const nodes = [
      { id: 'so', parentId: null },
      { id: 'a', parentId: 'so' },
      { id: 'a1', parentId: 'a' },
      { id: 'a2', parentId: 'a' },
      { id: 'b', parentId: 'so' },
    ];
    const own = new Map([
      ['a1', 70],
      ['a2', 90],
      ['b', 60],
    ]);
    const weights = new Map([
      ['a1', 100],
      ['a2', 300],
      ['b', 200],
    ]);
    const avg = rollUpTree(nodes, 'average', own);
    expect(avg.get('a')).toBe(80);
    expect(avg.get('so')).toBe(70); // (80 + 60) / 2
    const w = rollUpTree(nodes, 'weighted', own, weights);
    expect(w.get('a')).toBe(85); // (70·100 + 90·300) / 400
    expect(w.get('so')).toBe((85 * 400 + 60 * 200) / 600); // 76.67, same as over the leaves
    const sum = rollUpTree(nodes, 'sum', own);
    expect(sum.get('so')).toBe(220);
    expect(rollUpTree(nodes, 'sum', new Map()).get('so')).toBeNull();
  });

  it('weighted roll-up of a tree equals the weighted mean over its leaves (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 1000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (leaves) => {
          const nodes = [
            { id: 'r', parentId: null },
            { id: 'm', parentId: 'r' },
            ...leaves.map((_, i) => ({ id: `l${i}`, parentId: i % 2 ? 'r' : 'm' })),
          ];
          const own = new Map(leaves.map(([v], i) => [`l${i}`, v]));
          const weights = new Map(leaves.map(([, w], i) => [`l${i}`, w]));
          const expected = leaves.reduce((s, [v, w]) => s + v * w, 0) / leaves.reduce((s, [, w]) => s + w, 0);
          expect(rollUpTree(nodes, 'weighted', own, weights).get('r')).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});

describe('progress', () => {
  it('judges a value against its target in either direction', () => {
    expect(progressOf({ value: 96, target: 95, direction: 'higher' }).status).toBe('met');
    expect(progressOf({ value: 85, target: 95, direction: 'higher', elapsed: 0.5 }).status).toBe('on_track');
    expect(progressOf({ value: 40, target: 95, direction: 'higher', elapsed: 0.75 }).status).toBe('behind');
    expect(progressOf({ value: 94.9, target: 95, direction: 'higher' }).status).toBe('behind');
    expect(progressOf({ value: 3, target: 5, direction: 'lower' }).status).toBe('met');
    expect(progressOf({ value: 10, target: 5, direction: 'lower', elapsed: 0.3 }).status).toBe('on_track');
    expect(progressOf({ value: 10, target: 5, direction: 'lower', elapsed: 0.9 }).status).toBe('behind');
    expect(progressOf({ value: null, target: 95, direction: 'higher' }).status).toBe('no_data');
    expect(progressOf({ value: 50, target: null, direction: 'higher' }).status).toBe('no_data');
  });
  it('measures elapsed share of a year', () => {
    expect(elapsedInYear(2025, '2025-01-01')).toBe(0);
    expect(elapsedInYear(2025, '2025-07-02')).toBeCloseTo(182 / 365, 9);
    expect(elapsedInYear(2025, '2026-03-01')).toBe(1);
  });
});

describe('digital-transformation index and rank', () => {
  it('normalises within bounds in the better direction', () => {
    expect(normalise(75, 50, 100, 'higher')).toBe(50);
    expect(normalise(120, 50, 100, 'higher')).toBe(100);
    expect(normalise(2, 0, 10, 'lower')).toBe(80);
  });
  it('is the weighted mean of normalised components, missing ones scoring 0', () => {
    const comps = [
      { code: 'EHR', weight: 2, min: 0, max: 100, direction: 'higher' as const },
      { code: 'CASHLESS', weight: 1, min: 0, max: 50, direction: 'higher' as const },
    ];
    const r = digitalTransformationIndex(
      comps,
      new Map([
        ['EHR', 90],
        ['CASHLESS', 25],
      ]),
    );
    expect(r.index).toBe((90 * 2 + 50 * 1) / 3);
    const missing = digitalTransformationIndex(comps, new Map([['EHR', 90]]));
    expect(missing.index).toBe(60);
    expect(missing.missing).toEqual(['CASHLESS']);
    expect(digitalTransformationIndex(comps, new Map()).index).toBeNull();
  });
  it('ranks with ties as 1, 2, 2, 4 and leaves unscored items unranked', () => {
    const r = competitionRank(
      ['a', 'b', 'c', 'd', 'e'],
      (x) => ({ a: 90, b: 80, c: 80, d: 70, e: null })[x] ?? null,
    );
    expect(r.map((x) => [x.item, x.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['e', null],
    ]);
    expect(competitionRank([1, 2, 3], (x) => x, 'asc').map((x) => x.rank)).toEqual([1, 2, 3]);
    // float sums that are equal up to rounding tie
    expect(competitionRank([0.1 + 0.2, 0.3], (x) => x).map((x) => x.rank)).toEqual([1, 1]);
  });
  it('ranks form a competition ranking (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }), (scores) => {
        const r = competitionRank(scores, (s) => s);
        for (const x of r) expect(x.rank).toBe(1 + scores.filter((s) => s > x.score!).length);
      }),
    );
  });
  it('averages ranks and scores over a five-year window', () => {
    const byYear = new Map([
      [2025, { score: 80, rank: 2 }],
      [2026, { score: 90, rank: 1 }],
      [2027, { score: null, rank: null }],
      [2028, { score: 70, rank: 3 }],
      [2031, { score: 10, rank: 9 }],
    ]);
    expect(multiYearAverage(byYear, 2025, 2029)).toEqual({ averageRank: 2, averageScore: 80, years: 3 });
  });
});
