import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyTransition, validateTable } from '../../commendation/workflow';
import { parsePlanText } from '../parse/index';
import { deriveContent } from './derive';
import { diffPlans } from './diff';
import { draftFromParsed, firstDueOn, isoDay } from './from-parsed';
import { emptyPlanContent, type PlanContent, planDocumentNumber } from './types';
import { readerNoteVi } from './warnings';
import { PLAN_WORKFLOW } from './workflow';

const fixture = (name: string) =>
  readFileSync(new URL(`../parse/__fixtures__/${name}`, import.meta.url), 'utf8');

describe('draftFromParsed', () => {
  it('fills the draft of the TTYT Điện Biên Phủ plan from the OCR text and marks what it recognised', () => {
    const d = draftFromParsed(parsePlanText(fixture('kh-252-ttyt-dien-bien-phu-2025.ocr.txt')));
    expect(d.sourceDocumentNumber).toBe('252/KH-TTYT');
    expect(d.content.place).toBe('Điện Biên Phủ');
    expect(d.content.issuedOn).toBe('2025-08-11');
    expect(d.content.issuerName).toBe('TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ');
    expect(d.content.parentIssuerName).toBeNull();
    expect(d.recognised).not.toContain('parentIssuerName');
    expect(d.content.references).toEqual([
      {
        kind: 'implements',
        number: '234/KH-SYT',
        issuedOn: '2025-08-08',
        issuer: null,
        title: null,
        referencedPlanId: null,
      },
    ]);
    expect(d.content.phases).toEqual([
      { name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027, reviewType: 'interim', reviewYear: 2027 },
      { name: 'Giai đoạn 2', fromYear: 2027, toYear: 2030, reviewType: 'final', reviewYear: 2030 },
    ]);
    expect([d.content.yearFrom, d.content.yearTo]).toEqual([2025, 2030]);
    expect(d.content.awardForms).toContain('GIAY_KHEN');
    expect(d.content.signerTitle).toBe('PHÓ GIÁM ĐỐC');
    expect(d.recognised).toEqual(
      expect.arrayContaining(['title', 'place', 'issuedOn', 'references', 'phases', 'awardForms']),
    );
    // fields the text does not have stay empty
    expect(d.content.purposes).toBeNull();
    expect(d.content.targets).toEqual([]);
    expect(d.recognised).not.toContain('targets');
  });

  it("turns the Hà Nội plan's yearly 30/11 deadline into a due date in the issue year, with recurrence", () => {
    const d = draftFromParsed(parsePlanText(fixture('kh-3764-syt-ha-noi-2025.ocr.txt')));
    expect(d.sourceDocumentNumber).toBe('3764/KH-SYT');
    const dated = d.content.responsibilities.filter((r) => r.dueOn);
    expect(dated).toHaveLength(1);
    expect(dated[0]).toMatchObject({ dueOn: '2025-11-30', recurrence: 'yearly' });
    expect(d.content.references.filter((r) => r.kind === 'legal_basis').map((r) => r.number)).toContain(
      '57-NQ/TW',
    );
    expect(d.content.references.find((r) => r.kind === 'implements')?.number).toBe('190/KH-UBND');
  });

  it('invents nothing from a text without a plan', () => {
    const d = draftFromParsed(parsePlanText('Xin chào, đây không phải là một kế hoạch.'));
    expect(d.content).toEqual(emptyPlanContent());
    expect(d.recognised).toEqual([]);
  });

  it('warns about a review that ends no phase instead of attaching it somewhere', () => {
    const parsed = parsePlanText('x');
    parsed.phases = [{ fromYear: 2025, toYear: 2027 }];
    parsed.reviews = [{ type: 'final', year: 2030 }];
    const d = draftFromParsed(parsed);
    expect(d.content.phases[0]!.reviewType).toBeNull();
    expect(d.warnings.some((w) => w.includes('Tổng kết năm 2030'))).toBe(true);
  });
});

