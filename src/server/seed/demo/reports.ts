import { sql } from 'drizzle-orm';
import { UNIT_TYPES } from '../../../domain/org/types';
import { DEFAULT_YEARLY_TEMPLATE, type ReportTemplate } from '../../../domain/reports/reports';
import { roleGrants, users } from '../../db/schema';
import { notify } from '../../modules/notifications/notifications.service';
import { recordReminder } from '../../modules/reports/reports.service';
import { hashPassword } from '../../platform/auth/passwords';
import { DEMO_PASSWORD, type SeedStep } from '../seed';

/**
 * Demo periodic reports, tasks and notifications, as the Sở sees them on 01/12/2026:
 *  - the yearly request "Báo cáo kết quả thực hiện phong trào thi đua năm 2026" (due 15/11/2026)
 *    to every unit: about half submitted on time, a quarter late, the rest missing (with the
 *    automatic reminders of 16/11 in the outbox — "not sent" unless SMTP is configured);
 *  - the 2027 sơ kết request (due 30/6/2027), all pending;
 *  - tasks from the responsibilities of the demo plans (a third done), and a few notifications;
 *  - e-mail addresses on the demo accounts, and a unit account "donvi" (Trưởng phòng of Trung tâm
 *    Y tế thành phố Điện Biên Phủ, allowed to submit the unit's reports).
 */

const INTERIM_TEMPLATE: ReportTemplate = {
  fields: [
    { code: 'emr_rate', label: 'Tỷ lệ hồ sơ bệnh án điện tử', unit: '%', aggregate: 'avg' },
    { code: 'cashless_rate', label: 'Tỷ lệ thanh toán không dùng tiền mặt', unit: '%', aggregate: 'avg' },
    {
      code: 'digital_skills_rate',
      label: 'Tỷ lệ viên chức hoàn thành Bình dân học vụ số',
      unit: '%',
      aggregate: 'avg',
    },
    {
      code: 'initiatives',
      label: 'Số sáng kiến, giải pháp chuyển đổi số được công nhận',
      unit: 'sáng kiến',
      aggregate: 'sum',
    },
  ],
  sections: [
    { code: 'results', title: 'Kết quả sơ kết giai đoạn 2025 - 2027' },
    { code: 'limitations', title: 'Tồn tại, hạn chế và nguyên nhân' },
    { code: 'next', title: 'Nhiệm vụ, giải pháp giai đoạn 2027 - 2030' },
  ],
};

const NARRATIVES = [
  'Đơn vị đã quán triệt, triển khai Kế hoạch của Sở Y tế đến toàn thể viên chức, người lao động; phát động phong trào thi đua gắn với nhiệm vụ chuyên môn; 100% khoa, phòng đăng ký thi đua.',
  'Triển khai bệnh án điện tử tại các khoa lâm sàng, thanh toán không dùng tiền mặt tại quầy thu viện phí; tổ chức lớp bồi dưỡng kỹ năng số cơ bản cho viên chức.',
  'Hoàn thành các chỉ tiêu chuyên môn được giao; có sáng kiến cải tiến quy trình khám bệnh được Hội đồng sáng kiến cơ sở công nhận.',
];
const LIMITATIONS = [
  'Hạ tầng công nghệ thông tin tại một số trạm y tế còn thiếu, đường truyền chưa ổn định.',
  'Một bộ phận viên chức lớn tuổi còn hạn chế về kỹ năng số.',
];

