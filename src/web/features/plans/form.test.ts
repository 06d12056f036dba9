import { describe, expect, it } from 'vitest';
import { PlanContentInput } from '../../../contracts/plans';
import type { PlanContentT } from './api';
import { fromForm, toForm } from './form';

const content: PlanContentT = {
  title: 'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
  place: 'Điện Biên',
  issuedOn: '2025-08-08',
  yearFrom: 2025,
  yearTo: 2030,
  issuerName: 'SỞ Y TẾ',
  parentIssuerName: 'UBND TỈNH ĐIỆN BIÊN',
  purposes: 'Mục đích.',
  requirements: null,
  participants: null,
  contentAreas: ['Thi đua chuyển đổi số'],
  criteriaCollective: null,
  criteriaIndividual: 'Hoàn thành xuất sắc nhiệm vụ.',
  criteriaOther: null,
  awardForms: ['GIAY_KHEN', 'BANG_KHEN_TINH'],
  budgetSources: null,
  recipients: ['Các đơn vị trực thuộc Sở', 'Lưu: VT, TCCB'],
  signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
  signerName: 'Lò Văn Hùng',
  references: [
    {
      kind: 'implements',
      number: '2185/KH-UBND',
      issuedOn: '2025-05-20',
      issuer: 'UBND tỉnh Điện Biên',
      title: null,
      referencedPlanId: null,
    },
  ],
  phases: [{ name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027, reviewType: 'interim', reviewYear: 2027 }],
  targets: [
    { content: 'Bệnh án điện tử', indicatorCode: 'EMR', targetValue: 95.5, unit: '%', dueOn: '2027-12-31' },
  ],
  responsibilities: [
    {
      orgId: null,
      department: 'Phòng Tổ chức cán bộ',
      content: 'Tổng hợp',
      dueOn: '2025-11-15',
      recurrence: 'yearly',
    },
  ],
};

describe('plan form values', () => {
  it('round-trips the content through the form and is accepted by the API schema unchanged', () => {
    const back = fromForm(toForm(content));
    expect(back).toEqual(content);
    expect(PlanContentInput.parse(back)).toEqual(content);
  });

  it('reads the recipients one per line, dropping blank lines, and empty content areas', () => {
    const values = toForm(content);
    values.recipients = ' Sở Y tế (b/c) \n\n Lưu: VT ';
    values.contentAreas = ['Thi đua A', '  ', ''];
    const back = fromForm(values);
    expect(back.recipients).toEqual(['Sở Y tế (b/c)', 'Lưu: VT']);
    expect(back.contentAreas).toEqual(['Thi đua A']);
  });

  it('sends a cleared date as null', () => {
    const values = toForm(content);
    values.issuedOn = null;
    values.targets[0]!.dueOn = null;
    const back = fromForm(values);
    expect(back.issuedOn).toBeNull();
    expect(back.targets?.[0]?.dueOn).toBeNull();
  });
});
