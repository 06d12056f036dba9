import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineageEdge, lineageFamily, predecessorsOf, successorsOn } from './lineage';

const edges: LineageEdge[] = [
  // 2025: TTYT A and TTYT B merge into new C; 2026: C is split into D and E
  { predecessorId: 'A', successorId: 'C', effectiveOn: '2025-07-01' },
  { predecessorId: 'B', successorId: 'C', effectiveOn: '2025-07-01' },
  { predecessorId: 'C', successorId: 'D', effectiveOn: '2026-01-01' },
  { predecessorId: 'C', successorId: 'E', effectiveOn: '2026-01-01' },
];

describe('organisation lineage', () => {
  it('lists every predecessor, nearest first', () => {
    expect(predecessorsOf('C', edges)).toEqual(['A', 'B']);
    expect(predecessorsOf('D', edges)).toEqual(['C', 'A', 'B']);
    expect(predecessorsOf('A', edges)).toEqual([]);
  });
  it('finds the successor on a date', () => {
    expect(successorsOn('A', '2025-06-30', edges)).toEqual(['A']);
    expect(successorsOn('A', '2025-07-01', edges)).toEqual(['C']);
    expect(successorsOn('A', '2026-03-01', edges)).toEqual(['D', 'E']);
    expect(lineageFamily('E', edges)).toEqual(['E', 'C', 'A', 'B']);
  });
  it('property: every predecessor reaches the org through successorsOn at the far future', () => {
    // random forward-only DAGs (edges from lower to higher index) so that lineage has no cycles
    const dag = fc
      .array(fc.tuple(fc.nat(8), fc.nat(8), fc.integer({ min: 2020, max: 2030 })), { maxLength: 20 })
      .map((triples) =>
        triples
          .filter(([a, b]) => a < b)
          .map(([a, b, y]) => ({ predecessorId: `o${a}`, successorId: `o${b}`, effectiveOn: `${y}-01-01` })),
      );
    fc.assert(
      fc.property(dag, fc.nat(8), (es, n) => {
        const org = `o${n}`;
        for (const p of predecessorsOf(org, es)) {
          // a predecessor's descendants, followed to the end, include org or a successor of org
          const reached = successorsOn(p, '9999-12-31', es);
          const orgEnds = successorsOn(org, '9999-12-31', es);
          if (!reached.some((r) => orgEnds.includes(r))) return false;
        }
        return !predecessorsOf(org, es).includes(org);
      }),
    );
  });
});
