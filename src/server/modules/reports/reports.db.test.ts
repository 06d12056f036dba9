import { sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
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
  uniq,
} from '../../../../test/helpers';
import { docxParagraphs, unzipText } from '../../documents/testing';
import {
  deliverDueMails,
  enqueueMail,
  MAIL_MAX_ATTEMPTS,
  NO_SMTP_MESSAGE,
  smtpTransport,
} from '../mail/mail.service';
import type { OrgRow } from '../organizations/organizations.repo';
import { insertOrg } from '../organizations/organizations.repo';
import { runDailyReminders } from './reports.service';

let t: TestApp;
let tree: OrgTree;
let unitC: OrgRow;
let tdktSo: Session;
let tdktB: Session;
let headA: Session;
let headB: Session;
let headC: Session;
let emailC: string;
let requestId: string;

const TEMPLATE = {
  fields: [
    { code: 'staff_trained', label: 'Số viên chức được tập huấn', unit: 'người', aggregate: 'sum' },
    { code: 'emr_rate', label: 'Tỷ lệ hồ sơ bệnh án điện tử', unit: '%', aggregate: 'avg' },
  ],
  sections: [{ code: 'results', title: 'Kết quả thực hiện phong trào thi đua' }],
};

const setDay = (day: string, hour = 9) => {
  // a time in Vietnam (UTC+7) on that day
  t.clock.now = new Date(`${day}T${String(hour - 7 < 0 ? hour + 17 : hour - 7).padStart(2, '0')}:00:00Z`);
  if (hour - 7 < 0) t.clock.now = new Date(t.clock.now.getTime() - 86_400_000);
};

async function userWithEmail(role: 'tdkt' | 'dept_head', org: OrgRow) {
  const u = await createUser(t.database, [{ role, org }]);
  const email = `${u.username}@donvi.example.vn`;
  await t.database.db.execute(sql`update users set email = ${email} where id = ${u.id}`);
  return { session: await login(t.app, u.username), email, id: u.id };
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  unitC = await insertOrg(
    t.database.db,
    tree.so,
    {
      type: 'specialized_hospital',
      code: `BV-C-${tree.suffix}`,
      name: `Bệnh viện Phổi C ${tree.suffix}`,
      shortName: 'BVP',
      validFrom: '2020-01-01',
    },
    null,
  );
  tdktSo = (await userWithEmail('tdkt', tree.so)).session;
  tdktB = (await userWithEmail('tdkt', tree.unitB)).session;
  headA = (await userWithEmail('dept_head', tree.unitA)).session;
  headB = (await userWithEmail('dept_head', tree.unitB)).session;
  const c = await userWithEmail('dept_head', unitC);
  headC = c.session;
  emailC = c.email;
});
afterAll(async () => t.close());

