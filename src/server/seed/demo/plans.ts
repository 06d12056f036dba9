import { sql } from 'drizzle-orm';
import { deriveContent, emptyPlanContent, type PlanContent } from '../../../domain/plans/model';
import type { Queryable } from '../../db/client';
import { plans } from '../../db/schema';
import { upperVi } from '../../documents/format';
import { replaceLists, scalarColumns } from '../../modules/plans/plans.repo';
import type { SeedStep } from '../seed';

/**
 * Demo plans: the chain of the fixtures (/work/shared/fixtures/plans). The national movement
 * (Quyết định 923/QĐ-TTg) and the province's plan (2185/KH-UBND) are external documents cited by
 * the Sở's plan 234/KH-SYT of 08/8/2025; Trung tâm Y tế Điện Biên Phủ implements it with
 * 252/KH-TTYT of 11/8/2025; CDC has issued its plan, the Bệnh viện Đa khoa and TTYT huyện Điện
 * Biên have drafts, the other units none (so the status board is mixed); two departments of
 * TTYT Điện Biên Phủ have their own plans.
 */

const MOVEMENT = '“Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”';

function soPlan(): PlanContent {
  return {
    ...emptyPlanContent(),
    title: `Triển khai Phong trào thi đua ${MOVEMENT} trong ngành Y tế tỉnh Điện Biên giai đoạn 2025 - 2030`,
    place: 'Điện Biên',
    issuedOn: '2025-08-08',
    yearFrom: 2025,
    yearTo: 2030,
    issuerName: 'SỞ Y TẾ',
    parentIssuerName: 'UBND TỈNH ĐIỆN BIÊN',
    purposes:
      'Cụ thể hóa Phong trào thi đua do Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh phát động, tạo khí thế thi đua sôi nổi trong toàn ngành Y tế.\nPhát huy tinh thần đổi mới sáng tạo, chuyển đổi số trong khám bệnh, chữa bệnh, y tế dự phòng và quản lý nhà nước về y tế.',
    requirements:
      'Phong trào thi đua được triển khai thiết thực, hiệu quả, gắn với nhiệm vụ chuyên môn của từng đơn vị; tránh hình thức.\nKịp thời phát hiện, biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu.',
    participants:
      'Các phòng thuộc Sở, các đơn vị sự nghiệp trực thuộc Sở; công chức, viên chức và người lao động trong ngành Y tế tỉnh.',
    contentAreas: [
      'Thi đua nâng cao nhận thức, đột phá về đổi mới tư duy, chuyển đổi số',
      'Thi đua phát triển hạ tầng số, ứng dụng công nghệ thông tin trong khám bệnh, chữa bệnh',
      'Thi đua thực hiện bệnh án điện tử, hồ sơ sức khỏe điện tử và thanh toán không dùng tiền mặt',
      'Thi đua cải cách hành chính, cung cấp dịch vụ công trực tuyến toàn trình',
      'Thi đua nâng cao kỹ năng số cho công chức, viên chức (Bình dân học vụ số)',
    ],
    criteriaCollective:
      'Hoàn thành xuất sắc các chỉ tiêu chuyển đổi số được giao; có mô hình, sáng kiến đổi mới sáng tạo được áp dụng hiệu quả.',
    criteriaIndividual:
      'Hoàn thành xuất sắc nhiệm vụ; có sáng kiến, giải pháp chuyển đổi số được công nhận; hoàn thành chương trình kỹ năng số cơ bản.',
    awardForms: [
      'GIAY_KHEN',
      'BANG_KHEN_TINH',
      'CO_THI_DUA_TINH',
      'BANG_KHEN_TTG',
      'CO_THI_DUA_CP',
      'HCLD_3',
    ],
    budgetSources: 'Từ Quỹ thi đua, khen thưởng của Sở Y tế và nguồn kinh phí hợp pháp của các đơn vị.',
    recipients: [
      'UBND tỉnh (b/c)',
      'Sở Nội vụ (Ban TĐKT)',
      'Ban Giám đốc Sở',
      'Các phòng thuộc Sở',
      'Các đơn vị trực thuộc Sở',
      'Lưu: VT, TCCB',
    ],
    signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
    signerName: 'Lò Văn Hùng',
    references: [
      {
        kind: 'implements',
        number: '923/QĐ-TTg',
        issuedOn: '2025-05-14',
        issuer: 'Thủ tướng Chính phủ',
        title: `phát động Phong trào thi đua ${MOVEMENT}`,
        referencedPlanId: null,
      },
      {
        kind: 'implements',
        number: '2185/KH-UBND',
        issuedOn: '2025-05-20',
        issuer: 'UBND tỉnh Điện Biên',
        title: 'thực hiện Nghị quyết số 71/NQ-CP của Chính phủ',
        referencedPlanId: null,
      },
      {
        kind: 'legal_basis',
        number: '57-NQ/TW',
        issuedOn: '2024-12-22',
        issuer: 'Bộ Chính trị',
        title: null,
        referencedPlanId: null,
      },
      {
        kind: 'legal_basis',
        number: '71/NQ-CP',
        issuedOn: '2025-04-01',
        issuer: 'Chính phủ',
        title: null,
        referencedPlanId: null,
      },
    ],
    phases: [
      { name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027, reviewType: 'interim', reviewYear: 2027 },
      { name: 'Giai đoạn 2', fromYear: 2027, toYear: 2030, reviewType: 'final', reviewYear: 2030 },
    ],
    targets: [
      {
        content: 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử',
        indicatorCode: 'EHR',
        targetValue: 95,
        unit: '%',
        dueOn: '2027-12-31',
      },
      {
        content: 'Tỷ lệ người trưởng thành sử dụng dịch vụ y tế số',
        indicatorCode: 'DIGITAL_HEALTH',
        targetValue: 90,
        unit: '%',
        dueOn: '2030-12-31',
      },
      {
        content: 'Thủ tục hành chính được cung cấp trực tuyến toàn trình',
        indicatorCode: 'DVC_ONLINE',
        targetValue: 100,
        unit: '%',
        dueOn: '2026-12-31',
      },
      {
        content: 'Bệnh viện triển khai bệnh án điện tử',
        indicatorCode: 'EMR',
        targetValue: 100,
        unit: '%',
        dueOn: '2026-12-31',
      },
      {
        content: 'Tỷ lệ viện phí thanh toán không dùng tiền mặt',
        indicatorCode: 'CASHLESS',
        targetValue: 80,
        unit: '%',
        dueOn: '2027-12-31',
      },
      {
        content: 'Công chức, viên chức hoàn thành chương trình kỹ năng số cơ bản',
        indicatorCode: 'DIGITAL_SKILLS',
        targetValue: 100,
        unit: '%',
        dueOn: '2026-06-30',
      },
    ],
    responsibilities: [
      {
        orgId: null,
        department: 'Phòng Tổ chức cán bộ',
        content:
          'Thường trực, tham mưu Giám đốc Sở triển khai Kế hoạch; tổng hợp kết quả, đề nghị khen thưởng sơ kết, tổng kết.',
        dueOn: '2025-11-30',
        recurrence: 'yearly',
      },
      {
        orgId: null,
        department: 'Phòng Nghiệp vụ Y',
        content:
          'Hướng dẫn, kiểm tra việc triển khai bệnh án điện tử, hồ sơ sức khỏe điện tử tại các đơn vị.',
        dueOn: '2026-06-30',
        recurrence: null,
      },
      {
        orgId: null,
        department: 'Văn phòng Sở',
        content: 'Tuyên truyền Phong trào thi đua trên Cổng thông tin điện tử của Sở.',
        dueOn: null,
        recurrence: null,
      },
      {
        orgId: null,
        department: 'Các đơn vị trực thuộc Sở',
        content:
          'Xây dựng kế hoạch thực hiện của đơn vị; định kỳ trước ngày 15/11 hằng năm gửi báo cáo kết quả về Sở Y tế (qua Phòng Tổ chức cán bộ).',
        dueOn: '2025-11-15',
        recurrence: 'yearly',
      },
    ],
  };
}

