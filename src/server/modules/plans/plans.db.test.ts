import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
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
import { multipart } from '../../../../test/xlsx';
import { docxParagraphs, pdfToText, squash, unzipText } from '../../documents/testing';
import { insertOrg } from '../organizations/organizations.repo';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const fixture = (name: string) =>
  readFileSync(new URL(`../../../domain/plans/parse/__fixtures__/${name}`, import.meta.url), 'utf8');

let t: TestApp;
let tree: OrgTree;
let tdkt: Session; // Phòng TCCB of the Sở: plan.write + plan.issue on the whole tree
let headA: Session; // dept_head of unit A: plan.write on unit A
let headB: Session;
let directorA: Session; // plan.read + plan.issue on unit A
let staffA: Session; // plan.read only
let tdktEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  const u = await createUser(t.database, [{ role: 'tdkt', org: tree.so }]);
  tdkt = await login(t.app, u.username);
  tdktEmail = `tdkt-${u.username}@syt.example.vn`;
  const ha = await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }]);
  await t.database.db.execute(
    sql`update users set email = ${`truongphong-${ha.username}@ttyt.example.vn`} where id = ${ha.id}`,
  );
  headA = await login(t.app, ha.username);
  headB = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitB }])).username,
  );
  directorA = await login(
    t.app,
    (await createUser(t.database, [{ role: 'director', org: tree.unitA }])).username,
  );
  staffA = await login(t.app, (await createUser(t.database, [{ role: 'staff', org: tree.unitA }])).username);
});
afterAll(async () => t.close());

const SIGNED = {
  place: 'Điện Biên',
  signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
  signerName: 'Nguyễn Văn Ký',
};

