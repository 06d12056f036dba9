import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createPerson,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type Session,
  type TestApp,
} from '../../../../test/helpers';
import {
  findTransition,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATES,
  REGISTRATION_WORKFLOW,
} from '../../../domain/commendation';

let t: TestApp;
let tree: OrgTree;
let tdkt: Session;
let headA: Session;
let headB: Session;

async function session(role: Parameters<typeof createUser>[1][number]['role'], org: OrgTree['so']) {
  return login(t.app, (await createUser(t.database, [{ role, org }])).username);
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  tdkt = await session('tdkt', tree.so);
  headA = await session('dept_head', tree.khoaA);
  headB = await session('dept_head', tree.khoaB);
});
afterAll(async () => t.close());

describe('registrations (đăng ký thi đua)', () => {
  it('a dept head registers titles, submits; TĐKT returns with a reason, then approves; board and exports follow', async () => {
    const a1 = await createPerson(t.database, tree.khoaA, {
      fullName: 'Nguyễn Văn Đăng',
      position: 'Bác sĩ',
    });
    const a2 = await createPerson(t.database, tree.khoaA, { fullName: 'Trần Thị Ký' });
    const b1 = await createPerson(t.database, tree.khoaB);
    const created = await as(t.app, headA).post('/api/registrations', { orgId: tree.khoaA.id, year: 2026 });
    expect(created.statusCode, created.body).toBe(201);
    const reg = created.json();
    expect(reg.status).toBe('draft');
    expect(
      (await as(t.app, headA).post('/api/registrations', { orgId: tree.khoaA.id, year: 2026 })).statusCode,
    ).toBe(409);
    expect(
      (await as(t.app, headA).post('/api/registrations', { orgId: tree.khoaB.id, year: 2026 })).statusCode,
    ).toBe(404);
    // submitting an empty registration is refused
    const empty = await as(t.app, headA).post(`/api/registrations/${reg.id}/transitions`, {
      action: 'submit',
      version: reg.version,
    });
    expect(empty.statusCode).toBe(400);
    // a person of another unit, a collective title for a person
    const bad = await as(t.app, headA).put(`/api/registrations/${reg.id}/items`, {
      version: reg.version,
      items: [
        { personId: b1.id, awardCode: 'LDTT' },
        { personId: a1.id, awardCode: 'TTLDXS' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'items.0.personId',
      'items.1.awardCode',
    ]);
    const saved = await as(t.app, headA).put(`/api/registrations/${reg.id}/items`, {
      version: reg.version,
      items: [
        { orgId: tree.khoaA.id, awardCode: 'TTLDXS' },
        { personId: a1.id, awardCode: 'CSTDCS', note: 'Có sáng kiến cấp cơ sở' },
        { personId: a2.id, awardCode: 'LDTT' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().collectiveCount).toBe(1);
    expect(saved.json().individualCount).toBe(2);
    expect(saved.json().items.map((i: { name: string }) => i.name)).toEqual([
      tree.khoaA.name,
      'Nguyễn Văn Đăng',
      'Trần Thị Ký',
    ]);
    expect(saved.json().actions.map((a: { action: string }) => a.action)).toEqual(['submit']);
    const stale = await as(t.app, headA).put(`/api/registrations/${reg.id}/items`, {
      version: reg.version,
      items: [],
    });
    expect(stale.statusCode).toBe(409);
    const submitted = await as(t.app, headA).post(`/api/registrations/${reg.id}/transitions`, {
      action: 'submit',
      version: saved.json().version,
    });
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().canEdit).toBe(false);
    // the dept head may not approve, the officer must give a reason to return
    expect(
      (
        await as(t.app, headA).post(`/api/registrations/${reg.id}/transitions`, {
          action: 'approve',
          version: submitted.json().version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as(t.app, tdkt).post(`/api/registrations/${reg.id}/transitions`, {
          action: 'return',
          version: submitted.json().version,
        })
      ).statusCode,
    ).toBe(400);
    const returned = await as(t.app, tdkt).post(`/api/registrations/${reg.id}/transitions`, {
      action: 'return',
      reason: 'Bổ sung đăng ký Lao động tiên tiến cho toàn khoa',
      version: submitted.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = (await as(t.app, headA).get(`/api/registrations/${reg.id}`)).json();
    expect(seen.status).toBe('returned');
    expect(seen.returnReason).toBe('Bổ sung đăng ký Lao động tiên tiến cho toàn khoa');
    expect(seen.canEdit).toBe(true);
    // board: khoa A returned, khoa B not submitted; B's head does not see A's board row
    const board = (
      await as(t.app, tdkt).get(`/api/registrations/board?year=2026&orgId=${tree.so.id}`)
    ).json();
    const row = (id: string) => board.rows.find((r: { org: { id: string } }) => r.org.id === id);
    expect(row(tree.khoaA.id)).toMatchObject({ status: 'returned', individualCount: 2, collectiveCount: 1 });
    expect(row(tree.unitB.id)).toMatchObject({ status: 'not_submitted', registrationId: null });
    expect(row(tree.khoaB.id)).toBeUndefined(); // below the direct units and not registered
    expect(board.counts.returned).toBeGreaterThanOrEqual(1);
    const boardB = (await as(t.app, headB).get('/api/registrations/board?year=2026')).json();
    expect(boardB.rows.map((r: { org: { id: string } }) => r.org.id)).toEqual([tree.khoaB.id]);
    expect((await as(t.app, headB).get(`/api/registrations/${reg.id}`)).statusCode).toBe(404);
    // resubmit and approve
    const again = await as(t.app, headA).post(`/api/registrations/${reg.id}/transitions`, {
      action: 'submit',
      version: seen.version,
    });
    const approved = await as(t.app, tdkt).post(`/api/registrations/${reg.id}/transitions`, {
      action: 'approve',
      version: again.json().version,
    });
    expect(approved.json().status).toBe('approved');
    expect(approved.json().returnReason).toBeNull();
    expect(approved.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    // exports
    const xlsx = await as(t.app, tdkt).get(`/api/registrations/export?year=2026&orgId=${tree.so.id}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const values: string[] = [];
    ws.eachRow((r) => values.push((r.values as unknown[]).slice(1).join('|')));
    expect(values[0]).toMatch(/^TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2026/);
    expect(values.some((v) => v.includes('Nguyễn Văn Đăng|Bác sĩ|Chiến sĩ thi đua cơ sở|Đã duyệt'))).toBe(
      true,
    );
    const docx = await as(t.app, headA).get(`/api/registrations/${reg.id}/document`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('every state × action of the registration workflow', async () => {
    const person = await createPerson(t.database, tree.khoaB);
    const admin = await session('admin', tree.so);
    const reg = (
      await as(t.app, admin).post('/api/registrations', { orgId: tree.khoaB.id, year: 2027 })
    ).json();
    await as(t.app, admin).put(`/api/registrations/${reg.id}/items`, {
      version: reg.version,
      items: [{ personId: person.id, awardCode: 'LDTT' }],
    });
    const failures: string[] = [];
    for (const state of REGISTRATION_STATES) {
      for (const action of REGISTRATION_ACTIONS) {
        await t.database.db.execute(sql`update registrations set status = ${state} where id = ${reg.id}`);
        const v = (await as(t.app, admin).get(`/api/registrations/${reg.id}`)).json().version;
        const res = await as(t.app, admin).post(`/api/registrations/${reg.id}/transitions`, {
          action,
          version: v,
          reason: 'Lý do',
        });
        const row = findTransition(REGISTRATION_WORKFLOW, state, action);
        if (res.statusCode !== (row ? 200 : 409)) failures.push(`${state} × ${action}: ${res.statusCode}`);
        else if (row && res.json().status !== row.to)
          failures.push(`${state} × ${action}: ${res.json().status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