describe('dates', () => {
  it('rejects impossible days and anchors yearly deadlines without guessing', () => {
    expect(isoDay(2025, 2, 29)).toBeNull();
    expect(isoDay(2028, 2, 29)).toBe('2028-02-29');
    expect(firstDueOn({ day: 15, month: 11, recurrence: 'yearly' }, 2026)).toBe('2026-11-15');
    expect(firstDueOn({ day: 15, month: 11, recurrence: 'yearly' }, null)).toBeNull();
    expect(firstDueOn({ day: 30, month: 11, recurrence: 'once', year: 2027 }, 2025)).toBe('2027-11-30');
    expect(firstDueOn({ day: 25, month: null, recurrence: 'quarterly' }, 2025)).toBeNull();
    expect(planDocumentNumber(5, 'KH-SYT')).toBe('05/KH-SYT');
    expect(planDocumentNumber(234, 'KH-SYT')).toBe('234/KH-SYT');
    expect(planDocumentNumber(null, 'KH-SYT')).toBeNull();
  });
});

function parentPlan(): PlanContent {
  return {
    ...emptyPlanContent(),
    title: 'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
    place: 'Điện Biên',
    yearFrom: 2025,
    yearTo: 2030,
    issuerName: 'SỞ Y TẾ',
    parentIssuerName: 'UBND TỈNH ĐIỆN BIÊN',
    awardForms: ['GIAY_KHEN', 'BANG_KHEN_TINH'],
    recipients: ['Các đơn vị trực thuộc Sở', 'Lưu: VT, TCCB'],
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn A',
    references: [
      {
        kind: 'implements',
        number: '190/KH-UBND',
        issuedOn: '2025-07-18',
        issuer: 'UBND tỉnh',
        title: null,
        referencedPlanId: null,
      },
      {
        kind: 'legal_basis',
        number: '57-NQ/TW',
        issuedOn: '2024-12-22',
        issuer: null,
        title: null,
        referencedPlanId: null,
      },
    ],
    targets: [
      { content: 'Bệnh án điện tử', indicatorCode: 'EMR', targetValue: 95, unit: '%', dueOn: '2027-12-31' },
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
        content: 'Tổng hợp hồ sơ',
        dueOn: '2025-11-15',
        recurrence: 'yearly',
      },
      { orgId: null, department: 'Văn phòng Sở', content: 'Tuyên truyền', dueOn: null, recurrence: null },
    ],
  };
}

describe('deriveContent and diffPlans', () => {
  const info = { id: 'p1', number: 234, symbol: 'KH-SYT', issuedOn: '2025-08-08', issuerOrgName: 'Sở Y tế' };
  const org = { name: 'TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ', parentName: 'SỞ Y TẾ ĐIỆN BIÊN' };

  it('prefills a copy that implements the parent and keeps its legal bases', () => {
    const child = deriveContent(parentPlan(), info, org);
    expect(child.issuerName).toBe('TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ');
    expect(child.signerName).toBeNull();
    expect(child.recipients).toEqual([]);
    expect(child.references[0]).toMatchObject({
      kind: 'implements',
      number: '234/KH-SYT',
      referencedPlanId: 'p1',
    });
    expect(child.references.map((r) => r.number)).toEqual(['234/KH-SYT', '57-NQ/TW']);
    expect(child.targets).toEqual(parentPlan().targets);
  });

  it("shows no difference for an unedited copy (header, signer, references are the issuer's own)", () => {
    const d = diffPlans(parentPlan(), deriveContent(parentPlan(), info, org));
    expect(d.same).toBe(true);
    expect(d.fields).toEqual([]);
  });

  it('ignores accents typed differently and extra spaces', () => {
    const child = deriveContent(parentPlan(), info, org);
    child.title = `  ${parentPlan().title.normalize('NFD')}  `;
    expect(diffPlans(parentPlan(), child).same).toBe(true);
  });

  it('lists changed fields and added, removed and changed targets and responsibilities', () => {
    const child = deriveContent(parentPlan(), info, org);
    child.title = 'Triển khai thực hiện phong trào tại Trung tâm';
    child.awardForms = ['BANG_KHEN_TINH', 'GIAY_KHEN', 'TTLDXS'];
    child.targets[0] = { ...child.targets[0]!, targetValue: 98 };
    child.targets.splice(1, 1);
    child.targets.push({
      content: 'Hồ sơ sức khỏe điện tử',
      indicatorCode: null,
      targetValue: 90,
      unit: '%',
      dueOn: null,
    });
    child.responsibilities[0] = { ...child.responsibilities[0]!, dueOn: '2025-11-10' };
    child.responsibilities.push({
      orgId: null,
      department: 'Khoa Nội',
      content: 'Thực hiện',
      dueOn: null,
      recurrence: null,
    });

    const d = diffPlans(parentPlan(), child);
    expect(d.same).toBe(false);
    expect(d.fields.map((f) => f.field)).toEqual(['title', 'awardForms']);
    expect(d.fields[0]!.label).toBe('Trích yếu (tên kế hoạch)');
    expect(d.targets.changed).toHaveLength(1);
    expect(d.targets.changed[0]!.fields).toEqual(['targetValue']);
    expect(d.targets.added.map((t) => t.content)).toEqual(['Hồ sơ sức khỏe điện tử']);
    expect(d.targets.removed.map((t) => t.content)).toEqual(['Thanh toán không dùng tiền mặt']);
    expect(d.responsibilities.changed[0]!.fields).toEqual(['dueOn']);
    expect(d.responsibilities.added.map((r) => r.department)).toEqual(['Khoa Nội']);
    expect(d.responsibilities.removed).toEqual([]);
  });

  it('treats a reordered award list as unchanged and a reordered duty list as unchanged', () => {
    const child = deriveContent(parentPlan(), info, org);
    child.awardForms.reverse();
    child.responsibilities.reverse();
    expect(diffPlans(parentPlan(), child).same).toBe(true);
  });
});

