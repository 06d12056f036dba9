// @vitest-environment jsdom
import '../../test-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderApp, session, TDKT_USER } from '../../test-utils';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 60_000 };
const user = {
  ...TDKT_USER,
  permissions: [...TDKT_USER.permissions, 'report.read', 'report.request', 'report.submit'],
};
const counts = { submitted: 1, late: 1, missing: 1, pending: 0 };
const detail = {
  id: 'r1',
  org: { id: 'org-so', name: 'Sở Y tế tỉnh Điện Biên' },
  title: 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026',
  periodKind: 'year',
  periodYear: 2026,
  periodLabel: 'Năm 2026',
  dueOn: '2026-11-15',
  status: 'open',
  targets: 3,
  counts,
  isRequester: true,
  template: { fields: [{ code: 'a', label: 'Số tập thể', unit: 'tập thể', aggregate: 'sum' }], sections: [] },
  note: null,
  createdAt: '2026-10-01T02:00:00.000Z',
  canRemind: true,
};
const row = (id: string, name: string, status: string, statusName: string) => ({
  org: { id, name, code: id },
  submissionId: `s-${id}`,
  status,
  statusName,
  submittedAt: status === 'missing' ? null : '2026-11-10T03:00:00.000Z',
  lastReminderOn: null,
  reminders: 0,
  canSubmit: false,
});
const board = {
  today: '2026-12-01',
  dueOn: '2026-11-15',
  counts,
  rows: [
    row('u1', 'Trung tâm Y tế A', 'submitted', 'Đã nộp đúng hạn'),
    row('u2', 'Trung tâm Y tế B', 'late', 'Nộp muộn'),
    row('u3', 'Bệnh viện C', 'missing', 'Chưa nộp (quá hạn)'),
  ],
};

describe('status board and notifications bell', () => {
  it(
    'shows the statuses, reminds only the missing unit, and counts unread notifications',
    async () => {
      const requests = mockFetch({
        'GET /api/auth/me': () => session(user),
        'GET /api/reports/r1': () => json(200, detail),
        'GET /api/reports/r1/board': () => json(200, board),
        'GET /api/reports/r1/rollup': () =>
          json(404, { error: { code: 'NOT_FOUND', message: 'x', details: null, requestId: 'r' } }),
        'POST /api/reports/r1/reminders': () => json(200, { reminded: 1, mails: 1 }),
        'GET /api/notifications': () =>
          json(200, {
            items: [
              {
                id: 'n1',
                title: 'Bệnh viện C đã nộp báo cáo',
                body: 'x',
                link: '/reports/r1',
                read: false,
                createdAt: '2026-12-01T02:00:00.000Z',
              },
            ],
            unread: 1,
          }),
      });
      renderApp('/reports/r1');
      const late = await screen.findByText('Nộp muộn', {}, SLOW);
      expect(late).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Thông báo, 1 chưa đọc' })).toBeTruthy();
      const missingRow = screen.getByText('Bệnh viện C').closest('tr')!;
      expect(within(missingRow).getByText('Chưa nộp (quá hạn)')).toBeTruthy();
      // only the missing unit has a "Nhắc hạn" button
      expect(within(screen.getByText('Trung tâm Y tế A').closest('tr')!).queryByRole('button')).toBeNull();
      fireEvent.click(within(missingRow).getByRole('button', { name: /Nhắc hạn/ }));
      await waitFor(() =>
        expect(requests.some((r) => r.method === 'POST' && r.path === '/api/reports/r1/reminders')).toBe(
          true,
        ),
      );
      const post = requests.find((r) => r.method === 'POST')!;
      expect(post.body).toEqual({ orgIds: ['u3'] });
    },
    SLOW.timeout * 2,
  );
});
