import { sql } from 'drizzle-orm';
import { periodEnd } from '../../../domain/indicators';
import { scoreCriteria } from '../../../domain/scoring';
import { todayInVietnam } from '../../../domain/time/dates';
import {
  criteria,
  criteriaSets,
  digitalSkillCompletions,
  emulationGroupMembers,
  emulationGroups,
  indicatorDefinitions,
  indicatorTargets,
  indicatorValues,
  scoreEntries,
  scoreSheets,
} from '../../db/schema';
import { storeGenerated } from '../../platform/files/files.service';
import type { SeedStep } from '../seed';

/**
 * Demo targets and indicators: the fixtures' targets (electronic health records ≥ 95 %, digital
 * health services for 90 % of adults, 100 % of administrative procedures online, EMR, cashless
 * payment, staff certified in basic digital skills) as indicators with plausible quarterly /
 * monthly values 2024–2026 per unit; digital-skills completions for about 60 % of the staff; a
 * block of hospitals and a block of district health centres (TTYT) with a criteria set and scores.
 * The indicator codes are those of the Sở's plan targets (demo/plans.ts).
 */

type Def = typeof indicatorDefinitions.$inferInsert;

const DEFINITIONS: Def[] = [
  {
    code: 'ADULT_POP',
    name: 'Số người trưởng thành trên địa bàn',
    unit: 'người',
    direction: 'higher',
    rollup: 'sum',
    periodicity: 'year',
    yearAggregation: 'last',
    sort: 0,
  },
  {
    code: 'EHR',
    name: 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử',
    unit: '%',
    direction: 'higher',
    rollup: 'weighted',
    periodicity: 'quarter',
    dtiWeight: 2,
    dtiMin: 0,
    dtiMax: 100,
    sort: 1,
  },
  {
    code: 'DIGITAL_HEALTH',
    name: 'Tỷ lệ người trưởng thành sử dụng dịch vụ y tế số',
    unit: '%',
    direction: 'higher',
    rollup: 'weighted',
    periodicity: 'quarter',
    dtiWeight: 2,
    dtiMin: 0,
    dtiMax: 100,
    sort: 2,
  },
  {
    code: 'DVC_ONLINE',
    name: 'Tỷ lệ thủ tục hành chính cung cấp trực tuyến toàn trình',
    unit: '%',
    direction: 'higher',
    rollup: 'average',
    periodicity: 'quarter',
    dtiWeight: 1,
    dtiMin: 0,
    dtiMax: 100,
    sort: 3,
  },
  {
    code: 'EMR',
    name: 'Mức độ triển khai bệnh án điện tử',
    unit: '%',
    direction: 'higher',
    rollup: 'average',
    periodicity: 'quarter',
    dtiWeight: 2,
    dtiMin: 0,
    dtiMax: 100,
    sort: 4,
  },
  {
    code: 'CASHLESS',
    name: 'Tỷ lệ viện phí thanh toán không dùng tiền mặt',
    unit: '%',
    direction: 'higher',
    rollup: 'average',
    periodicity: 'month',
    dtiWeight: 1,
    dtiMin: 0,
    dtiMax: 100,
    sort: 5,
  },
  {
    code: 'DIGITAL_SKILLS',
    name: 'Tỷ lệ cán bộ hoàn thành kỹ năng số cơ bản (Bình dân học vụ số)',
    unit: '%',
    direction: 'higher',
    rollup: 'average',
    periodicity: 'year',
    source: 'digital_skills',
    dtiWeight: 1,
    dtiMin: 0,
    dtiMax: 100,
    sort: 6,
  },
];

/** Yearly targets of the Sở on the way to the plan's (2026 → 2027 → 2030). */
const SO_TARGETS: Record<string, Record<number, number>> = {
  EHR: { 2024: 80, 2025: 88, 2026: 92, 2027: 95 },
  DIGITAL_HEALTH: { 2024: 55, 2025: 65, 2026: 75, 2030: 90 },
  DVC_ONLINE: { 2024: 80, 2025: 90, 2026: 100 },
  EMR: { 2024: 40, 2025: 70, 2026: 100 },
  CASHLESS: { 2024: 45, 2025: 60, 2026: 70, 2027: 80 },
  DIGITAL_SKILLS: { 2025: 50, 2026: 100 },
};