describe('PLAN_WORKFLOW', () => {
  const perms = ['plan.write', 'plan.issue'];
  it.each([
    ['draft', 'edit', 'draft'],
    ['draft', 'delete', 'draft'],
    ['draft', 'issue', 'issued'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(applyTransition(PLAN_WORKFLOW, from, action, perms)).toMatchObject({ ok: true, to });
  });
  it.each(['edit', 'delete', 'issue'] as const)('an issued plan refuses %s', (action) => {
    expect(applyTransition(PLAN_WORKFLOW, 'issued', action, perms)).toMatchObject({
      ok: false,
      error: 'transition_not_allowed',
    });
  });
  it('issuing needs plan.issue, editing plan.write', () => {
    expect(applyTransition(PLAN_WORKFLOW, 'draft', 'issue', ['plan.write'])).toMatchObject({
      ok: false,
      error: 'permission_denied',
    });
    expect(applyTransition(PLAN_WORKFLOW, 'draft', 'edit', ['plan.issue'])).toMatchObject({
      ok: false,
      error: 'permission_denied',
    });
    expect(validateTable(PLAN_WORKFLOW)).toEqual([]);
  });
});

describe('reader notes in Vietnamese', () => {
  it('translates every note the reader writes on the fixtures, keeps an unknown one', () => {
    const notes = [
      'kh-252-ttyt-dien-bien-phu-2025.ocr.txt',
      'kh-3764-syt-ha-noi-2025.ocr.txt',
      'kh-cdc-lai-chau-2025.txt',
    ]
      .flatMap((f) => parsePlanText(fixture(f)).warnings)
      .concat(parsePlanText('Xin chào, không phải kế hoạch.').warnings, parsePlanText('').warnings);
    expect(notes.length).toBeGreaterThan(3);
    for (const n of notes) expect(readerNoteVi(n), n).not.toBe(n);
    expect(readerNoteVi('The document number is blank (symbol KH-KSBT).')).toBe(
      'Văn bản chưa có số (ký hiệu KH-KSBT).',
    );
    expect(readerNoteVi('Something new.')).toBe('Something new.');
    const d = draftFromParsed(parsePlanText(fixture('kh-252-ttyt-dien-bien-phu-2025.ocr.txt')));
    expect(d.warnings[0]).toContain('Huân chương Lao động');
    expect(d.warnings[0]).toContain('không ghi hạng');
  });
});
