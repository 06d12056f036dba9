import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppliedCap,
  applyCaps,
  type CapCandidate,
  capLimit,
  compareByKey,
  DEFAULT_RANKING,
} from './caps';
import type { CapDefinition } from './catalog';
import { findRule, RULE_SET_2024 } from './catalog';
import { RATINGS } from './codes';

const cstdcsCap = findRule(RULE_SET_2024, 'CSTDCS')!.subjects.individual!.cap.value!;
const enabled = (d: CapDefinition): CapDefinition => ({ ...d, enabled: true });

describe('cap limits', () => {
  it('floors ratio × base so that the cap is never exceeded', () => {
    const cap = (baseCount: number): AppliedCap => ({ definition: enabled(cstdcsCap), baseCount });
    expect(capLimit(cap(33))).toBe(4); // 15 % × 33 = 4.95
    expect(capLimit(cap(40))).toBe(6); // exactly 6
    expect(capLimit(cap(6))).toBe(0);
    expect(capLimit({ definition: { ...enabled(cstdcsCap), minimum: 1 }, baseCount: 6 })).toBe(1);
    expect(
      capLimit({ definition: { ...enabled(cstdcsCap), rounding: 'round_half_up' }, baseCount: 10 }),
    ).toBe(2); // 1.5 → 2
    expect(capLimit({ definition: { ...enabled(cstdcsCap), rounding: 'round_half_up' }, baseCount: 9 })).toBe(
      1,
    ); // 1.35 → 1
    expect(capLimit({ definition: { ...enabled(cstdcsCap), rounding: 'ceil' }, baseCount: 9 })).toBe(2);
    expect(capLimit({ definition: cstdcsCap, baseCount: 33 })).toBeNull(); // disabled by default
  });
});

describe('applyCaps', () => {
  const people: CapCandidate[] = [
    { id: 'p1', rating: 'HTTNV', initiatives: 2, score: 90 },
    { id: 'p2', rating: 'HTXSNV', initiatives: 0, score: 80 },
    { id: 'p3', rating: 'HTXSNV', initiatives: 1, score: 70 },
    { id: 'p4', rating: 'HTXSNV', initiatives: 1, score: 95 },
    { id: 'p5', rating: 'HTXSNV', initiatives: 1, score: 95 },
  ];

  it('accepts the top-ranked candidates and reports ties at the cut', () => {
    const r = applyCaps(people, { definition: enabled(cstdcsCap), baseCount: 14 }); // 2.1 → 2
    expect(r.limit).toBe(2);
    expect(r.accepted.map((c) => c.id)).toEqual(['p4', 'p5']);
    expect(r.rejectedByCap.map((c) => c.id)).toEqual(['p3', 'p2', 'p1']);
    expect(r.tiedAtCut).toEqual([]);
    const r1 = applyCaps(people, { definition: enabled(cstdcsCap), baseCount: 7 }); // 1.05 → 1
    expect(r1.accepted.map((c) => c.id)).toEqual(['p4']);
    expect(r1.tiedAtCut.map((c) => c.id)).toEqual(['p5']);
  });

  it('accepts everyone, ranked, when the cap is disabled; rejects duplicates', () => {
    const r = applyCaps(people, { definition: cstdcsCap, baseCount: 1 });
    expect(r.limit).toBeNull();
    expect(r.accepted.map((c) => c.id)).toEqual(['p4', 'p5', 'p3', 'p2', 'p1']);
    expect(() => applyCaps([people[0]!, people[0]!], { definition: cstdcsCap, baseCount: 1 })).toThrow(
      RangeError,
    );
  });

  it('supports other ranking keys (e.g. votes first)', () => {
    const r = applyCaps(
      [
        { id: 'a', votes: 7, rating: 'HTXSNV' },
        { id: 'b', votes: 9, rating: 'HTTNV' },
        { id: 'c', rating: 'HTXSNV' },
      ],
      { definition: { ...enabled(cstdcsCap), ratio: { num: 1, den: 1 } }, baseCount: 2 },
      [{ field: 'votes' }, { field: 'rating' }],
    );
    expect(r.accepted.map((c) => c.id)).toEqual(['b', 'a']);
  });

  const candidate = fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 4 }),
      rating: fc.constantFrom(...RATINGS),
      initiatives: fc.integer({ min: 0, max: 3 }),
      score: fc.integer({ min: 0, max: 5 }),
    },
    { requiredKeys: ['id'] },
  );
  const candidates = fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 30 });
  const cap = fc.record({
    num: fc.integer({ min: 0, max: 100 }),
    base: fc.integer({ min: 0, max: 60 }),
    rounding: fc.constantFrom('floor' as const, 'round_half_up' as const, 'ceil' as const),
  });

  it('property: never more accepted than the cap, accepted are the top-ranked, deterministic', () => {
    fc.assert(
      fc.property(candidates, cap, fc.infiniteStream(fc.nat()), (cs, c, seeds) => {
        const applied: AppliedCap = {
          definition: {
            enabled: true,
            ratio: { num: c.num, den: 100 },
            base: 'ldtt_holders',
            rounding: c.rounding,
            minimum: 0,
          },
          baseCount: c.base,
        };
        const limit = capLimit(applied)!;
        const r = applyCaps(cs, applied);
        expect(r.accepted.length).toBe(Math.min(limit, cs.length));
        expect(r.accepted.length + r.rejectedByCap.length).toBe(cs.length);
        for (const a of r.accepted)
          for (const x of r.rejectedByCap) expect(compareByKey(a, x, DEFAULT_RANKING)).toBeLessThanOrEqual(0);
        // shuffled input gives the same result
        const it = seeds[Symbol.iterator]();
        const shuffled = [...cs].sort(() => (it.next().value % 3) - 1);
        expect(applyCaps(shuffled, applied)).toEqual(r);
      }),
    );
  });
});