async function insertPlan(
  db: Queryable,
  input: {
    orgId: string;
    content: PlanContent;
    parentPlanId?: string | null;
    issued?: { number: number; symbol: string; by: string | null };
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(plans)
    .values({
      orgId: input.orgId,
      parentPlanId: input.parentPlanId ?? null,
      status: input.issued ? 'issued' : 'draft',
      number: input.issued?.number ?? null,
      symbol: input.issued?.symbol ?? null,
      ...scalarColumns(input.content),
      issuedAt: input.issued ? new Date(`${input.content.issuedOn}T09:00:00+07:00`) : null,
      issuedBy: input.issued?.by ?? null,
      createdBy: input.createdBy,
    })
    .returning({ id: plans.id });
  await replaceLists(db, row!.id, input.content);
  if (input.issued) {
    const year = Number(input.content.issuedOn!.slice(0, 4));
    await db.execute(sql`
      insert into document_sequences (issuer_org_id, kind, year, last_number)
      values (${input.orgId}, 'KH', ${year}, ${input.issued.number})
      on conflict (issuer_org_id, kind, year)
        do update set last_number = greatest(document_sequences.last_number, excluded.last_number)`);
  }
  return row!.id;
}

export const seedPlans: SeedStep = async (ctx, demo) => {
  const db = ctx.db;
  const org = (key: string) => {
    const o = demo.orgs.get(key);
    if (!o) throw new Error(`demo plans: organisation ${key} missing`);
    return o;
  };
  const tdkt = demo.accounts.get('tdkt')?.id ?? null;
  const so = org('SYT');
  const soContent = soPlan();
  const soId = await insertPlan(db, {
    orgId: so.id,
    content: soContent,
    issued: { number: 234, symbol: 'KH-SYT', by: demo.accounts.get('giamdoc')?.id ?? tdkt },
    createdBy: tdkt,
  });
  const info = { id: soId, number: 234, symbol: 'KH-SYT', issuedOn: '2025-08-08', issuerOrgName: so.name };
  const derived = (key: string) => {
    const o = org(key);
    return {
      o,
      content: deriveContent(soContent, info, { name: upperVi(o.name), parentName: 'SỞ Y TẾ ĐIỆN BIÊN' }),
    };
  };

  // TTYT Điện Biên Phủ: 252/KH-TTYT of 11/8/2025 (the OCR fixture), with its own duties and targets
  const dbp = derived('TTYT-DBP');
  dbp.content.title = `Triển khai thực hiện Phong trào thi đua ${MOVEMENT}`;
  dbp.content.place = 'Điện Biên Phủ';
  dbp.content.issuedOn = '2025-08-11';
  dbp.content.issuerName = 'TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ';
  dbp.content.signerTitle = 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC';
  dbp.content.signerName = 'Nguyễn Đức Thịnh';
  dbp.content.recipients = [
    'Sở Y tế (b/c)',
    'Lãnh đạo Trung tâm (p/h chỉ đạo)',
    'Các phòng, khoa, trạm y tế xã/phường',
    'Lưu: VT, KH-NV-ĐD',
  ];
  dbp.content.awardForms = [
    'GIAY_KHEN',
    'BANG_KHEN_TINH',
    'CO_THI_DUA_TINH',
    'BANG_KHEN_TTG',
    'CO_THI_DUA_CP',
    'HCLD_3',
    'HCLD_2',
    'HCLD_1',
  ];
  dbp.content.targets = dbp.content.targets
    .filter((t) => t.indicatorCode !== 'DIGITAL_HEALTH')
    .map((t) => (t.indicatorCode === 'CASHLESS' ? { ...t, targetValue: 70 } : t));
  dbp.content.responsibilities = [
    {
      orgId: null,
      department: 'Phòng Kế hoạch - Nghiệp vụ - Điều dưỡng',
      content: 'Tham mưu triển khai Kế hoạch; theo dõi, tổng hợp kết quả thực hiện; báo cáo Sở Y tế.',
      dueOn: '2025-11-10',
      recurrence: 'yearly',
    },
    {
      orgId: null,
      department: 'Phòng Tổ chức - Hành chính',
      content: 'Tổng hợp hồ sơ đề nghị khen thưởng trình Hội đồng Thi đua - Khen thưởng Trung tâm.',
      dueOn: null,
      recurrence: null,
    },
    {
      orgId: null,
      department: 'Phòng Tài chính - Kế toán',
      content: 'Bảo đảm kinh phí khen thưởng; triển khai thanh toán viện phí không dùng tiền mặt.',
      dueOn: null,
      recurrence: null,
    },
    {
      orgId: null,
      department: 'Các phòng, khoa, trạm y tế xã/phường',
      content:
        'Xây dựng kế hoạch thực hiện của khoa, phòng, trạm; đăng ký thi đua và báo cáo kết quả trước ngày 05/11 hằng năm.',
      dueOn: '2025-11-05',
      recurrence: 'yearly',
    },
  ];
  const dbpId = await insertPlan(db, {
    orgId: dbp.o.id,
    content: dbp.content,
    parentPlanId: soId,
    issued: { number: 252, symbol: 'KH-TTYT', by: tdkt },
    createdBy: tdkt,
  });

  // CDC: issued; Bệnh viện Đa khoa and TTYT huyện Điện Biên: drafts; the other units: none yet
  const cdc = derived('KSBT');
  cdc.content.place = 'Điện Biên';
  cdc.content.issuedOn = '2025-08-20';
  cdc.content.signerTitle = 'GIÁM ĐỐC';
  cdc.content.signerName = 'Vàng A Dính';
  cdc.content.recipients = ['Sở Y tế (b/c)', 'Các khoa, phòng', 'Lưu: VT, TCHC'];
  await insertPlan(db, {
    orgId: cdc.o.id,
    content: cdc.content,
    parentPlanId: soId,
    issued: { number: 118, symbol: 'KH-KSBT', by: tdkt },
    createdBy: tdkt,
  });
  for (const key of ['BVDK', 'TTYT-DB']) {
    const d = derived(key);
    await insertPlan(db, { orgId: d.o.id, content: d.content, parentPlanId: soId, createdBy: tdkt });
  }

  // department plans of TTYT Điện Biên Phủ implementing 252/KH-TTYT
  const dbpInfo = {
    id: dbpId,
    number: 252,
    symbol: 'KH-TTYT',
    issuedOn: '2025-08-11',
    issuerOrgName: dbp.o.name,
  };
  const khoa = org('TTYT-DBP-NOI');
  const khoaContent = deriveContent(dbp.content, dbpInfo, {
    name: upperVi(khoa.name),
    parentName: 'TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ',
  });
  khoaContent.title = `Thực hiện Phong trào thi đua ${MOVEMENT} tại ${khoa.name}`;
  khoaContent.place = 'Điện Biên Phủ';
  khoaContent.issuedOn = '2025-08-25';
  khoaContent.signerTitle = 'TRƯỞNG KHOA';
  khoaContent.signerName = 'Quàng Thị Lan';
  khoaContent.recipients = ['Ban Giám đốc Trung tâm (b/c)', 'Lưu: Khoa'];
  khoaContent.responsibilities = [
    {
      orgId: null,
      department: 'Điều dưỡng trưởng khoa',
      content: 'Triển khai bệnh án điện tử cho 100% người bệnh nội trú của khoa.',
      dueOn: '2026-03-31',
      recurrence: null,
    },
  ];
  await insertPlan(db, {
    orgId: khoa.id,
    content: khoaContent,
    parentPlanId: dbpId,
    issued: { number: 3, symbol: 'KH-KNNTN', by: tdkt },
    createdBy: tdkt,
  });
  const station = org('TTYT-DBP-TYT1');
  await insertPlan(db, {
    orgId: station.id,
    content: deriveContent(dbp.content, dbpInfo, {
      name: upperVi(station.name),
      parentName: 'TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ',
    }),
    parentPlanId: dbpId,
    createdBy: tdkt,
  });
};