/** Start (Q1 2024) and end (Q4 2026) levels of an indicator for a unit of maturity m (0.75–1.1). */
const RANGE: Record<string, [number, number]> = {
  EHR: [62, 96],
  DIGITAL_HEALTH: [35, 80],
  DVC_ONLINE: [70, 100],
  EMR: [15, 100],
  CASHLESS: [30, 78],
};

const HOSPITAL_TYPES = new Set(['general_hospital', 'specialized_hospital', 'psychiatric_center']);

export const seedIndicators: SeedStep = async (ctx, demo) => {
  const rnd = demo.random;
  const db = ctx.db;
  const today = todayInVietnam(ctx.now());
  const so = demo.orgs.get('SYT')!;
  const defs = await db
    .insert(indicatorDefinitions)
    .values(DEFINITIONS)
    .returning({ id: indicatorDefinitions.id, code: indicatorDefinitions.code });
  const id = new Map(defs.map((d) => [d.code, d.id]));
  await db.execute(
    sql`update indicator_definitions set weight_indicator_id = ${id.get('ADULT_POP')!} where code in ('EHR', 'DIGITAL_HEALTH')`,
  );

  // targets: the Sở's yearly ones; those of the plan's due years come from its plan (demo/plans.ts)
  const soPlan = (
    await db.execute<{ id: string }>(
      sql`select id from plans where org_id = ${so.id} and parent_plan_id is null order by created_at limit 1`,
    )
  ).rows[0];
  const targets: (typeof indicatorTargets.$inferInsert)[] = [];
  for (const [code, byYear] of Object.entries(SO_TARGETS)) {
    for (const [year, target] of Object.entries(byYear)) {
      const fromPlan =
        Number(year) >= 2027 ||
        (code === 'DVC_ONLINE' && year === '2026') ||
        (code === 'EMR' && year === '2026');
      targets.push({
        indicatorId: id.get(code)!,
        orgId: so.id,
        year: Number(year),
        target,
        dueOn: `${year}-12-31`,
        source: fromPlan && soPlan ? 'plan' : 'direct',
        planId: fromPlan && soPlan ? soPlan.id : null,
        note: fromPlan ? 'Theo Kế hoạch 234/KH-SYT ngày 08/8/2025' : null,
      });
    }
  }

  // the active units directly under the Sở (after the 2025 merger)
  const units = (
    await db.execute<{ id: string; type: string; code: string }>(sql`
      select id, type, code::text as code from organizations
       where parent_id = ${so.id} and status = 'active' and type <> 'office' order by code`)
  ).rows;
  const values: (typeof indicatorValues.$inferInsert)[] = [];
  const add = (code: string, orgId: string, year: number, period: string, value: number) => {
    if (periodEnd(year, period) > today) return; // no figures for periods not over yet
    values.push({
      indicatorId: id.get(code)!,
      orgId,
      year,
      period,
      periodEnd: periodEnd(year, period),
      value: Math.round(value * 10) / 10,
    });
  };
  const years = [2024, 2025, 2026];
  for (const u of units) {
    const maturity = 0.75 + rnd.next() * 0.35;
    const hospital = HOSPITAL_TYPES.has(u.type);
    const centre = u.type === 'medical_center';
    // unit-specific own targets for a few units (a centre with a harder EHR target)
    if (centre && rnd.chance(0.3))
      targets.push({
        indicatorId: id.get('EHR')!,
        orgId: u.id,
        year: 2026,
        target: 95,
        dueOn: '2026-12-31',
        source: 'direct',
        note: 'Chỉ tiêu giao riêng cho đơn vị',
      });
    const codes = centre
      ? ['EHR', 'DIGITAL_HEALTH', 'DVC_ONLINE', 'EMR', 'CASHLESS']
      : hospital
        ? ['DVC_ONLINE', 'EMR', 'CASHLESS']
        : ['DVC_ONLINE', 'CASHLESS'];
    // the adult population, estimated at the start of each year (weighs EHR and digital health)
    const population = 20_000 + rnd.int(0, 90) * 1000;
    if (centre) for (const y of years) add('ADULT_POP', u.id, y, 'Q1', population + (y - 2024) * 400);
    for (const code of codes) {
      const [lo, hi] = RANGE[code]!;
      const start = lo * (0.85 + rnd.next() * 0.3);
      const end = Math.min(100, hi * maturity + rnd.next() * 4);
      for (const y of years) {
        const periods =
          code === 'CASHLESS'
            ? Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`)
            : ['Q1', 'Q2', 'Q3', 'Q4'];
        periods.forEach((p, i) => {
          const t = ((y - 2024) * periods.length + i) / (periods.length * 3 - 1);
          const v = start + (end - start) * t + (rnd.next() - 0.5) * 3;
          add(code, u.id, y, p, Math.max(0, Math.min(100, v)));
        });
      }
    }
  }
  await db.insert(indicatorTargets).values(targets);
  for (let i = 0; i < values.length; i += 1000)
    await db.insert(indicatorValues).values(values.slice(i, i + 1000));

  // Bình dân học vụ số: about 60 % of the active staff, from March 2024 on
  const staff = (
    await db.execute<{ id: string; org_id: string }>(
      sql`select id, current_org_id as org_id from people where status = 'active' and current_org_id is not null order by staff_code`,
    )
  ).rows;
  const start = Date.UTC(2024, 2, 1);
  const end = Math.min(Date.parse(`${today}T00:00:00Z`), Date.UTC(2026, 10, 30));
  const completions: (typeof digitalSkillCompletions.$inferInsert)[] = [];
  let n = 0;
  for (const p of staff) {
    if (!rnd.chance(0.6)) continue;
    const on = new Date(start + rnd.next() * (end - start)).toISOString().slice(0, 10);
    n++;
    completions.push({
      personId: p.id,
      orgId: p.org_id,
      completedOn: on,
      certificateNumber: `BDHVS-${on.slice(0, 4)}-${String(n).padStart(5, '0')}`,
      createdBy: demo.accounts.get('tdkt')?.id ?? null,
    });
  }
  for (let i = 0; i < completions.length; i += 1000)
    await db.insert(digitalSkillCompletions).values(completions.slice(i, i + 1000));

  // emulation blocks 2025 (final) and the TTYT block 2026 (scoring under way)
  const [set] = await db
    .insert(criteriaSets)
    .values({
      ownerOrgId: so.id,
      name: 'Bộ tiêu chí chấm điểm thi đua các khối năm 2025',
      year: 2025,
      note: 'Thang điểm 100; tiêu chí có dấu * phải kèm minh chứng.',
    })
    .returning({ id: criteriaSets.id });
  const tree: [string, string | null, string, number, boolean][] = [
    ['1', null, 'Thực hiện các chỉ tiêu chuyên môn được giao', 40, false],
    ['1.1', '1', 'Chỉ tiêu khám bệnh, chữa bệnh, y tế dự phòng', 25, false],
    ['1.2', '1', 'Chất lượng dịch vụ, sự hài lòng của người bệnh', 15, true],
    ['2', null, 'Đổi mới sáng tạo và chuyển đổi số', 35, false],
    ['2.1', '2', 'Bệnh án điện tử, hồ sơ sức khỏe điện tử', 15, true],
    ['2.2', '2', 'Thanh toán không dùng tiền mặt, dịch vụ công trực tuyến', 10, false],
    ['2.3', '2', 'Bình dân học vụ số: tỷ lệ cán bộ hoàn thành kỹ năng số', 10, false],
    ['3', null, 'Công tác thi đua, khen thưởng và xây dựng đơn vị', 25, false],
    ['3.1', '3', 'Tổ chức phát động, sơ kết, tổng kết phong trào thi đua', 10, true],
    ['3.2', '3', 'Xây dựng tổ chức, kỷ luật, kỷ cương hành chính', 15, false],
  ];
  const critIds = new Map<string, string>();
  for (const [i, [code, parent, name, max, ev]] of tree.entries()) {
    const [c] = await db
      .insert(criteria)
      .values({
        setId: set!.id,
        parentId: parent ? critIds.get(parent)! : null,
        code,
        name,
        maxPoints: max,
        evidenceRequired: ev,
        sort: i,
      })
      .returning({ id: criteria.id });
    critIds.set(code, c!.id);
  }
  const domainCriteria = tree.map(([code, parent, name, max, ev], i) => ({
    id: critIds.get(code)!,
    parentId: parent ? critIds.get(parent)! : null,
    code,
    name,
    maxPoints: max,
    weight: 1,
    evidenceRequired: ev,
    sort: i,
  }));
  const leaves = tree.filter(([code]) => !tree.some(([, parent]) => parent === code));
  const blocks = [
    {
      name: 'Khối các bệnh viện',
      members: units.filter((u) => HOSPITAL_TYPES.has(u.type)),
      year: 2025,
      stage: 'final' as const,
    },
    {
      name: 'Khối các Trung tâm Y tế',
      members: units.filter((u) => u.type === 'medical_center'),
      year: 2025,
      stage: 'final' as const,
    },
    {
      name: 'Khối các Trung tâm Y tế',
      members: units.filter((u) => u.type === 'medical_center'),
      year: 2026,
      stage: 'running' as const,
    },
  ];
  for (const b of blocks) {
    if (b.members.length === 0) continue;
    const [g] = await db
      .insert(emulationGroups)
      .values({
        ownerOrgId: so.id,
        kind: 'block',
        name: b.name,
        year: b.year,
        pledge: `Các đơn vị trong ${b.name.toLowerCase()} giao ước thi đua hoàn thành xuất sắc nhiệm vụ năm ${b.year}, đẩy mạnh đổi mới sáng tạo và chuyển đổi số, thực hiện thắng lợi các chỉ tiêu của Kế hoạch 234/KH-SYT.`,
        criteriaSetId: set!.id,
        leaderCount: 1,
        createdBy: demo.accounts.get('tdkt')?.id ?? null,
      })
      .returning({ id: emulationGroups.id });
    await db.insert(emulationGroupMembers).values(
      b.members.map((m) => ({
        groupId: g!.id,
        orgId: m.id,
        pledgeSignedOn: `${b.year}-02-${String(rnd.int(10, 25)).padStart(2, '0')}`,
      })),
    );
    for (const [mi, m] of b.members.entries()) {
      const status =
        b.stage === 'final' ? 'final' : (['draft', 'self_submitted', 'appraised'] as const)[mi % 3]!;
      const self = new Map<string, number>();
      const appr = new Map<string, number>();
      for (const [code, , , max] of leaves) {
        const s = Math.round(max * (0.7 + rnd.next() * 0.3) * 2) / 2;
        self.set(critIds.get(code)!, s);
        appr.set(critIds.get(code)!, Math.max(0, s - (rnd.chance(0.4) ? 0.5 * rnd.int(1, 4) : 0)));
      }
      const appraised = status === 'appraised' || status === 'final';
      const selfTotal = scoreCriteria(domainCriteria, self).total;
      const apprTotal = appraised ? scoreCriteria(domainCriteria, appr).total : null;
      const [sheet] = await db
        .insert(scoreSheets)
        .values({
          groupId: g!.id,
          orgId: m.id,
          status,
          selfTotal,
          appraisedTotal: apprTotal,
          finalTotal: status === 'final' ? apprTotal : null,
          submittedAt: status === 'draft' ? null : new Date(`${b.year}-11-20T02:00:00Z`),
          appraisedAt: appraised ? new Date(`${b.year}-12-05T02:00:00Z`) : null,
          finalizedAt: status === 'final' ? new Date(`${b.year}-12-15T02:00:00Z`) : null,
        })
        .returning({ id: scoreSheets.id });
      const evidence =
        status === 'draft'
          ? []
          : [
              (
                await storeGenerated(db, {
                  bytes: Buffer.from(`%PDF-1.4\n% Minh chứng thi đua năm ${b.year}\n%%EOF\n`),
                  name: `Báo cáo minh chứng năm ${b.year}.pdf`,
                  mime: 'application/pdf',
                  ownerOrgId: m.id,
                  createdBy: demo.accounts.get('tdkt')?.id ?? null,
                })
              ).id,
            ];
      await db.insert(scoreEntries).values(
        leaves.map(([code, , , , ev]) => ({
          sheetId: sheet!.id,
          criterionId: critIds.get(code)!,
          selfPoints: self.get(critIds.get(code)!)!,
          selfNote: null,
          evidenceFileIds: ev ? evidence : [],
          appraisedPoints: appraised ? appr.get(critIds.get(code)!)! : null,
        })),
      );
    }
  }
};
