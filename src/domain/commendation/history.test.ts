import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consecutiveRunLength, countFromYear, indexHistory, latestAwardBefore, runEndingAt } from './history';
import { awards, collective, discipline, members, person } from './test-fixtures';

/** Naive reference: sort the years, cut them into maximal runs of step `stride`, return the length of the run that ends at `end`. */
function naiveRunLength(years: number[], end: number, stride: number): number {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  // group into chains by residue class, then scan
  let best = 0;
  for (const start of sorted) {
    let len = 0;
    let y = start;
    while (sorted.includes(y)) {
      len += 1;
      if (y === end) best = Math.max(best, len);
      y += stride;
    }
  }
  // the run ending at `end` is the longest chain that reaches `end` exactly
  return best;
}

describe('consecutive-year counting', () => {
  it('counts the run that ends at the evaluation year', () => {
    expect(consecutiveRunLength([2022, 2023, 2024], 2024)).toBe(3);
    expect(consecutiveRunLength([2022, 2024], 2024)).toBe(1);
    expect(consecutiveRunLength([2020, 2021, 2023, 2024], 2024)).toBe(2);
    expect(consecutiveRunLength([2022, 2023], 2024)).toBe(0);
    expect(consecutiveRunLength([2018, 2021, 2024], 2024, 3)).toBe(3);
    expect(consecutiveRunLength([2021, 2023, 2024], 2024, 3)).toBe(2);
  });

  it('property: agrees with a naive reference on random year sets and strides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2000, max: 2030 }), { maxLength: 25 }),
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 1, max: 4 }),
        (years, end, stride) => {
          expect(consecutiveRunLength(years, end, stride)).toBe(naiveRunLength(years, end, stride));
        },
      ),
    );
  });

  it('property: runEndingAt returns exactly the run years and stops for the right reason', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2000, max: 2030 }), { maxLength: 25 }),
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1995, max: 2030 }), { nil: undefined }),
        (years, end, stride, floor) => {
          const set = new Set(years);
          const r = runEndingAt(end, (y) => (set.has(y) ? 'yes' : 'no'), { stride, floor });
          const expectedLen =
            floor === undefined
              ? naiveRunLength(years, end, stride)
              : Math.min(
                  naiveRunLength(years, end, stride),
                  end >= floor ? Math.floor((end - floor) / stride) + 1 : 0,
                );
          expect(r.years.length).toBe(expectedLen);
          expect(r.years.every((y, i) => y === end - i * stride)).toBe(true);
          const next = end - r.years.length * stride;
          expect(r.stop?.year).toBe(next);
          expect(r.stop?.reason).toBe(floor !== undefined && next < floor ? 'boundary' : 'absent');
        },
      ),
    );
  });

  it('stops at missing data and respects a maximum length', () => {
    const known = new Map([
      [2024, true],
      [2023, true],
      [2021, true],
    ]);
    const test = (y: number) =>
      (known.has(y) ? 'yes' : y === 2022 ? 'unknown' : 'no') as 'yes' | 'no' | 'unknown';
    expect(runEndingAt(2024, test)).toEqual({ years: [2024, 2023], stop: { year: 2022, reason: 'missing' } });
    expect(runEndingAt(2024, test, { maxLength: 1 })).toEqual({ years: [2024], stop: null });
  });
});

describe('history index', () => {
  it('indexes awards and the best rating per year', () => {
    const idx = indexHistory(
      person({
        ratings: [
          { year: 2024, rating: 'HTTNV' },
          { year: 2024, rating: 'HTXSNV' },
        ],
        awards: [...awards('CSTDCS', 2022, 2024), { code: 'CSTDCS', year: 2024, decisionNumber: '3/QĐ-SYT' }],
      }),
    );
    expect(idx.ratingByYear.get(2024)).toBe('HTXSNV');
    expect([...idx.awards.get('CSTDCS')!.keys()].sort()).toEqual([2022, 2024]);
    expect(idx.awards.get('CSTDCS')!.get(2024)?.decisionNumber).toBe('3/QĐ-SYT');
    expect(latestAwardBefore(idx, ['CSTDCS'], 2024)).toEqual({ code: 'CSTDCS', year: 2022 });
    expect(latestAwardBefore(idx, ['CSTDCS'], 2022)).toBeNull();
  });

  it('adds up member summaries of several organisations in one year, once per organisation', () => {
    const idx = indexHistory(
      collective({
        members: [
          members(2024, 10, { titles: { LDTT: 6 }, ratings: { HTTNV: 10 }, orgId: 'A' }),
          members(2024, 5, { titles: { LDTT: 4 }, ratings: { HTNV: 5 }, warned: 1, orgId: 'B' }),
          members(2024, 5, { titles: { LDTT: 4 }, orgId: 'B' }),
        ],
      }),
    );
    const m = idx.members.get(2024)!;
    expect(m.total).toBe(15);
    expect(m.titleCounts.LDTT).toBe(10);
    expect(m.ratingCounts).toEqual({ HTXSNV: 0, HTTNV: 10, HTNV: 5, KHTNV: 0 });
    expect(m.disciplinedAtLeastWarning).toBe(1);
  });

  it('achievements count from the year after a discipline period ends', () => {
    const idx = indexHistory(
      person({
        disciplines: [discipline('2021-03-01', '2021-08-31'), discipline('2023-11-01', '2024-01-31')],
      }),
    );
    expect(countFromYear(idx, 2020)).toBe(Number.NEGATIVE_INFINITY);
    expect(countFromYear(idx, 2021)).toBe(2022);
    expect(countFromYear(idx, 2022)).toBe(2022);
    expect(countFromYear(idx, 2023)).toBe(2025);
    expect(countFromYear(idx, 2025)).toBe(2025);
    const open = indexHistory(person({ disciplines: [discipline('2024-05-01', null)] }));
    expect(countFromYear(open, 2024)).toBe(Number.POSITIVE_INFINITY);
  });
});
