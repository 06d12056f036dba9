/**
 * The organisation tree, built client-side from the flat list (parentId), in Vietnamese order,
 * and filtered by a diacritic-insensitive search.
 */
import { compareVi, foldVi } from '../../../domain/text/vietnamese';

export interface OrgLike {
  id: string;
  parentId: string | null;
  name: string;
  shortName?: string;
  code: string;
  status?: string;
}

export interface OrgNode<T extends OrgLike = OrgLike> {
  key: string;
  org: T;
  children: OrgNode<T>[];
}

/** Roots are organisations whose parent is not in the list (the top of the user's scope). */
export function buildOrgTree<T extends OrgLike>(items: readonly T[]): OrgNode<T>[] {
  const nodes = new Map<string, OrgNode<T>>();
  for (const org of items) nodes.set(org.id, { key: org.id, org, children: [] });
  const roots: OrgNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode<T>[]) => {
    list.sort((a, b) => compareVi(a.org.name, b.org.name) || a.org.code.localeCompare(b.org.code));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function orgMatches(org: OrgLike, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  return (
    foldVi(org.name).includes(foldedQuery) ||
    foldVi(org.code).includes(foldedQuery) ||
    (org.shortName ? foldVi(org.shortName).includes(foldedQuery) : false)
  );
}

/**
 * Keeps the nodes that match and their ancestors (a matching node keeps its whole subtree).
 * Returns the filtered forest and the keys to expand so every match is visible.
 */
export function filterOrgTree<T extends OrgLike>(
  roots: OrgNode<T>[],
  query: string,
): { roots: OrgNode<T>[]; expandedKeys: string[]; matchKeys: string[] } {
  const folded = foldVi(query);
  if (!folded) return { roots, expandedKeys: [], matchKeys: [] };
  const expanded: string[] = [];
  const matches: string[] = [];
  const visit = (node: OrgNode<T>): OrgNode<T> | null => {
    const self = orgMatches(node.org, folded);
    const children = node.children.map(visit).filter((c): c is OrgNode<T> => c !== null);
    if (self) matches.push(node.key);
    if (children.length > 0) expanded.push(node.key);
    if (self) return { ...node, children: children.length > 0 ? children : node.children };
    return children.length > 0 ? { ...node, children } : null;
  };
  const filtered = roots.map(visit).filter((n): n is OrgNode<T> => n !== null);
  return { roots: filtered, expandedKeys: expanded, matchKeys: matches };
}

/** Ids of the ancestors of `id`, nearest last. */
export function ancestorIds(items: readonly OrgLike[], id: string): string[] {
  const byId = new Map(items.map((o) => [o.id, o]));
  const out: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  const seen = new Set<string>();
  while (current && byId.has(current) && !seen.has(current)) {
    seen.add(current);
    out.unshift(current);
    current = byId.get(current)!.parentId;
  }
  return out;
}

export interface TreeSelectNode {
  value: string;
  title: string;
  /** what the TreeSelect search matches against: folded name, code, short name */
  search: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** TreeSelect data with a folded search key (filterTreeNode matches "trung tam" to "Trung tâm"). */
export function toTreeSelect<T extends OrgLike>(
  roots: OrgNode<T>[],
  disable?: (org: T) => boolean,
): TreeSelectNode[] {
  return roots.map((n) => ({
    value: n.key,
    title: n.org.name,
    search: foldVi(`${n.org.name} ${n.org.code} ${n.org.shortName ?? ''}`),
    disabled: disable?.(n.org) || undefined,
    children: n.children.length > 0 ? toTreeSelect(n.children, disable) : undefined,
  }));
}

export function treeSelectFilter(input: string, node: { search?: string }): boolean {
  return (node.search ?? '').includes(foldVi(input));
}
