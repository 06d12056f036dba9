/**
 * Criteria sets (bộ tiêu chí chấm điểm thi đua) as trees. Leaves are scored from 0 to their
 * maximum points; a parent's points are the sum of its children's, capped at its own maximum;
 * every node's points count `weight` times toward its parent (default 1). The total is the sum
 * of the top-level nodes' weighted points.
 */

export interface Criterion {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  maxPoints: number;
  weight: number;
  evidenceRequired: boolean;
  sort: number;
}

export interface CriterionIssue {
  field: string;
  message: string;
}

/** Checks a set: positive maxima and weights, unique codes, known parents, no cycles. */
export function validateCriteria(items: readonly Criterion[]): CriterionIssue[] {
  const issues: CriterionIssue[] = [];
  const ids = new Set(items.map((c) => c.id));
  const codes = new Set<string>();
  items.forEach((c, i) => {
    if (!(c.maxPoints > 0))
      issues.push({
        field: `criteria[${i}].maxPoints`,
        message: `Tiêu chí ${c.code}: điểm tối đa phải lớn hơn 0.`,
      });
    if (!(c.weight > 0))
      issues.push({ field: `criteria[${i}].weight`, message: `Tiêu chí ${c.code}: hệ số phải lớn hơn 0.` });
    if (codes.has(c.code))
      issues.push({ field: `criteria[${i}].code`, message: `Mã tiêu chí ${c.code} bị trùng.` });
    codes.add(c.code);
    if (c.parentId !== null && !ids.has(c.parentId))
      issues.push({
        field: `criteria[${i}].parentId`,
        message: `Tiêu chí ${c.code}: tiêu chí cha không có trong bộ tiêu chí.`,
      });
  });
  const byId = new Map(items.map((c) => [c.id, c]));
  for (const c of items) {
    const seen = new Set<string>([c.id]);
    let p = c.parentId;
    while (p) {
      if (seen.has(p)) {
        issues.push({
          field: 'criteria',
          message: `Tiêu chí ${c.code} nằm trong một vòng lặp tiêu chí cha – con.`,
        });
        break;
      }
      seen.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
  }
  return issues;
}

export function childrenOf(items: readonly Criterion[]): Map<string | null, Criterion[]> {
  const m = new Map<string | null, Criterion[]>();
  for (const c of items) {
    const list = m.get(c.parentId) ?? [];
    list.push(c);
    m.set(c.parentId, list);
  }
  for (const list of m.values())
    list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code, 'vi', { numeric: true }));
  return m;
}

export function leavesOf(items: readonly Criterion[]): Criterion[] {
  const parents = new Set(items.map((c) => c.parentId).filter(Boolean));
  return items.filter((c) => !parents.has(c.id));
}

/** The highest total the set allows: Σ top-level maxPoints × weight. */
export function maxTotal(items: readonly Criterion[]): number {
  return items.filter((c) => c.parentId === null).reduce((s, c) => s + c.maxPoints * c.weight, 0);
}

export interface ScoredNode {
  /** points of the node itself (leaf: entered; parent: Σ children weighted, capped), null if nothing scored */
  points: number | null;
  /** points × weight: what the node adds to its parent */
  weighted: number | null;
}

/**
 * Scores a set from leaf points (criterion id → points or null). Leaf points are clamped to
 * 0…max here too, so a stored total can never exceed the set's maximum.
 */
export function scoreCriteria(
  items: readonly Criterion[],
  leafPoints: ReadonlyMap<string, number | null>,
): { total: number | null; nodes: Map<string, ScoredNode> } {
  const kids = childrenOf(items);
  const nodes = new Map<string, ScoredNode>();
  const visit = (c: Criterion): ScoredNode => {
    const children = kids.get(c.id) ?? [];
    let points: number | null;
    if (children.length === 0) {
      const p = leafPoints.get(c.id);
      points = p == null || !Number.isFinite(p) ? null : Math.max(0, Math.min(c.maxPoints, p));
    } else {
      const scored = children.map(visit).filter((n) => n.weighted !== null);
      points =
        scored.length === 0
          ? null
          : Math.min(
              c.maxPoints,
              scored.reduce((s, n) => s + n.weighted!, 0),
            );
    }
    const node = { points, weighted: points === null ? null : points * c.weight };
    nodes.set(c.id, node);
    return node;
  };
  const top = (kids.get(null) ?? []).map(visit).filter((n) => n.weighted !== null);
  const total = top.length === 0 ? null : top.reduce((s, n) => s + n.weighted!, 0);
  return { total: total === null ? null : Math.round(total * 1e6) / 1e6, nodes };
}

export interface EntryInput {
  criterionId: string;
  points: number | null;
  evidenceFileIds?: readonly string[];
}

/**
 * Checks entered points: only leaves of the set, 0 ≤ points ≤ max, evidence attached where the
 * criterion requires it (when points are claimed). `requireAll`: every leaf must be scored.
 */
export function validateEntries(
  items: readonly Criterion[],
  entries: readonly EntryInput[],
  opts: { requireAll?: boolean; checkEvidence?: boolean } = {},
): CriterionIssue[] {
  const issues: CriterionIssue[] = [];
  const leaves = new Map(leavesOf(items).map((c) => [c.id, c]));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const c = leaves.get(e.criterionId);
    if (!c) {
      issues.push({
        field: `entries[${i}].criterionId`,
        message: 'Tiêu chí không thuộc bộ tiêu chí hoặc không phải tiêu chí chấm điểm.',
      });
      return;
    }
    if (seen.has(c.id))
      issues.push({ field: `entries[${i}].criterionId`, message: `Tiêu chí ${c.code} được chấm hai lần.` });
    seen.add(c.id);
    if (e.points !== null && (!Number.isFinite(e.points) || e.points < 0 || e.points > c.maxPoints))
      issues.push({
        field: `entries[${i}].points`,
        message: `Tiêu chí ${c.code}: điểm phải từ 0 đến ${c.maxPoints}.`,
      });
    if (
      opts.checkEvidence &&
      c.evidenceRequired &&
      (e.points ?? 0) > 0 &&
      (e.evidenceFileIds ?? []).length === 0
    )
      issues.push({
        field: `entries[${i}].evidenceFileIds`,
        message: `Tiêu chí ${c.code} phải có tài liệu minh chứng.`,
      });
  });
  if (opts.requireAll) {
    for (const c of leaves.values()) {
      const e = entries.find((x) => x.criterionId === c.id);
      if (!e || e.points === null)
        issues.push({ field: 'entries', message: `Chưa chấm điểm tiêu chí ${c.code}.` });
    }
  }
  return issues;
}
