/**
 * Rolling indicator values up the organisation tree. A parent's value is its own reported value
 * when it has one; otherwise it combines its children's (rolled-up) values:
 *  - sum:      the children's values added (counts: records, procedures, people …);
 *  - average:  the plain mean of the children that have a value;
 *  - weighted: the mean weighted by another indicator's value of each child (e.g. a percentage of
 *              adults weighted by the number of adults); children without a weight are left out.
 * Children without data are left out; no child with data → null ("no data", never 0).
 */

export type RollupKind = 'sum' | 'average' | 'weighted';
export const ROLLUP_KINDS: readonly RollupKind[] = ['sum', 'average', 'weighted'];
export const ROLLUP_NAMES: Record<RollupKind, string> = {
  sum: 'Cộng',
  average: 'Bình quân',
  weighted: 'Bình quân gia quyền',
};

export interface RollupInput {
  value: number | null;
  weight?: number | null;
}

/** Combines children's values by kind. */
export function combine(kind: RollupKind, items: readonly RollupInput[]): number | null {
  const withValue = items.filter(
    (i): i is { value: number; weight?: number | null } => i.value !== null && Number.isFinite(i.value),
  );
  if (kind === 'sum') return withValue.length === 0 ? null : withValue.reduce((s, i) => s + i.value, 0);
  if (kind === 'average')
    return withValue.length === 0 ? null : withValue.reduce((s, i) => s + i.value, 0) / withValue.length;
  const weighted = withValue.filter((i) => i.weight != null && Number.isFinite(i.weight) && i.weight > 0);
  const total = weighted.reduce((s, i) => s + i.weight!, 0);
  if (total === 0) return null;
  return weighted.reduce((s, i) => s + i.value * i.weight!, 0) / total;
}

export interface OrgNode {
  id: string;
  parentId: string | null;
}

/**
 * Rolls values up a tree (or forest). `own` maps an organisation id to its reported value,
 * `weights` (for 'weighted') to the weight indicator's value — itself rolled up the same tree by
 * sum, so a parent with children carries their total weight. Returns the value of every node.
 */
export function rollUpTree(
  nodes: readonly OrgNode[],
  kind: RollupKind,
  own: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, number> = new Map(),
): Map<string, number | null> {
  const children = new Map<string, string[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.parentId && ids.has(n.parentId)) {
      const list = children.get(n.parentId) ?? [];
      list.push(n.id);
      children.set(n.parentId, list);
    }
  }
  const result = new Map<string, number | null>();
  const weightResult = new Map<string, number | null>();
  const visit = (id: string): void => {
    if (result.has(id)) return;
    const kids = children.get(id) ?? [];
    for (const k of kids) visit(k);
    const ownWeight = weights.get(id);
    weightResult.set(
      id,
      ownWeight !== undefined
        ? ownWeight
        : combine(
            'sum',
            kids.map((k) => ({ value: weightResult.get(k) ?? null })),
          ),
    );
    const ownValue = own.get(id);
    if (ownValue !== undefined) {
      result.set(id, ownValue);
      return;
    }
    result.set(
      id,
      combine(
        kind,
        kids.map((k) => ({ value: result.get(k) ?? null, weight: weightResult.get(k) ?? null })),
      ),
    );
  };
  for (const n of nodes) visit(n.id);
  return result;
}
