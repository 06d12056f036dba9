import type { TransitionTable } from '../../commendation/workflow';

export type PlanState = 'draft' | 'issued';
export type PlanAction = 'edit' | 'delete' | 'issue';

/**
 * A plan is edited (and may be deleted) while it is a draft; issuing gives it its number and freezes
 * it: an issued plan is an official document and is never edited again (a new plan replaces it).
 */
export const PLAN_WORKFLOW: TransitionTable<PlanState, PlanAction> = {
  name: 'plan',
  states: ['draft', 'issued'],
  actions: ['edit', 'delete', 'issue'],
  initial: 'draft',
  rows: [
    { from: 'draft', action: 'edit', to: 'draft', permission: 'plan.write', requiresReason: false },
    { from: 'draft', action: 'delete', to: 'draft', permission: 'plan.write', requiresReason: false },
    { from: 'draft', action: 'issue', to: 'issued', permission: 'plan.issue', requiresReason: false },
  ],
  stateNames: { draft: 'Dự thảo', issued: 'Đã ban hành' },
  actionNames: { edit: 'Sửa', delete: 'Xóa', issue: 'Ban hành' },
};
