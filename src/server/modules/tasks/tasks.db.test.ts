import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type Session,
  type TestApp,
} from '../../../../test/helpers';

let t: TestApp;
let tree: OrgTree;
let tdktSo: Session;
let headA: Session;
let headB: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  tdktSo = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  headA = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }])).username,
  );
  headB = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitB }])).username,
  );
});
afterAll(async () => t.close());

describe('tasks', () => {
  it('the Sở assigns a task to unit A; A sees it, marks it done; B cannot see it', async () => {
    t.clock.now = new Date('2026-12-01T03:00:00Z');
    const res = await as(t.app, tdktSo).post('/api/tasks', {
      orgId: tree.so.id,
      assigneeOrgId: tree.unitA.id,
      assigneeDepartment: 'Phòng Tổ chức cán bộ',
      content: 'Tổng hợp danh sách đề nghị khen thưởng năm 2026',
      dueOn: '2026-11-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task.overdue).toBe(true);
    expect(task.statusName).toBe('Đang thực hiện');

    const listA = (await as(t.app, headA).get('/api/tasks')).json();
    expect(listA.items.map((x: { id: string }) => x.id)).toContain(task.id);
    const overdue = (await as(t.app, headA).get('/api/tasks?overdue=true')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(task.id);
    expect((await as(t.app, headB).get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, headB).get('/api/tasks')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(task.id);
    expect(
      (await as(t.app, headB).patch(`/api/tasks/${task.id}`, { version: 1, status: 'done' })).statusCode,
    ).toBe(404);

    const done = await as(t.app, headA).patch(`/api/tasks/${task.id}`, { version: 1, status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, version: 2 });
    expect(
      (await as(t.app, headA).patch(`/api/tasks/${task.id}`, { version: 1, status: 'open' })).statusCode,
    ).toBe(409);
  });

  it('the assignee must be in the owner organisation subtree', async () => {
    const res = await as(t.app, headA).post('/api/tasks', {
      orgId: tree.unitA.id,
      assigneeOrgId: tree.khoaB.id,
      content: 'Không hợp lệ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('assigneeOrgId');
    const outside = await as(t.app, headA).post('/api/tasks', {
      orgId: tree.unitB.id,
      content: 'Ngoài phạm vi',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('turns a plan responsibilities into tasks once', async () => {
    const pool = t.database.pool;
    const plan = await pool.query(
      `insert into plans (org_id, title) values ($1, 'Kế hoạch thi đua 2026') returning id`,
      [tree.unitA.id],
    );
    const planId = plan.rows[0].id;
    await pool.query(
      `insert into plan_responsibilities (plan_id, org_id, department, content, due_on, recurrence) values
       ($1, $2, 'Phòng Tổ chức - Hành chính', 'Báo cáo kết quả trước ngày 15/11', '2026-11-15', 'hằng năm'),
       ($1, null, 'Các khoa, phòng', 'Tổ chức phát động phong trào', null, null)`,
      [planId, tree.khoaA.id],
    );
    const first = await as(t.app, headA).post('/api/tasks/from-plan', { planId });
    expect(first.json()).toEqual({ created: 2 });
    expect((await as(t.app, headA).post('/api/tasks/from-plan', { planId })).json()).toEqual({ created: 0 });
    const list = (await as(t.app, headA).get(`/api/tasks?planId=${planId}`)).json();
    const yearly = list.items.find((x: { recurrence: string | null }) => x.recurrence === 'hằng năm');
    expect(yearly).toMatchObject({
      assigneeOrg: { id: tree.khoaA.id },
      dueOn: '2026-11-15',
      assigneeDepartment: 'Phòng Tổ chức - Hành chính',
    });
    expect((await as(t.app, headB).post('/api/tasks/from-plan', { planId })).statusCode).toBe(404);
  });
});