async function issuedSoPlan(
  title = 'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
) {
  const created = await as(t.app, tdkt).post('/api/plans', {
    orgId: tree.so.id,
    content: {
      title,
      ...SIGNED,
      yearFrom: 2025,
      yearTo: 2030,
      purposes: 'Phát huy tinh thần đổi mới sáng tạo.',
      awardForms: ['GIAY_KHEN', 'BANG_KHEN_TINH'],
      phases: [
        { name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027, reviewType: 'interim', reviewYear: 2027 },
        { name: 'Giai đoạn 2', fromYear: 2027, toYear: 2030, reviewType: 'final', reviewYear: 2030 },
      ],
      targets: [
        {
          content: 'Tỷ lệ bệnh án điện tử',
          indicatorCode: 'EMR',
          targetValue: 95,
          unit: '%',
          dueOn: '2027-12-31',
        },
        {
          content: 'Thanh toán không dùng tiền mặt',
          indicatorCode: null,
          targetValue: 100,
          unit: '%',
          dueOn: null,
        },
      ],
      responsibilities: [
        {
          orgId: null,
          department: 'Phòng Tổ chức cán bộ',
          content: 'Tổng hợp báo cáo kết quả',
          dueOn: '2025-11-15',
          recurrence: 'yearly',
        },
        {
          orgId: null,
          department: 'Văn phòng Sở',
          content: 'Tuyên truyền trên cổng thông tin',
          dueOn: null,
          recurrence: null,
        },
      ],
      references: [
        {
          kind: 'implements',
          number: '190/KH-UBND',
          issuedOn: '2025-07-18',
          issuer: 'UBND tỉnh Điện Biên',
          title: null,
          referencedPlanId: null,
        },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const plan = created.json();
  const issued = await as(t.app, tdkt).post(`/api/plans/${plan.id}/issue`, {
    version: plan.version,
    issuedOn: '2025-08-08',
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json();
}

describe('import from text', () => {
  it.each([
    ['kh-252-ttyt-dien-bien-phu-2025.ocr.txt', '252/KH-TTYT', '2025-08-11', 'Điện Biên Phủ', '234/KH-SYT'],
    ['kh-3764-syt-ha-noi-2025.ocr.txt', '3764/KH-SYT', '2025-07-23', 'Hà Nội', '190/KH-UBND'],
  ])('%s → a draft with the recognised fields', async (file, number, date, place, implementsNumber) => {
    const res = await as(t.app, tdkt).post('/api/plans/import', { orgId: tree.so.id, text: fixture(file) });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan.status).toBe('draft');
    expect(plan.documentNumber).toBeNull(); // the app numbers it on issue
    expect(plan.importInfo.sourceDocumentNumber).toBe(number);
    expect(plan.content.issuedOn).toBe(date);
    expect(plan.content.place).toBe(place);
    expect(plan.content.references.find((r: { kind: string }) => r.kind === 'implements').number).toBe(
      implementsNumber,
    );
    expect(
      plan.content.phases.map((p: { fromYear: number; toYear: number; reviewType: string }) => [
        p.fromYear,
        p.toYear,
        p.reviewType,
      ]),
    ).toEqual([
      [2025, 2027, 'interim'],
      [2027, 2030, 'final'],
    ]);
    expect(plan.content.awardForms).toEqual(
      expect.arrayContaining(['GIAY_KHEN', 'BANG_KHEN_TINH', 'CO_THI_DUA_TINH']),
    );
    expect(plan.importInfo.recognised).toEqual(
      expect.arrayContaining(['title', 'place', 'issuedOn', 'phases', 'awardForms']),
    );
    // not in the text → empty, not invented
    expect(plan.content.targets).toEqual([]);
    expect(plan.content.budgetSources).toBeNull();
    expect(plan.importInfo.recognised).not.toContain('targets');
  });

  it('reads the Lai Châu CDC plan (clean Unicode) with its blank number left empty', async () => {
    const res = await as(t.app, tdkt).post('/api/plans/import', {
      orgId: tree.so.id,
      text: fixture('kh-cdc-lai-chau-2025.txt'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan.importInfo.sourceDocumentNumber).toBeNull();
    expect(plan.content.title).toBeTruthy();
    expect(plan.content.awardForms.length).toBeGreaterThan(0);
  });

  it('imports an uploaded .txt file and refuses other formats and texts without a plan', async () => {
    const m = multipart(
      'ke-hoach-252.txt',
      Buffer.from(fixture('kh-252-ttyt-dien-bien-phu-2025.ocr.txt'), 'utf8'),
    );
    const res = await as(t.app, headA).post(
      `/api/plans/import-file?orgId=${tree.unitA.id}`,
      m.payload,
      m.headers,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().importInfo.fileName).toBe('ke-hoach-252.txt');
    expect(res.json().orgId).toBe(tree.unitA.id);

    const pdf = multipart('ke-hoach.pdf', Buffer.from('%PDF-1.4'));
    const bad = await as(t.app, headA).post(
      `/api/plans/import-file?orgId=${tree.unitA.id}`,
      pdf.payload,
      pdf.headers,
    );
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.message).toBe('Chỉ nhận tệp văn bản .txt hoặc .docx.');

    const empty = await as(t.app, headA).post('/api/plans/import', {
      orgId: tree.unitA.id,
      text: 'Xin chào.',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toContain('Không nhận dạng được');
  });

  it('imports a .docx rendered from a plan (round trip through the NĐ 30 document)', async () => {
    const plan = await issuedSoPlan();
    const docx = await as(t.app, tdkt).get(`/api/plans/${plan.id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    const m = multipart('ke-hoach.docx', docx.rawPayload);
    const res = await as(t.app, tdkt).post(
      `/api/plans/import-file?orgId=${tree.so.id}`,
      m.payload,
      m.headers,
    );
    expect(res.statusCode, res.body).toBe(201);
    const back = res.json();
    expect(back.importInfo.sourceDocumentNumber).toBe(plan.documentNumber);
    expect(back.content.issuedOn).toBe('2025-08-08');
    expect(back.content.phases).toHaveLength(2);
  });

  it('links "Thực hiện Kế hoạch số …" to the issued plan in the system, so the board sees the import', async () => {
    const parent = await issuedSoPlan();
    const text = `SỞ Y TẾ\nTRUNG TÂM Y TẾ A\nSố:   /KH-TTYT\nĐiện Biên Phủ, ngày 11 tháng 8 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện phong trào thi đua\nThực hiện Kế hoạch số ${parent.documentNumber} ngày 08/8/2025 của Sở Y tế về triển khai phong trào thi đua giai đoạn 2025-2030, Trung tâm Y tế xây dựng kế hoạch như sau:\n`;
    const res = await as(t.app, headA).post('/api/plans/import', { orgId: tree.unitA.id, text });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().parentPlanId).toBe(parent.id);
    const board = (await as(t.app, tdkt).get(`/api/plans/${parent.id}/board`)).json();
    expect(board.rows.find((r: { orgId: string }) => r.orgId === tree.unitA.id).state).toBe('draft');
  });
});

describe('drafts, issue and numbering', () => {
  it('edits a draft with optimistic versions, then issues it with the next KH number of the issuer, once', async () => {
    const created = await as(t.app, headA).post('/api/plans', {
      orgId: tree.unitA.id,
      content: { title: 'Kế hoạch thi đua năm 2026' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.content.issuerName).toBe(tree.unitA.name.toLocaleUpperCase('vi-VN'));
    expect(p.abilities).toMatchObject({ edit: true, delete: true, issue: false });

    const edited = await as(t.app, headA).patch(`/api/plans/${p.id}`, {
      version: p.version,
      content: { ...SIGNED, place: 'Điện Biên Phủ' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await as(t.app, headA).patch(`/api/plans/${p.id}`, {
      version: p.version,
      content: { title: 'x' },
    });
    expect(stale.statusCode).toBe(409);

    // a dept_head may not issue; the director of the unit may
    expect(
      (await as(t.app, headA).post(`/api/plans/${p.id}/issue`, { version: edited.json().version }))
        .statusCode,
    ).toBe(403);
    const before = await t.database.db.execute<{ n: number }>(
      sql`select coalesce(max(last_number), 0)::int as n from document_sequences where issuer_org_id = ${tree.unitA.id} and kind = 'KH' and year = 2026`,
    );
    const issued = await as(t.app, directorA).post(`/api/plans/${p.id}/issue`, {
      version: edited.json().version,
      issuedOn: '2026-01-05',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const n = Number(before.rows[0]!.n) + 1;
    expect(issued.json()).toMatchObject({
      status: 'issued',
      documentNumber: `${String(n).padStart(2, '0')}/KH-${tree.unitA.shortName}`,
      issuedOn: '2026-01-05',
    });
    // immutable after issue
    const again = await as(t.app, directorA).post(`/api/plans/${p.id}/issue`, {
      version: issued.json().version,
    });
    expect(again.statusCode).toBe(409);
    const edit = await as(t.app, headA).patch(`/api/plans/${p.id}`, {
      version: issued.json().version,
      content: { title: 'Sửa' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('đã ban hành');
    expect((await as(t.app, headA).delete(`/api/plans/${p.id}`)).statusCode).toBe(409);
    // the second plan of the year takes the next number
    const second = (
      await as(t.app, headA).post('/api/plans', {
        orgId: tree.unitA.id,
        content: { title: 'Kế hoạch thứ hai', ...SIGNED },
      })
    ).json();
    const issued2 = await as(t.app, directorA).post(`/api/plans/${second.id}/issue`, {
      version: second.version,
      issuedOn: '2026-02-01',
    });
    expect(issued2.json().number).toBe(n + 1);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`select action from audit_log where entity_id = ${p.id} order by seq`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['plan.create', 'plan.update', 'plan.issue']);
  });

  it('refuses to issue a plan without place or signer, naming the fields in Vietnamese', async () => {
    const p = (
      await as(t.app, tdkt).post('/api/plans', { orgId: tree.so.id, content: { title: 'Thiếu thông tin' } })
    ).json();
    const res = await as(t.app, tdkt).post(`/api/plans/${p.id}/issue`, { version: p.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'content.place',
      'content.signerTitle',
      'content.signerName',
    ]);
    expect(res.json().error.message).toBe('Kế hoạch chưa đủ thông tin để ban hành.');
  });

  it('turns the responsibilities with a due date into tasks when the plan is issued', async () => {
    const plan = await issuedSoPlan();
    const tasks = await t.database.db.execute<{
      assignee_department: string;
      due_on: string;
      recurrence: string;
    }>(
      sql`select assignee_department, due_on::text as due_on, recurrence from tasks where plan_id = ${plan.id}`,
    );
    expect(tasks.rows).toEqual([
      { assignee_department: 'Phòng Tổ chức cán bộ', due_on: '2025-11-15', recurrence: 'yearly' },
    ]);
  });

  it('rejects unknown fields and award forms outside the catalog', async () => {
    const unknown = await as(t.app, tdkt).post('/api/plans', {
      orgId: tree.so.id,
      content: { title: 'x', colour: 'đỏ' },
    });
    expect(unknown.statusCode).toBe(400);
    const award = await as(t.app, tdkt).post('/api/plans', {
      orgId: tree.so.id,
      content: { awardForms: ['HUY_CHUONG_VANG'] },
    });
    expect(award.statusCode).toBe(400);
    const years = await as(t.app, tdkt).post('/api/plans', {
      orgId: tree.so.id,
      content: { yearFrom: 2030, yearTo: 2025 },
    });
    expect(years.statusCode).toBe(400);
  });
});

describe('cascade: derive, diff, board, reminders, tree', () => {
  it('a unit derives its plan from the Sở plan; the diff shows what it changed', async () => {
    const parent = await issuedSoPlan();
    // the unit reads the issued plan of its superior
    expect((await as(t.app, staffA).get(`/api/plans/${parent.id}`)).statusCode).toBe(200);
    expect((await as(t.app, headA).get(`/api/plans/${parent.id}`)).json().abilities.derive).toBe(true);
    const d = await as(t.app, headA).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitA.id });
    expect(d.statusCode, d.body).toBe(201);
    const child = d.json();
    expect(child.parentPlanId).toBe(parent.id);
    expect(child.content.references[0]).toMatchObject({
      kind: 'implements',
      number: parent.documentNumber,
      referencedPlanId: parent.id,
      issuedOn: '2025-08-08',
    });
    expect(child.content.targets).toHaveLength(2);
    expect(child.content.signerName).toBeNull();

    const unchanged = (await as(t.app, headA).get(`/api/plans/${child.id}/diff`)).json();
    expect(unchanged.same).toBe(true);

    const targets = child.content.targets.slice(0, 1).map((x: object) => ({ ...x, targetValue: 98 }));
    targets.push({
      content: 'Hồ sơ sức khỏe điện tử',
      indicatorCode: null,
      targetValue: 90,
      unit: '%',
      dueOn: null,
    });
    const patched = await as(t.app, headA).patch(`/api/plans/${child.id}`, {
      version: child.version,
      content: { title: 'Triển khai thực hiện tại Trung tâm Y tế', targets },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const diff = (await as(t.app, headA).get(`/api/plans/${child.id}/diff`)).json();
    expect(diff.same).toBe(false);
    expect(diff.fields.map((f: { field: string }) => f.field)).toEqual(['title']);
    expect(diff.targets.changed[0].fields).toEqual(['targetValue']);
    expect(diff.targets.added).toHaveLength(1);
    expect(diff.targets.removed.map((x: { content: string }) => x.content)).toEqual([
      'Thanh toán không dùng tiền mặt',
    ]);

    // one implementing plan per unit and parent
    const dup = await as(t.app, headA).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitA.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.planId).toBe(child.id);
    // a unit cannot derive for an organisation outside its scope (404) nor for the issuer itself
    expect(
      (await as(t.app, headA).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitB.id })).statusCode,
    ).toBe(404);
    expect(
      (await as(t.app, tdkt).post(`/api/plans/${parent.id}/derive`, { orgId: tree.so.id })).statusCode,
    ).toBe(400);
  });

  it('a draft of the Sở is not visible to the units; a unit draft is not visible to another unit', async () => {
    const draft = (
      await as(t.app, tdkt).post('/api/plans', { orgId: tree.so.id, content: { title: 'Dự thảo nội bộ' } })
    ).json();
    expect((await as(t.app, headA).get(`/api/plans/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, headA).post(`/api/plans/${draft.id}/derive`, { orgId: tree.unitA.id })).statusCode,
    ).toBe(404);
    const unitDraft = (
      await as(t.app, headA).post('/api/plans', { orgId: tree.unitA.id, content: { title: 'Dự thảo A' } })
    ).json();
    const other = await as(t.app, headB).get(`/api/plans/${unitDraft.id}`);
    const missing = await as(t.app, headB).get('/api/plans/00000000-0000-4000-8000-000000000000');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe(missing.json().error.message);
    expect(
      (await as(t.app, headB).patch(`/api/plans/${unitDraft.id}`, { version: 1, content: { title: 'x' } }))
        .statusCode,
    ).toBe(404);
    const listB = (await as(t.app, headB).get('/api/plans')).json().items.map((i: { id: string }) => i.id);
    expect(listB).not.toContain(unitDraft.id);
    expect(listB).not.toContain(draft.id);
    // the Sở sees its units' drafts
    expect((await as(t.app, tdkt).get(`/api/plans/${unitDraft.id}`)).statusCode).toBe(200);
  });

  it('the board lists every direct subordinate with none / draft / issued, and reminds those without a plan', async () => {
    const parent = await issuedSoPlan();
    // a third unit, with no plan at all
    const unitC = await insertOrg(
      t.database.db,
      tree.so,
      {
        type: 'medical_center',
        code: `TTYT-C-${tree.suffix}-${Date.now()}`,
        name: `Trung tâm Y tế C ${tree.suffix}`,
        shortName: 'TTYTC',
        validFrom: '2020-01-01',
      },
      null,
    );
    // an office of the Sở (phòng thuộc Sở) is not a subordinate unit: not on the board
    await insertOrg(
      t.database.db,
      tree.so,
      {
        type: 'office',
        code: `TCCB-${tree.suffix}-${Date.now()}`,
        name: `Phòng Tổ chức cán bộ ${tree.suffix}`,
        shortName: 'TCCB',
        validFrom: '2020-01-01',
      },
      null,
    );
    const a = (
      await as(t.app, headA).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitA.id })
    ).json();
    await as(t.app, headA).patch(`/api/plans/${a.id}`, { version: a.version, content: { ...SIGNED } });
    const a2 = (await as(t.app, headA).get(`/api/plans/${a.id}`)).json();
    expect(
      (
        await as(t.app, directorA).post(`/api/plans/${a.id}/issue`, {
          version: a2.version,
          issuedOn: '2025-08-11',
        })
      ).statusCode,
    ).toBe(200);
    await as(t.app, headB).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitB.id });

    const res = await as(t.app, tdkt).get(`/api/plans/${parent.id}/board`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    const state = Object.fromEntries(
      board.rows.map((r: { orgId: string; state: string }) => [r.orgId, r.state]),
    );
    expect(state).toEqual({ [tree.unitA.id]: 'issued', [tree.unitB.id]: 'draft', [unitC.id]: 'none' });
    expect(board.counts).toEqual({ none: 1, draft: 1, issued: 1 });
    const rowA = board.rows.find((r: { orgId: string }) => r.orgId === tree.unitA.id);
    expect(rowA).toMatchObject({ issuedOn: '2025-08-11', stateName: 'Đã ban hành' });
    expect(rowA.documentNumber).toMatch(/\/KH-TTYT$/);

    // the units may not see the Sở's board (it is the issuer's tool)
    expect((await as(t.app, headA).get(`/api/plans/${parent.id}/board`)).statusCode).toBe(404);

    const remind = await as(t.app, tdkt).post(`/api/plans/${parent.id}/reminders`, {});
    expect(remind.statusCode, remind.body).toBe(200);
    expect(remind.json().reminded).toBe(2); // B (draft) and C (none), not A
    const after = (await as(t.app, tdkt).get(`/api/plans/${parent.id}/board`)).json();
    const reminders = Object.fromEntries(
      after.rows.map((r: { orgId: string; reminders: number }) => [r.orgId, r.reminders]),
    );
    expect(reminders).toEqual({ [tree.unitA.id]: 0, [tree.unitB.id]: 1, [unitC.id]: 1 });
    const outside = await as(t.app, tdkt).post(`/api/plans/${parent.id}/reminders`, {
      orgIds: [tree.khoaA.id],
    });
    expect(outside.statusCode).toBe(400);
  });

  it("a reminder puts a mail in the outbox for the unit's planners and a notification", async () => {
    const parent = await issuedSoPlan();
    const res = await as(t.app, tdkt).post(`/api/plans/${parent.id}/reminders`, {
      orgIds: [tree.unitA.id],
      message: 'Đề nghị hoàn thành trước ngày 30/8.',
    });
    expect(res.json()).toEqual({ reminded: 1, mails: 1 });
    const mail = await t.database.db.execute<{ recipients: string[]; subject: string; text_body: string }>(
      sql`select recipients, subject, text_body from mail_outbox where ref_id = ${parent.id} and kind = 'plan.reminder'`,
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]!.recipients[0]).toMatch(/^truongphong-.*@ttyt\.example\.vn$/);
    expect(mail.rows[0]!.subject).toBe(
      `Nhắc nhở xây dựng kế hoạch thực hiện Kế hoạch số ${parent.documentNumber}`,
    );
    expect(mail.rows[0]!.text_body).toContain('Đề nghị hoàn thành trước ngày 30/8.');
    const notes = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where link = ${`/plans/${parent.id}`}`,
    );
    expect(Number(notes.rows[0]!.n)).toBeGreaterThan(0);
    expect(tdktEmail).toContain('@');
  });

  it('the tree puts the province plan above the Sở plan and the unit plans below it', async () => {
    const parent = await issuedSoPlan('Kế hoạch cho cây');
    const child = (
      await as(t.app, headA).post(`/api/plans/${parent.id}/derive`, { orgId: tree.unitA.id })
    ).json();
    const dept = (
      await as(t.app, headA).post('/api/plans', {
        orgId: tree.khoaA.id,
        content: { title: 'Kế hoạch của khoa' },
      })
    ).json();
    await as(t.app, headA).patch(`/api/plans/${child.id}`, {
      version: child.version,
      content: { ...SIGNED },
    });
    const c2 = (await as(t.app, headA).get(`/api/plans/${child.id}`)).json();
    const issuedChild = (
      await as(t.app, directorA).post(`/api/plans/${child.id}/issue`, {
        version: c2.version,
        issuedOn: '2025-08-12',
      })
    ).json();
    await as(t.app, headA).patch(`/api/plans/${dept.id}`, {
      version: dept.version,
      content: {
        references: [
          {
            kind: 'implements',
            number: issuedChild.documentNumber,
            issuedOn: '2025-08-12',
            issuer: null,
            title: null,
            referencedPlanId: null,
          },
        ],
      },
    });
    const nodes = (await as(t.app, headA).get('/api/plans/tree')).json().nodes as {
      key: string;
      parentKey: string | null;
      kind: string;
      planId: string | null;
    }[];
    const byPlan = (id: string) => nodes.find((n) => n.planId === id)!;
    const ext = nodes.find((n) => n.key === byPlan(parent.id).parentKey)!;
    expect(ext.kind).toBe('external');
    expect(byPlan(child.id).parentKey).toBe(`plan:${parent.id}`);
    expect(byPlan(dept.id).parentKey).toBe(`plan:${child.id}`);
  });
});

describe('targets and indicators', () => {
  it("shows each target with the rolled-up value of its indicator over the issuer's units", async () => {
    const code = `T${tree.suffix}`;
    const def = await t.database.pool.query(
      `insert into indicator_definitions (code, name, unit, rollup, periodicity) values ($1, 'Tỷ lệ bệnh án điện tử thử', '%', 'average', 'year') returning id`,
      [code],
    );
    await t.database.pool.query(
      `insert into indicator_values (indicator_id, org_id, year, period, period_end, value) values ($1, $2, 2025, 'Y', '2025-12-31', 85)`,
      [def.rows[0].id, tree.unitA.id],
    );
    const p = (
      await as(t.app, tdkt).post('/api/plans', {
        orgId: tree.so.id,
        content: {
          title: 'Kế hoạch có chỉ tiêu',
          targets: [
            {
              content: 'Bệnh án điện tử',
              indicatorCode: code,
              targetValue: 95,
              unit: '%',
              dueOn: '2025-12-31',
            },
            {
              content: 'Bệnh án điện tử (mức sàn)',
              indicatorCode: code,
              targetValue: 80,
              unit: '%',
              dueOn: null,
            },
            {
              content: 'Chỉ tiêu không gắn chỉ số',
              indicatorCode: null,
              targetValue: 1,
              unit: null,
              dueOn: null,
            },
          ],
        },
      })
    ).json();
    const res = await as(t.app, tdkt).get(`/api/plans/${p.id}/progress?year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().targets;
    expect(rows.map((r: { value: number | null; status: string | null }) => [r.value, r.status])).toEqual([
      [85, 'behind'],
      [85, 'met'],
      [null, null],
    ]);
    expect(rows[0].indicatorName).toBe('Tỷ lệ bệnh án điện tử thử');
    expect(rows[0].statusName).toBe('Chậm tiến độ');
    // another year without values
    expect(
      (await as(t.app, tdkt).get(`/api/plans/${p.id}/progress?year=2024`)).json().targets[0].status,
    ).toBe('no_data');
    // a unit does not get the Sở's roll-up (own plans only)
    expect((await as(t.app, headA).get(`/api/plans/${p.id}/progress`)).statusCode).toBe(404);
  });
});

describe('official documents', () => {
  it('renders the issued plan as DOCX and PDF in the NĐ 30 format', async () => {
    const plan = await issuedSoPlan();
    const res = await as(t.app, staffA).get(`/api/plans/${plan.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const xml = (await unzipText(res.rawPayload)).get('word/document.xml')!;
    const paras = docxParagraphs(xml).map((p) => squash(p).trim());
    expect(paras).toContain(`Số: ${plan.documentNumber}`);
    expect(paras).toContain('KẾ HOẠCH');
    expect(paras.some((p) => p.startsWith('I.') && p.includes('MỤC ĐÍCH, YÊU CẦU'))).toBe(true);
    expect(paras.some((p) => p.startsWith('Thực hiện Kế hoạch số 190/KH-UBND ngày 18/07/2025'))).toBe(true);
    const pdf = await as(t.app, staffA).get(`/api/plans/${plan.id}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = squash(await pdfToText(pdf.rawPayload));
    expect(text).toContain(plan.documentNumber);
    expect(text).toContain('Nơi nhận');
  });

  it('the DOCX opens in LibreOffice with the ND 30 header, number and numbered sections', async () => {
    const plan = await issuedSoPlan();
    const res = await as(t.app, tdkt).get(`/api/plans/${plan.id}/document.docx`);
    const dir = await mkdtemp(path.join(tmpdir(), 'thidua-plan-lo-'));
    try {
      const input = path.join(dir, 'ke-hoach.docx');
      await writeFile(input, res.rawPayload);
      await promisify(execFile)(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: 150_000 },
      );
      const pages = (await pdfToText(await readFile(path.join(dir, 'ke-hoach.pdf')))).split('\f');
      const lines = pages
        .join('\n')
        .split('\n')
        .map((l) => squash(l).trim());
      expect(lines.some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
      expect(lines.some((l) => l.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true);
      expect(lines.some((l) => l.includes(`Số: ${plan.documentNumber}`))).toBe(true);
      expect(lines.some((l) => l.includes('Điện Biên, ngày 08 tháng 8 năm 2025'))).toBe(true);
      expect(lines).toContain('KẾ HOẠCH');
      for (const heading of [
        'I. MỤC ĐÍCH, YÊU CẦU',
        'II. ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN THỰC HIỆN',
        '1. Mục đích',
      ]) {
        expect(lines.some((l) => l.startsWith(heading))).toBe(true);
      }
      expect(lines.some((l) => l.startsWith('Nơi nhận:'))).toBe(true);
      expect(lines.some((l) => l.includes('KT. GIÁM ĐỐC'))).toBe(true);
      expect(lines.some((l) => l.includes('Nguyễn Văn Ký'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a draft prints a blank number and the DỰ THẢO marker', async () => {
    const p = (
      await as(t.app, headA).post('/api/plans', { orgId: tree.unitA.id, content: { title: 'Dự thảo in' } })
    ).json();
    const res = await as(t.app, headA).get(`/api/plans/${p.id}/document.docx`);
    const files = await unzipText(res.rawPayload);
    const paras = docxParagraphs(files.get('word/document.xml')!).map((x) => squash(x).trim());
    expect(paras.some((x) => /^Số: \/KH-TTYT$/.test(x))).toBe(true);
    const headers = [...files.entries()]
      .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
      .map(([, xml]) => xml);
    expect(headers.some((xml) => xml.includes('DỰ THẢO'))).toBe(true);
    expect(paras.join('\n')).toContain(`${tree.unitA.name} ban hành Kế hoạch dự thảo in như sau:`);
  });
});
