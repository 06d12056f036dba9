/**
 * Workflows as transition tables (ARCHITECTURE.md convention 3). A status changes only through
 * `applyTransition`, which looks the (state, action) pair up in the table, checks the actor's
 * permission and the reason requirement, and returns the next state or a typed error code.
 */

export interface TransitionRow<S extends string, A extends string> {
  from: S;
  action: A;
  to: S;
  /** Permission the actor needs (checked against the permissions passed to applyTransition). */
  permission: string;
  /** The action must carry a non-blank reason (e.g. returning a dossier). */
  requiresReason: boolean;
}

export interface TransitionTable<S extends string, A extends string> {
  name: string;
  states: readonly S[];
  actions: readonly A[];
  initial: S;
  rows: readonly TransitionRow<S, A>[];
  /** Vietnamese labels for the UI. */
  stateNames: Record<S, string>;
  actionNames: Record<A, string>;
}

export type TransitionErrorCode =
  | 'unknown_state'
  | 'unknown_action'
  | 'transition_not_allowed'
  | 'permission_denied'
  | 'reason_required';

export const TRANSITION_ERROR_MESSAGES: Record<TransitionErrorCode, string> = {
  unknown_state: 'Trạng thái không hợp lệ',
  unknown_action: 'Thao tác không hợp lệ',
  transition_not_allowed: 'Không thể thực hiện thao tác này ở trạng thái hiện tại',
  permission_denied: 'Không có quyền thực hiện thao tác này',
  reason_required: 'Phải nêu lý do',
};

export type TransitionResult<S extends string, A extends string> =
  | { ok: true; from: S; to: S; row: TransitionRow<S, A>; reason?: string }
  | { ok: false; error: TransitionErrorCode; message: string };

function fail<S extends string, A extends string>(error: TransitionErrorCode): TransitionResult<S, A> {
  return { ok: false, error, message: TRANSITION_ERROR_MESSAGES[error] };
}

/** The row for (state, action), if the table has one. */
export function findTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  state: S,
  action: A,
): TransitionRow<S, A> | undefined {
  return table.rows.find((r) => r.from === state && r.action === action);
}

export function applyTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  state: string,
  action: string,
  actorPermissions: Iterable<string>,
  input: { reason?: string | null } = {},
): TransitionResult<S, A> {
  if (!(table.states as readonly string[]).includes(state)) return fail('unknown_state');
  if (!(table.actions as readonly string[]).includes(action)) return fail('unknown_action');
  const row = findTransition(table, state as S, action as A);
  if (!row) return fail('transition_not_allowed');
  const perms =
    actorPermissions instanceof Set ? (actorPermissions as Set<string>) : new Set(actorPermissions);
  if (!perms.has(row.permission)) return fail('permission_denied');
  const reason = input.reason?.trim();
  if (row.requiresReason && !reason) return fail('reason_required');
  return reason
    ? { ok: true, from: row.from, to: row.to, row, reason }
    : { ok: true, from: row.from, to: row.to, row };
}

/** Actions possible from a state for an actor (for showing only allowed buttons). */
export function availableActions<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  state: S,
  actorPermissions: Iterable<string>,
): A[] {
  const perms = new Set(actorPermissions);
  return table.rows.filter((r) => r.from === state && perms.has(r.permission)).map((r) => r.action);
}

/** Structural problems: unknown states/actions, duplicate (from, action) pairs, unreachable states. */
export function validateTable<S extends string, A extends string>(table: TransitionTable<S, A>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of table.rows) {
    if (!table.states.includes(r.from) || !table.states.includes(r.to))
      problems.push(`row ${r.from}→${r.to}: unknown state`);
    if (!table.actions.includes(r.action)) problems.push(`row ${r.from}/${r.action}: unknown action`);
    const key = `${r.from}/${r.action}`;
    if (seen.has(key)) problems.push(`duplicate transition ${key}`);
    seen.add(key);
  }
  const reached = new Set<S>([table.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of table.rows) {
      if (reached.has(r.from) && !reached.has(r.to)) {
        reached.add(r.to);
        grew = true;
      }
    }
  }
  for (const s of table.states) if (!reached.has(s)) problems.push(`state ${s} is unreachable`);
  return problems;
}

// ------------------------------------------------------------------------------------------
// Proposals (đề nghị khen thưởng)
// ------------------------------------------------------------------------------------------

