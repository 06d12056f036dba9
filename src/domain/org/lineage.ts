/**
 * Organisation lineage as a pure graph: edges predecessor → successor with the date the
 * successor took over (merge, split). Used by the organisation service (in SQL) and by the
 * eligibility engine, so that "three consecutive years" counts across a merger or rename.
 */
export interface LineageEdge {
  predecessorId: string;
  successorId: string;
  effectiveOn: string; // YYYY-MM-DD
}

/** Every organisation that this one descends from (transitively), nearest first. */
export function predecessorsOf(orgId: string, edges: readonly LineageEdge[]): string[] {
  const bySuccessor = new Map<string, LineageEdge[]>();
  for (const e of edges) {
    const list = bySuccessor.get(e.successorId) ?? [];
    list.push(e);
    bySuccessor.set(e.successorId, list);
  }
  const seen = new Set<string>([orgId]);
  const order: string[] = [];
  let frontier = [orgId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of bySuccessor.get(id) ?? []) {
        if (seen.has(e.predecessorId)) continue;
        seen.add(e.predecessorId);
        order.push(e.predecessorId);
        next.push(e.predecessorId);
      }
    }
    frontier = next;
  }
  return order;
}

/**
 * The organisations that carry on `orgId` on `date`: follow successor edges whose effective date
 * is on or before `date`. Returns [orgId] itself when nothing happened to it by then; several ids
 * after a split.
 */
export function successorsOn(orgId: string, date: string, edges: readonly LineageEdge[]): string[] {
  const byPredecessor = new Map<string, LineageEdge[]>();
  for (const e of edges) {
    if (e.effectiveOn > date) continue;
    const list = byPredecessor.get(e.predecessorId) ?? [];
    list.push(e);
    byPredecessor.set(e.predecessorId, list);
  }
  const result = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const out = byPredecessor.get(id) ?? [];
    if (out.length === 0) result.add(id);
    for (const e of out) visit(e.successorId);
  };
  visit(orgId);
  return [...result].sort();
}

/** The lineage family of an organisation: itself and all its predecessors. */
export function lineageFamily(orgId: string, edges: readonly LineageEdge[]): string[] {
  return [orgId, ...predecessorsOf(orgId, edges)];
}
