import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_SET_2024 } from './catalog';
import { AWARD_CODES, RATINGS } from './codes';
import { evaluateAward } from './eligibility';
import type { NomineeHistory } from './history';
import { mergeLineageHistories } from './lineage-merge';
import { awards, collective, initiative, leads, members, ratings } from './test-fixtures';

describe('mergeLineageHistories', () => {
  // TTYT A and TTYT B merge into C on 01/07/2025.
  const A = collective({
    id: 'A',
    displayName: 'Trung tâm Y tế huyện A',
    ratings: ratings(2022, 2024, 'HTXSNV'),
    awards: [...awards('TTLDXS', 2022, 2023), { code: 'TTLDXS', year: 2024, decisionNumber: '88/QĐ-UBND' }],
    members: [members(2024, 60, { titles: { LDTT: 40 } })],
    emulationBlockLeadership: [leads(2023)],
  });
  const B = collective({
    id: 'B',
    displayName: 'Trung tâm Y tế huyện B',
    ratings: [...ratings(2022, 2023, 'HTTNV'), ...ratings(2024, 2024, 'HTXSNV')],
    awards: awards('TTLDXS', 2024, 2021),
    members: [members(2024, 40, { titles: { LDTT: 30 } })],
    initiatives: [initiative('SK-B1', 2024)],
  });
  const C = collective({
    id: 'C',
    displayName: 'Trung tâm Y tế khu vực C',
    ratings: ratings(2025, 2025, 'HTXSNV'),
  });

  it('unions predecessors into the successor: a year counts if a predecessor held it', () => {
    const m = mergeLineageHistories([A, B, C], { id: 'C', displayName: 'Trung tâm Y tế khu vực C' });
    expect(m.id).toBe('C');
    expect(m.awards.filter((a) => a.code === 'TTLDXS').map((a) => a.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(m.awards.find((a) => a.year === 2024)!.decisionNumber).toBe('88/QĐ-UBND');
    expect(m.ratings).toEqual([
      { year: 2022, rating: 'HTXSNV' },
      { year: 2023, rating: 'HTXSNV' },
      { year: 2024, rating: 'HTXSNV' },
      { year: 2025, rating: 'HTXSNV' },
    ]);
    expect(m.members).toEqual([
      members(2024, 60, { titles: { LDTT: 40 }, orgId: 'A' }),
      members(2024, 40, { titles: { LDTT: 30 }, orgId: 'B' }),
    ]);
    expect(m.initiatives.map((i) => i.id)).toEqual(['SK-B1']);
    expect(m.emulationBlockLeadership).toEqual([leads(2023)]);
    // the engine sees the members of both predecessors together: 70/100 LĐTT
    const v = evaluateAward(m, 2024, 'TTLDTT', RULE_SET_2024);
    expect(v.conditions.find((c) => c.id === 'ttldtt.ldtt-share')!.facts[0]).toContain('70/100');
  });

  it('defaults to the most recently active history as the successor', () => {
    expect(mergeLineageHistories([A, C, B]).id).toBe('C');
    // histories without any activity still order deterministically (by id)
    const empty = (id: string) => collective({ id, displayName: `Đơn vị ${id}` });
    expect(mergeLineageHistories([empty('A'), empty('B')]).id).toBe('B');
    expect(mergeLineageHistories([empty('B'), empty('A')]).id).toBe('B');
    expect(() => mergeLineageHistories([])).toThrow(RangeError);
    expect(() => mergeLineageHistories([A, { ...A, subject: 'individual' }])).toThrow(RangeError);
  });

  const year = fc.integer({ min: 2018, max: 2025 });
  const history: fc.Arbitrary<NomineeHistory> = fc
    .record({
      id: fc.constantFrom('A', 'B', 'C', 'D'),
      ratings: fc.array(fc.record({ year, rating: fc.constantFrom(...RATINGS) }), { maxLength: 6 }),
      awards: fc.array(fc.record({ code: fc.constantFrom(...AWARD_CODES), year }), { maxLength: 6 }),
      initiatives: fc.array(fc.record({ id: fc.constantFrom('S1', 'S2', 'S3'), year, used: fc.boolean() }), {
        maxLength: 3,
      }),
      members: fc.array(
        fc.record({ year, total: fc.integer({ min: 1, max: 50 }), ldtt: fc.integer({ min: 0, max: 50 }) }),
        {
          maxLength: 3,
        },
      ),
      leads: fc.array(year, { maxLength: 2 }),
    })
    .map((r) =>
      collective({
        id: r.id,
        displayName: `Đơn vị ${r.id}`,
        ratings: r.ratings,
        awards: r.awards,
        initiatives: r.initiatives.map((i) =>
          initiative(i.id, i.year, 'unit', i.used ? { code: 'CSTDCS', year: i.year } : undefined),
        ),
        members: r.members.map((m) =>
          members(m.year, m.total, { titles: { LDTT: Math.min(m.ldtt, m.total) } }),
        ),
        emulationBlockLeadership: r.leads.map((y) => leads(y)),
      }),
    );
  const target = { id: 'Z', displayName: 'Đơn vị mới' };

  it('property: order-independent', () => {
    fc.assert(
      fc.property(
        fc.array(history, { minLength: 1, maxLength: 5 }),
        fc.infiniteStream(fc.nat()),
        (hs, seeds) => {
          const it = seeds[Symbol.iterator]();
          const shuffled = [...hs].sort(() => (it.next().value % 3) - 1);
          expect(mergeLineageHistories(shuffled, target)).toEqual(mergeLineageHistories(hs, target));
          expect(mergeLineageHistories(shuffled)).toEqual(mergeLineageHistories(hs));
        },
      ),
    );
  });

  it('property: idempotent (merging again, or with duplicates, changes nothing)', () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 5 }), (hs) => {
        const m = mergeLineageHistories(hs, target);
        expect(mergeLineageHistories([m], target)).toEqual(m);
        expect(mergeLineageHistories([...hs, ...hs], target)).toEqual(m);
        expect(mergeLineageHistories([m, ...hs], target)).toEqual(m);
      }),
    );
  });

  it('property: every predecessor title-year survives and no title-year is invented', () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 5 }), (hs) => {
        const m = mergeLineageHistories(hs, target);
        const key = (a: { code: string; year: number }) => `${a.code}:${a.year}`;
        expect(new Set(m.awards.map(key))).toEqual(new Set(hs.flatMap((h) => h.awards.map(key))));
      }),
    );
  });
});