export const seedReports: SeedStep = async (ctx, demo) => {
  const db = ctx.db;
  const r = demo.random;
  const so = demo.orgs.get('SYT')!;
  const tdkt = demo.accounts.get('tdkt')!;

  // e-mail addresses for the demo accounts, and a unit account that submits reports
  const accountIds = [...demo.accounts.values()].map((a) => a.id);
  if (accountIds.length > 0)
    await db.execute(sql`
      update users set email = username::text || '@syt.dienbien.gov.vn'
      where email is null and id in (${sql.join(
        accountIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  const dbp = demo.orgs.get('TTYT-DBP');
  if (dbp) {
    const [u] = await db
      .insert(users)
      .values({
        username: 'donvi',
        displayName: 'Trưởng phòng Tổ chức - Hành chính TTYT Điện Biên Phủ',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        email: 'donvi@ttytdbp.dienbien.gov.vn',
      })
      .returning({ id: users.id });
    await db.insert(roleGrants).values({ userId: u!.id, role: 'dept_head', orgId: dbp.id });
    demo.accounts.set('donvi', { id: u!.id, personId: null });
  }

  const units = (
    await db.execute<{ id: string; name: string; code: string }>(sql`
      select id, name, code::text as code from organizations
      where parent_id = ${so.id} and status = 'active' and type in (${sql.join(
        UNIT_TYPES.map((t) => sql`${t}`),
        sql`, `,
      )})
      order by code`)
  ).rows;

  // -------------------------------------------------------------- the 2026 yearly report
  const [yearly] = (
    await db.execute<{ id: string }>(sql`
      insert into report_requests (org_id, title, period_kind, period_year, due_on, template, note, created_by, created_at, updated_at)
      values (${so.id}, 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026', 'year', 2026, '2026-11-15',
              ${JSON.stringify(DEFAULT_YEARLY_TEMPLATE)}::jsonb,
              'Thực hiện Kế hoạch số 234/KH-SYT ngày 08/8/2025, đề nghị các đơn vị gửi báo cáo trước ngày 15/11/2026.',
              ${tdkt.id}, '2026-10-01T02:00:00Z', '2026-10-01T02:00:00Z')
      returning id`)
  ).rows;
  const missing: { id: string; name: string }[] = [];
  for (const [i, u] of units.entries()) {
    // TTYT Điện Biên Phủ is left to the demo "donvi" account, so it stays a draft
    const kind = u.id === dbp?.id ? 'missing' : i % 4 === 3 ? 'missing' : i % 4 === 2 ? 'late' : 'ontime';
    const figures = {
      registered_collectives: r.int(5, 25),
      registered_individuals: r.int(80, 400),
      initiatives: r.int(0, 6),
      emr_rate: r.int(600, 990) / 10,
      digital_skills_rate: r.int(700, 1000) / 10,
    };
    const narrative = {
      results: r.pick(NARRATIVES),
      limitations: r.pick(LIMITATIONS),
      proposals:
        'Đề nghị Sở Y tế quan tâm đầu tư hạ tầng công nghệ thông tin và tổ chức tập huấn chuyển đổi số.',
    };
    if (kind === 'missing') {
      // a draft with some figures, never submitted
      await db.execute(sql`
        insert into report_submissions (request_id, org_id, figures, narrative, status)
        values (${yearly!.id}, ${u.id}, ${JSON.stringify(r.chance(0.5) ? { registered_collectives: figures.registered_collectives } : {})}::jsonb, '{}'::jsonb, 'draft')`);
      missing.push(u);
    } else {
      const day = kind === 'ontime' ? r.int(3, 15) : r.int(17, 28);
      const at = `2026-11-${String(day).padStart(2, '0')}T0${r.int(1, 9)}:30:00Z`;
      await db.execute(sql`
        insert into report_submissions (request_id, org_id, figures, narrative, status, submitted_at, version, created_at, updated_at)
        values (${yearly!.id}, ${u.id}, ${JSON.stringify(figures)}::jsonb, ${JSON.stringify(narrative)}::jsonb,
                'submitted', ${at}, 3, '2026-10-01T02:00:00Z', ${at})`);
    }
  }
  for (const u of missing) {
    await recordReminder(db, {
      requestId: yearly!.id,
      orgId: u.id,
      orgName: u.name,
      kind: 'auto',
      today: '2026-11-16',
      publicUrl: ctx.config.publicUrl,
    });
  }

  // -------------------------------------------------------------- the 2027 sơ kết request
  const [interim] = (
    await db.execute<{ id: string }>(sql`
      insert into report_requests (org_id, title, period_kind, period_year, due_on, template, note, created_by, created_at, updated_at)
      values (${so.id}, 'Báo cáo sơ kết giai đoạn 2025 - 2027 Phong trào thi đua "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số"',
              'interim', 2027, '2027-06-30', ${JSON.stringify(INTERIM_TEMPLATE)}::jsonb, null, ${tdkt.id},
              '2026-11-25T02:00:00Z', '2026-11-25T02:00:00Z')
      returning id`)
  ).rows;
  if (units.length > 0) {
    await db.execute(sql`
      insert into report_submissions (request_id, org_id) values ${sql.join(
        units.map((u) => sql`(${interim!.id}, ${u.id})`),
        sql`, `,
      )}`);
  }

  // -------------------------------------------------------------- tasks from plan responsibilities
  await db.execute(sql`
    insert into tasks (org_id, assignee_org_id, assignee_department, content, due_on, recurrence,
                       source_responsibility_id, plan_id, created_by)
    select p.org_id, case when ro.path like o.path || '%' then r.org_id end, r.department, r.content,
           r.due_on, r.recurrence, r.id, r.plan_id, ${tdkt.id}
    from plan_responsibilities r join plans p on p.id = r.plan_id join organizations o on o.id = p.org_id
    left join organizations ro on ro.id = r.org_id
    where o.path like ${`${so.path}%`}`);
  await db.execute(sql`
    update tasks set status = 'done', done_at = '2026-11-20T03:00:00Z'
    where id in (select t.id from tasks t join organizations o on o.id = t.org_id
                 where t.due_on < '2026-11-15' and o.path like ${`${so.path}%`} order by t.id limit 3)`);
  await db.execute(sql`
    insert into tasks (org_id, assignee_org_id, assignee_department, content, due_on, created_by) values
    (${so.id}, null, 'Phòng Tổ chức cán bộ', 'Tổng hợp báo cáo kết quả phong trào thi đua năm 2026 của các đơn vị, trình Giám đốc Sở', '2026-12-10', ${tdkt.id}),
    (${so.id}, ${dbp?.id ?? null}, 'Phòng Tổ chức - Hành chính', 'Hoàn thiện báo cáo kết quả thực hiện phong trào thi đua năm 2026 (quá hạn 15/11/2026)', '2026-11-15', ${tdkt.id})`);

  // -------------------------------------------------------------- notifications
  await notify(db, {
    userIds: [tdkt.id],
    title: 'Các đơn vị đã nộp báo cáo năm 2026',
    body: `${units.length - missing.length}/${units.length} đơn vị đã nộp báo cáo kết quả thực hiện phong trào thi đua năm 2026.`,
    link: `/reports/${yearly!.id}`,
  });
  await notify(db, {
    userIds: [tdkt.id],
    title: 'Nhắc hạn tự động',
    body: `Hệ thống đã nhắc hạn ${missing.length} đơn vị chưa nộp báo cáo năm 2026.`,
    link: `/reports/${yearly!.id}`,
  });
  const giamdoc = demo.accounts.get('giamdoc');
  if (giamdoc)
    await notify(db, {
      userIds: [giamdoc.id],
      title: 'Báo cáo tổng hợp năm 2026',
      body: 'Báo cáo tổng hợp kết quả phong trào thi đua năm 2026 đã có số liệu của các đơn vị.',
      link: `/reports/${yearly!.id}`,
    });
};