describe('report requests, submissions and the status board', () => {
  it('sends a request to the units directly below (not to the offices or departments)', async () => {
    setDay('2026-10-01');
    const res = await as(t.app, tdktSo).post('/api/reports', {
      orgId: tree.so.id,
      title: 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026',
      periodKind: 'year',
      periodYear: 2026,
      dueOn: '2026-11-15',
      template: TEMPLATE,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    requestId = body.id;
    expect(body.periodLabel).toBe('Năm 2026');
    expect(body.targets).toBe(3);
    expect(body.counts).toEqual({ submitted: 0, late: 0, missing: 0, pending: 3 });
  });

  it('rejects a template with duplicate codes and a target outside the subtree', async () => {
    const dup = await as(t.app, tdktSo).post('/api/reports', {
      orgId: tree.so.id,
      title: 'Trùng mã',
      periodKind: 'interim',
      periodYear: 2027,
      dueOn: '2027-06-30',
      template: { fields: [TEMPLATE.fields[0], TEMPLATE.fields[0]], sections: [] },
    });
    expect(dup.statusCode).toBe(400);
    expect(JSON.stringify(dup.json().error.details)).toContain('bị trùng');
    const outside = await as(t.app, tdktB).post('/api/reports', {
      orgId: tree.unitB.id,
      title: 'Ngoài phạm vi',
      periodKind: 'year',
      periodYear: 2026,
      dueOn: '2026-11-15',
      template: TEMPLATE,
      targetOrgIds: [tree.khoaA.id],
    });
    expect(outside.statusCode).toBe(400);
  });

  it('a unit drafts, cannot report outside the template, submits on time, then cannot edit', async () => {
    setDay('2026-11-10');
    const url = `/api/reports/${requestId}/submissions/${tree.unitA.id}`;
    const draft = await as(t.app, headA).get(url);
    expect(draft.statusCode).toBe(200);
    expect(draft.json().missing.fields).toEqual(['staff_trained', 'emr_rate']);
    const bad = await as(t.app, headA).put(url, { version: 1, figures: { khong_co: 1 }, narrative: {} });
    expect(bad.statusCode).toBe(400);
    const saved = await as(t.app, headA).put(url, {
      version: 1,
      figures: { staff_trained: 10, emr_rate: 90 },
      narrative: { results: 'Đơn vị hoàn thành tốt các chỉ tiêu thi đua.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await as(t.app, headA).post(`${url}/submit`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const sub = await as(t.app, headA).post(`${url}/submit`, { version: 2 });
    expect(sub.statusCode).toBe(200);
    expect(sub.json().boardStatus).toBe('submitted');
    const again = await as(t.app, headA).put(url, { version: 3, figures: {}, narrative: {} });
    expect(again.statusCode).toBe(409);
  });

  it('a unit sees the request and only its own row; other units and the roll-up are 404', async () => {
    const list = await as(t.app, headA).get('/api/reports');
    const item = list.json().items.find((i: { id: string }) => i.id === requestId);
    expect(item.isRequester).toBe(false);
    expect(item.targets).toBe(1);
    const board = await as(t.app, headA).get(`/api/reports/${requestId}/board`);
    expect(board.json().rows.map((r: { org: { id: string } }) => r.org.id)).toEqual([tree.unitA.id]);
    expect(
      (await as(t.app, headA).get(`/api/reports/${requestId}/submissions/${tree.unitB.id}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await as(t.app, headA).put(`/api/reports/${requestId}/submissions/${tree.unitB.id}`, {
          version: 1,
          figures: {},
          narrative: {},
        })
      ).statusCode,
    ).toBe(404);
    expect((await as(t.app, headA).get(`/api/reports/${requestId}/rollup`)).statusCode).toBe(404);
    // dept_head may not remind at all; a tdkt of unit B is not the requester: 404 like a missing request
    expect((await as(t.app, headA).post(`/api/reports/${requestId}/reminders`, {})).statusCode).toBe(403);
    expect((await as(t.app, tdktB).post(`/api/reports/${requestId}/reminders`, {})).statusCode).toBe(404);
  });

  it('after the due date: B submits late and shows late, C is missing; the board is mixed', async () => {
    setDay('2026-11-20');
    const url = `/api/reports/${requestId}/submissions/${tree.unitB.id}`;
    const saved = await as(t.app, headB).put(url, {
      version: 1,
      figures: { staff_trained: 5, emr_rate: 80 },
      narrative: { results: 'Còn chậm so với kế hoạch.' },
    });
    expect(saved.statusCode).toBe(200);
    const sub = await as(t.app, headB).post(`${url}/submit`, { version: 2 });
    expect(sub.json().boardStatus).toBe('late');
    const board = (await as(t.app, tdktSo).get(`/api/reports/${requestId}/board`)).json();
    const byOrg = Object.fromEntries(
      board.rows.map((r: { org: { id: string }; status: string }) => [r.org.id, r.status]),
    );
    expect(byOrg).toEqual({ [tree.unitA.id]: 'submitted', [tree.unitB.id]: 'late', [unitC.id]: 'missing' });
    expect(board.counts).toEqual({ submitted: 1, late: 1, missing: 1, pending: 0 });
    const late = board.rows.find((r: { org: { id: string } }) => r.org.id === tree.unitB.id);
    expect(late.statusName).toBe('Nộp muộn');
  });

  it('the daily check reminds the missing unit once a day, and the mail reaches a real SMTP sink', async () => {
    const first = await runDailyReminders(t.app.services);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await t.database.db.execute<{ org_id: string; kind: string }>(
      sql`select org_id, kind from report_reminders where request_id = ${requestId}`,
    );
    expect(reminders.rows).toEqual([{ org_id: unitC.id, kind: 'auto' }]);
    await runDailyReminders(t.app.services);
    const again = await t.database.db.execute(
      sql`select 1 from report_reminders where request_id = ${requestId}`,
    );
    expect(again.rows).toHaveLength(1);

    // a local SMTP server, as the real relay would be
    const received: ParsedMail[] = [];
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((m) => {
            received.push(m);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as { port: number }).port;
    try {
      const config = { ...t.config, smtp: { ...t.config.smtp, host: '127.0.0.1', port, secure: false } };
      const result = await deliverDueMails(t.database.db, {
        config,
        now: () => t.clock.now,
        transport: smtpTransport(config.smtp),
      });
      expect(result.sent).toBeGreaterThanOrEqual(1);
    } finally {
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    }
    const mail = received.find((m) => JSON.stringify(m.to).includes(emailC));
    expect(mail, 'the sink received the reminder').toBeDefined();
    expect(mail!.subject).toBe('Nhắc hạn nộp báo cáo: Báo cáo kết quả thực hiện phong trào thi đua năm 2026');
    expect(mail!.text).toContain(`Kính gửi: Bệnh viện Phổi C ${tree.suffix}`);
    expect(mail!.text).toContain('trước ngày 15/11/2026');
    expect(mail!.text).toContain('Đến ngày 20/11/2026, đơn vị chưa nộp báo cáo và đã quá hạn.');

    // the outbox shows it as sent to the Sở, and the unit got an in-app notification
    const outbox = (await as(t.app, tdktSo).get('/api/mail/outbox?kind=report.reminder')).json();
    const row = outbox.items.find((m: { to: string[] }) => m.to.includes(emailC));
    expect(row.status).toBe('sent');
    expect(row.statusName).toBe('Đã gửi');
    // unit B's tdkt does not see a mail about unit C
    const outboxB = (await as(t.app, tdktB).get('/api/mail/outbox')).json();
    expect(outboxB.items.some((m: { to: string[] }) => m.to.includes(emailC))).toBe(false);

    const bell = (await as(t.app, headC).get('/api/notifications')).json();
    const note = bell.items.find((n: { title: string }) => n.title.startsWith('Nhắc hạn nộp báo cáo'));
    expect(note.link).toBe(`/reports/${requestId}`);
    expect(bell.unread).toBeGreaterThanOrEqual(2); // the request itself and the reminder
    expect((await as(t.app, headA).post(`/api/notifications/${note.id}/read`)).statusCode).toBe(404);
    expect((await as(t.app, headC).post(`/api/notifications/${note.id}/read`)).statusCode).toBe(204);
    expect((await as(t.app, headC).get('/api/notifications')).json().unread).toBe(bell.unread - 1);
    await as(t.app, headC).post('/api/notifications/read-all');
    expect((await as(t.app, headC).get('/api/notifications')).json().unread).toBe(0);
  });

  it('"Nhắc hạn" reminds only the units that have not submitted', async () => {
    const res = await as(t.app, tdktSo).post(`/api/reports/${requestId}/reminders`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reminded: 1, mails: 1 });
    const board = (await as(t.app, tdktSo).get(`/api/reports/${requestId}/board`)).json();
    const c = board.rows.find((r: { org: { id: string } }) => r.org.id === unitC.id);
    expect(c.reminders).toBe(2);
    expect(c.lastReminderOn).toBe('2026-11-20');
  });

  it('the roll-up sums and averages the submitted figures and adds the system statistics (hand-checked)', async () => {
    const db = t.database.db;
    await db.execute(sql`insert into awards (org_id, award_code, year, unit_org_id) values
      (${tree.unitA.id}, 'TTLDXS', 2026, ${tree.unitA.id}),
      (${tree.khoaB.id}, 'GIAY_KHEN', 2026, ${tree.khoaB.id}),
      (${tree.khoaA.id}, 'GIAY_KHEN', 2026, ${tree.khoaA.id}),
      (${tree.khoaA.id}, 'GIAY_KHEN', 2025, ${tree.khoaA.id})`);
    await db.execute(sql`insert into initiatives (title, org_id, year, scope, recognised_on) values
      (${`Sáng kiến ${uniq()}`}, ${tree.unitA.id}, 2026, 'unit', '2026-06-01'),
      (${`Sáng kiến ${uniq()}`}, ${tree.unitB.id}, 2026, 'province', '2026-07-01')`);
    const res = await as(t.app, tdktSo).get(`/api/reports/${requestId}/rollup`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(
      r.fields.map((f: { code: string; value: number; count: number }) => [f.code, f.value, f.count]),
    ).toEqual([
      ['staff_trained', 15, 2],
      ['emr_rate', 85, 2],
    ]);
    expect(r.counts).toEqual({ submitted: 1, late: 1, missing: 1, pending: 0 });
    expect(r.statistics.awardsByForm).toEqual([
      { code: 'GIAY_KHEN', name: 'Giấy khen', count: 2 },
      { code: 'TTLDXS', name: 'Tập thể lao động xuất sắc', count: 1 },
    ]);
    expect(r.statistics.initiatives.total).toBe(2);

    const docx = await as(t.app, tdktSo).get(`/api/reports/${requestId}/rollup.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = (await unzipText(docx.rawPayload)).get('word/document.xml')!;
    const text = docxParagraphs(xml).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('TỔNG HỢP SỐ LIỆU CÁC ĐƠN VỊ');
    expect(text).toContain('Đơn vị hoàn thành tốt các chỉ tiêu thi đua.');
    const xlsx = await as(t.app, tdktSo).get(`/api/reports/${requestId}/rollup.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await unzipText(xlsx.rawPayload)).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('Tổng hợp');
    expect(sheet).toContain('<v>15</v>');
  });
});

describe('closing a request and re-sending mail', () => {
  it('a closed request takes no more reports or reminders; only the requester can close it', async () => {
    setDay('2026-11-20');
    const res = await as(t.app, tdktSo).post('/api/reports', {
      orgId: tree.so.id,
      title: 'Báo cáo sơ kết 2027',
      periodKind: 'interim',
      periodYear: 2027,
      dueOn: '2027-06-30',
      template: TEMPLATE,
    });
    const id = res.json().id;
    expect((await as(t.app, tdktB).post(`/api/reports/${id}/close`)).statusCode).toBe(404);
    const closed = await as(t.app, tdktSo).post(`/api/reports/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await as(t.app, tdktSo).post(`/api/reports/${id}/close`)).statusCode).toBe(409);
    const put = await as(t.app, headA).put(`/api/reports/${id}/submissions/${tree.unitA.id}`, {
      version: 1,
      figures: {},
      narrative: {},
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.message).toBe('Yêu cầu báo cáo đã đóng.');
    expect((await as(t.app, tdktSo).post(`/api/reports/${id}/reminders`, {})).statusCode).toBe(409);
    const board = (await as(t.app, headA).get(`/api/reports/${id}/board`)).json();
    expect(board.rows[0].canSubmit).toBe(false);
  });

  it('an administrator puts a failed mail back in the queue; a sent one cannot be', async () => {
    const admin = await login(
      t.app,
      (await createUser(t.database, [{ role: 'admin', org: tree.so }])).username,
    );
    const id = await enqueueMail(t.database.db, {
      to: [],
      subject: 'Không người nhận',
      text: 'x',
      kind: 'test',
      orgId: tree.unitA.id,
    });
    expect((await as(t.app, tdktSo).post(`/api/mail/outbox/${id}/retry`)).statusCode).toBe(403);
    expect((await as(t.app, admin).post(`/api/mail/outbox/${id}/retry`)).statusCode).toBe(204);
    const row = await t.database.db.execute<{ status: string; attempts: number }>(
      sql`select status, attempts from mail_outbox where id = ${id}`,
    );
    expect(row.rows[0]).toEqual({ status: 'queued', attempts: 0 });
    expect((await as(t.app, admin).post(`/api/mail/outbox/${id}/retry`)).statusCode).toBe(409);
  });
});

describe('mail outbox sender', () => {
  it('without SMTP keeps the mail as not sent with the reason', async () => {
    const id = await enqueueMail(t.database.db, {
      to: ['a@example.vn'],
      subject: 'Thử',
      text: 'Nội dung',
      kind: `test-${uniq()}`,
    });
    await deliverDueMails(t.database.db, { config: t.config, now: () => t.clock.now, transport: null });
    const row = await t.database.db.execute<{ status: string; last_error: string }>(
      sql`select status, last_error from mail_outbox where id = ${id}`,
    );
    expect(row.rows[0]).toEqual({ status: 'not_sent', last_error: NO_SMTP_MESSAGE });
  });

  it('retries with backoff and gives up after the last attempt', async () => {
    // leave earlier queued mails out of this test
    await t.database.db.execute(sql`update mail_outbox set status = 'sent' where status = 'queued'`);
    const id = await enqueueMail(t.database.db, {
      to: ['b@example.vn'],
      subject: 'Lỗi',
      text: 'x',
      kind: 'test',
    });
    const failing = { sendMail: async () => Promise.reject(new Error('550 hộp thư không tồn tại')) };
    const start = t.clock.now.getTime();
    let at = start;
    for (let i = 1; i <= MAIL_MAX_ATTEMPTS; i++) {
      const r = await deliverDueMails(t.database.db, {
        config: t.config,
        now: () => new Date(at),
        transport: failing,
      });
      const row = (
        await t.database.db.execute<{ status: string; attempts: number; next_attempt_at: string }>(
          sql`select status, attempts, next_attempt_at from mail_outbox where id = ${id}`,
        )
      ).rows[0]!;
      expect(row.attempts).toBe(i);
      if (i < MAIL_MAX_ATTEMPTS) {
        expect(r.retried).toBe(1);
        expect(row.status).toBe('queued');
        const wait = new Date(row.next_attempt_at).getTime() - at;
        expect(wait).toBe(2 ** (i - 1) * 60_000);
        // not due yet: nothing happens a second earlier
        expect(
          (
            await deliverDueMails(t.database.db, {
              config: t.config,
              now: () => new Date(at + wait - 1000),
              transport: failing,
            })
          ).retried,
        ).toBe(0);
        at += wait;
      } else {
        expect(r.failed).toBe(1);
        expect(row.status).toBe('failed');
      }
    }
  });
});
