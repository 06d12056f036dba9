import { foldVi } from '../../text/vietnamese';
import {
  PLAN_FIELD_LABELS,
  type PlanContent,
  type PlanField,
  type PlanResponsibility,
  type PlanTarget,
} from './types';

/**
 * Differences of a derived plan from its parent (issue 4, item 2): which fields changed, which
 * targets and responsibilities were added, removed or changed. Pure; text is compared after
 * Vietnamese folding and whitespace collapsing, so a re-typed accent or a line break is no change.
 */

export interface FieldChange {
  field: PlanField;
  label: string;
  parent: unknown;
  child: unknown;
}

export interface ListChange<T> {
  key: string;
  parent: T;
  child: T;
  /** which properties differ */
  fields: string[];
}

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: ListChange<T>[];
}

export interface PlanDiff {
  fields: FieldChange[];
  targets: ListDiff<PlanTarget>;
  responsibilities: ListDiff<PlanResponsibility>;
  /** true when nothing differs */
  same: boolean;
}

/** Fields compared one by one (lists of items are compared as lists below). */
const COMPARED_FIELDS: PlanField[] = [
  'title',
  'place',
  'yearFrom',
  'yearTo',
  'purposes',
  'requirements',
  'participants',
  'contentAreas',
  'criteriaCollective',
  'criteriaIndividual',
  'criteriaOther',
  'awardForms',
  'budgetSources',
  'phases',
];

function normalise(v: unknown): unknown {
  if (v == null) return null;
  if (typeof v === 'string') {
    const s = foldVi(v);
    return s === '' ? null : s;
  }
  if (Array.isArray(v)) return v.length === 0 ? null : v.map(normalise);
  if (typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, normalise(x)]),
    );
  }
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

function diffList<T extends object>(
  parent: T[],
  child: T[],
  keyOf: (t: T) => string,
  props: (keyof T & string)[],
): ListDiff<T> {
  const byKey = new Map<string, T[]>();
  for (const p of parent) {
    const k = keyOf(p);
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  const added: T[] = [];
  const changed: ListChange<T>[] = [];
  for (const c of child) {
    const k = keyOf(c);
    const candidates = byKey.get(k);
    const p = candidates?.shift();
    if (!p) {
      added.push(c);
      continue;
    }
    const fields = props.filter((f) => !same(p[f], c[f]));
    if (fields.length > 0) changed.push({ key: k, parent: p, child: c, fields });
  }
  const removed = [...byKey.values()].flat();
  return { added, removed, changed };
}

/** A target is the same target when it measures the same indicator, else when its text is the same. */
export const targetKey = (t: PlanTarget) =>
  t.indicatorCode ? `indicator:${t.indicatorCode}` : `text:${foldVi(t.content)}`;

/** A responsibility is the same when the same department has the same duty. */
export const responsibilityKey = (r: PlanResponsibility) => `${foldVi(r.department)}|${foldVi(r.content)}`;

export function diffPlans(parent: PlanContent, child: PlanContent): PlanDiff {
  const fields: FieldChange[] = [];
  for (const f of COMPARED_FIELDS) {
    if (f === 'awardForms') {
      const a = [...parent.awardForms].sort();
      const b = [...child.awardForms].sort();
      if (!same(a, b))
        fields.push({ field: f, label: PLAN_FIELD_LABELS[f], parent: parent[f], child: child[f] });
      continue;
    }
    if (!same(parent[f], child[f])) {
      fields.push({ field: f, label: PLAN_FIELD_LABELS[f], parent: parent[f], child: child[f] });
    }
  }
  const targets = diffList(parent.targets, child.targets, targetKey, [
    'content',
    'targetValue',
    'unit',
    'dueOn',
  ]);
  const responsibilities = diffList(parent.responsibilities, child.responsibilities, responsibilityKey, [
    'dueOn',
    'recurrence',
    'orgId',
  ]);
  const none = (d: ListDiff<unknown>) => d.added.length + d.removed.length + d.changed.length === 0;
  return {
    fields,
    targets,
    responsibilities,
    same: fields.length === 0 && none(targets) && none(responsibilities),
  };
}
