/** The score sheet workflow: the unit self-scores, the appraiser scores, the organiser finalises. */
import type { TransitionTable } from '../commendation/workflow';

export const SHEET_STATES = ['draft', 'self_submitted', 'appraised', 'final'] as const;
export type SheetState = (typeof SHEET_STATES)[number];
export const SHEET_ACTIONS = ['submit', 'return', 'appraise', 'finalize', 'reopen'] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

export const SCORE_SHEET_WORKFLOW: TransitionTable<SheetState, SheetAction> = {
  name: 'score_sheet',
  states: SHEET_STATES,
  actions: SHEET_ACTIONS,
  initial: 'draft',
  rows: [
    {
      from: 'draft',
      action: 'submit',
      to: 'self_submitted',
      permission: 'score.self',
      requiresReason: false,
    },
    {
      from: 'self_submitted',
      action: 'return',
      to: 'draft',
      permission: 'score.appraise',
      requiresReason: true,
    },
    {
      from: 'self_submitted',
      action: 'appraise',
      to: 'appraised',
      permission: 'score.appraise',
      requiresReason: false,
    },
    {
      from: 'appraised',
      action: 'finalize',
      to: 'final',
      permission: 'emulationGroup.manage',
      requiresReason: false,
    },
    {
      from: 'final',
      action: 'reopen',
      to: 'appraised',
      permission: 'emulationGroup.manage',
      requiresReason: true,
    },
  ],
  stateNames: {
    draft: 'Đang tự chấm',
    self_submitted: 'Đã gửi tự chấm',
    appraised: 'Đã thẩm định',
    final: 'Đã chốt kết quả',
  },
  actionNames: {
    submit: 'Gửi kết quả tự chấm',
    return: 'Trả lại để chấm lại',
    appraise: 'Hoàn thành thẩm định',
    finalize: 'Chốt kết quả',
    reopen: 'Mở lại để điều chỉnh',
  },
};

export const GROUP_KINDS = ['block', 'cluster'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_NAMES: Record<GroupKind, string> = { block: 'Khối thi đua', cluster: 'Cụm thi đua' };