export const PROPOSAL_STATES = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'appraised',
  'in_council',
  'approved',
  'rejected',
  'decided',
  'forwarded',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_ACTIONS = [
  'submit',
  'return',
  'resubmit',
  'appraise',
  'send_to_council',
  'approve',
  'reject',
  'decide',
  'forward',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** Permission names used by the proposal workflow. */
export const PROPOSAL_PERMISSIONS = {
  submit: 'proposal.submit',
  appraise: 'proposal.appraise',
  council: 'council.record',
  decide: 'decision.sign',
  forward: 'proposal.forward',
} as const;

type PRow = TransitionRow<ProposalState, ProposalAction>;
const p = (
  from: ProposalState,
  action: ProposalAction,
  to: ProposalState,
  permission: string,
  requiresReason = false,
): PRow => ({
  from,
  action,
  to,
  permission,
  requiresReason,
});

/**
 * draft → submitted → (returned ↔ resubmitted) → appraised → in_council → approved | rejected;
 * approved → decided (within the level's own authority) | forwarded (to the superior's round).
 */
export const PROPOSAL_WORKFLOW: TransitionTable<ProposalState, ProposalAction> = {
  name: 'proposal',
  states: PROPOSAL_STATES,
  actions: PROPOSAL_ACTIONS,
  initial: 'draft',
  rows: [
    p('draft', 'submit', 'submitted', PROPOSAL_PERMISSIONS.submit),
    p('submitted', 'return', 'returned', PROPOSAL_PERMISSIONS.appraise, true),
    p('submitted', 'appraise', 'appraised', PROPOSAL_PERMISSIONS.appraise),
    p('returned', 'resubmit', 'resubmitted', PROPOSAL_PERMISSIONS.submit),
    p('resubmitted', 'return', 'returned', PROPOSAL_PERMISSIONS.appraise, true),
    p('resubmitted', 'appraise', 'appraised', PROPOSAL_PERMISSIONS.appraise),
    p('appraised', 'return', 'returned', PROPOSAL_PERMISSIONS.appraise, true),
    p('appraised', 'send_to_council', 'in_council', PROPOSAL_PERMISSIONS.appraise),
    p('in_council', 'approve', 'approved', PROPOSAL_PERMISSIONS.council),
    p('in_council', 'reject', 'rejected', PROPOSAL_PERMISSIONS.council, true),
    p('approved', 'decide', 'decided', PROPOSAL_PERMISSIONS.decide),
    p('approved', 'forward', 'forwarded', PROPOSAL_PERMISSIONS.forward),
  ],
  stateNames: {
    draft: 'Đang soạn',
    submitted: 'Đã gửi',
    returned: 'Trả lại để bổ sung',
    resubmitted: 'Đã gửi lại',
    appraised: 'Đã thẩm định',
    in_council: 'Đang xét tại Hội đồng',
    approved: 'Hội đồng đề nghị khen thưởng',
    rejected: 'Không đề nghị khen thưởng',
    decided: 'Đã quyết định khen thưởng',
    forwarded: 'Đã trình cấp trên',
  },
  actionNames: {
    submit: 'Gửi đề nghị',
    return: 'Trả lại',
    resubmit: 'Gửi lại',
    appraise: 'Thẩm định',
    send_to_council: 'Trình Hội đồng',
    approve: 'Hội đồng thông qua',
    reject: 'Hội đồng không thông qua',
    decide: 'Ký quyết định',
    forward: 'Trình cấp trên',
  },
};

// ------------------------------------------------------------------------------------------
// Registrations (đăng ký thi đua)
// ------------------------------------------------------------------------------------------

export const REGISTRATION_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const REGISTRATION_ACTIONS = ['submit', 'return', 'approve'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

export const REGISTRATION_PERMISSIONS = {
  submit: 'registration.submit',
  review: 'registration.review',
} as const;

export const REGISTRATION_WORKFLOW: TransitionTable<RegistrationState, RegistrationAction> = {
  name: 'registration',
  states: REGISTRATION_STATES,
  actions: REGISTRATION_ACTIONS,
  initial: 'draft',
  rows: [
    {
      from: 'draft',
      action: 'submit',
      to: 'submitted',
      permission: REGISTRATION_PERMISSIONS.submit,
      requiresReason: false,
    },
    {
      from: 'returned',
      action: 'submit',
      to: 'submitted',
      permission: REGISTRATION_PERMISSIONS.submit,
      requiresReason: false,
    },
    {
      from: 'submitted',
      action: 'return',
      to: 'returned',
      permission: REGISTRATION_PERMISSIONS.review,
      requiresReason: true,
    },
    {
      from: 'submitted',
      action: 'approve',
      to: 'approved',
      permission: REGISTRATION_PERMISSIONS.review,
      requiresReason: false,
    },
  ],
  stateNames: {
    draft: 'Đang soạn',
    submitted: 'Đã gửi',
    returned: 'Trả lại để bổ sung',
    approved: 'Đã duyệt',
  },
  actionNames: { submit: 'Gửi đăng ký', return: 'Trả lại', approve: 'Duyệt' },
};

// ------------------------------------------------------------------------------------------
// Council ballots (phiếu bầu)
// ------------------------------------------------------------------------------------------

export const BALLOT_STATES = ['draft', 'open', 'closed'] as const;
export type BallotState = (typeof BALLOT_STATES)[number];
export const BALLOT_ACTIONS = ['open', 'close'] as const;
export type BallotAction = (typeof BALLOT_ACTIONS)[number];

export const BALLOT_PERMISSIONS = { manage: 'council.manageBallot' } as const;

export const BALLOT_WORKFLOW: TransitionTable<BallotState, BallotAction> = {
  name: 'ballot',
  states: BALLOT_STATES,
  actions: BALLOT_ACTIONS,
  initial: 'draft',
  rows: [
    {
      from: 'draft',
      action: 'open',
      to: 'open',
      permission: BALLOT_PERMISSIONS.manage,
      requiresReason: false,
    },
    {
      from: 'open',
      action: 'close',
      to: 'closed',
      permission: BALLOT_PERMISSIONS.manage,
      requiresReason: false,
    },
  ],
  stateNames: { draft: 'Chuẩn bị', open: 'Đang bỏ phiếu', closed: 'Đã kết thúc' },
  actionNames: { open: 'Mở bỏ phiếu', close: 'Kết thúc bỏ phiếu' },
};
