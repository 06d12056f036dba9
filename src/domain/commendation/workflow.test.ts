/**
 * Every state × action pair of every table: allowed pairs give the expected next state, all
 * others the typed error `transition_not_allowed`. The expected transitions are written out here
 * independently of the tables, so a wrong row in a table fails the test.
 */
import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  availableActions,
  BALLOT_WORKFLOW,
  PROPOSAL_WORKFLOW,
  REGISTRATION_WORKFLOW,
  type TransitionTable,
  validateTable,
} from './workflow';

type Expected = Record<string, { to: string; permission: string; reason?: true }>;

const PROPOSAL_EXPECTED: Expected = {
  'draft/submit': { to: 'submitted', permission: 'proposal.submit' },
  'submitted/return': { to: 'returned', permission: 'proposal.appraise', reason: true },
  'submitted/appraise': { to: 'appraised', permission: 'proposal.appraise' },
  'returned/resubmit': { to: 'resubmitted', permission: 'proposal.submit' },
  'resubmitted/return': { to: 'returned', permission: 'proposal.appraise', reason: true },
  'resubmitted/appraise': { to: 'appraised', permission: 'proposal.appraise' },
  'appraised/return': { to: 'returned', permission: 'proposal.appraise', reason: true },
  'appraised/send_to_council': { to: 'in_council', permission: 'proposal.appraise' },
  'in_council/approve': { to: 'approved', permission: 'council.record' },
  'in_council/reject': { to: 'rejected', permission: 'council.record', reason: true },
  'approved/decide': { to: 'decided', permission: 'decision.sign' },
  'approved/forward': { to: 'forwarded', permission: 'proposal.forward' },
};

const REGISTRATION_EXPECTED: Expected = {
  'draft/submit': { to: 'submitted', permission: 'registration.submit' },
  'returned/submit': { to: 'submitted', permission: 'registration.submit' },
  'submitted/return': { to: 'returned', permission: 'registration.review', reason: true },
  'submitted/approve': { to: 'approved', permission: 'registration.review' },
};

const BALLOT_EXPECTED: Expected = {
  'draft/open': { to: 'open', permission: 'council.manageBallot' },
  'open/close': { to: 'closed', permission: 'council.manageBallot' },
};

function exhaustive<S extends string, A extends string>(table: TransitionTable<S, A>, expected: Expected) {
  describe(`${table.name} workflow`, () => {
    it('is structurally valid (no duplicates, every state reachable)', () => {
      expect(validateTable(table)).toEqual([]);
      expect(table.rows.length).toBe(Object.keys(expected).length);
    });

    for (const state of table.states) {
      for (const action of table.actions) {
        const key = `${state}/${action}`;
        const exp = expected[key];
        it(exp ? `${key} → ${exp.to}` : `${key} is not allowed`, () => {
          const all = new Set([
            'proposal.submit',
            'proposal.appraise',
            'council.record',
            'decision.sign',
            'proposal.forward',
            'registration.submit',
            'registration.review',
            'council.manageBallot',
          ]);
          const r = applyTransition(table, state, action, all, {
            reason: 'Thiếu báo cáo thành tích có xác nhận',
          });
          if (!exp) {
            expect(r).toEqual({ ok: false, error: 'transition_not_allowed', message: expect.any(String) });
            return;
          }
          expect(r.ok && r.to).toBe(exp.to);
          expect(r.ok && r.row.permission).toBe(exp.permission);
          // without the permission
          const others = [...all].filter((p) => p !== exp.permission);
          expect(applyTransition(table, state, action, others, { reason: 'x' })).toMatchObject({
            ok: false,
            error: 'permission_denied',
          });
          // reason requirement
          const noReason = applyTransition(table, state, action, all, { reason: '   ' });
          if (exp.reason) expect(noReason).toMatchObject({ ok: false, error: 'reason_required' });
          else expect(noReason).toMatchObject({ ok: true, to: exp.to });
        });
      }
    }

    it('rejects unknown states and actions with typed errors', () => {
      expect(applyTransition(table, 'archived', table.actions[0]!, [])).toMatchObject({
        ok: false,
        error: 'unknown_state',
      });
      expect(applyTransition(table, table.initial, 'explode', [])).toMatchObject({
        ok: false,
        error: 'unknown_action',
      });
    });

    it('has Vietnamese names for every state and action', () => {
      for (const s of table.states) expect(table.stateNames[s].length).toBeGreaterThan(2);
      for (const a of table.actions) expect(table.actionNames[a].length).toBeGreaterThan(2);
    });
  });
}

exhaustive(PROPOSAL_WORKFLOW, PROPOSAL_EXPECTED);
exhaustive(REGISTRATION_WORKFLOW, REGISTRATION_EXPECTED);
exhaustive(BALLOT_WORKFLOW, BALLOT_EXPECTED);

describe('abilities', () => {
  it('lists the actions an actor may take in a state', () => {
    expect(availableActions(PROPOSAL_WORKFLOW, 'submitted', ['proposal.appraise']).sort()).toEqual([
      'appraise',
      'return',
    ]);
    expect(availableActions(PROPOSAL_WORKFLOW, 'submitted', ['proposal.submit'])).toEqual([]);
    expect(
      availableActions(PROPOSAL_WORKFLOW, 'approved', ['decision.sign', 'proposal.forward']).sort(),
    ).toEqual(['decide', 'forward']);
  });

  it('keeps the reason of a return', () => {
    const r = applyTransition(PROPOSAL_WORKFLOW, 'submitted', 'return', ['proposal.appraise'], {
      reason: '  Bổ sung biên bản  ',
    });
    expect(r).toMatchObject({ ok: true, from: 'submitted', to: 'returned', reason: 'Bổ sung biên bản' });
  });
});
