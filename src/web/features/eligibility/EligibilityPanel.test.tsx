// @vitest-environment jsdom
import '../../test-setup';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, Providers } from '../../app/providers';
import { json, mockFetch } from '../../test-utils';
import { EligibilityPanel } from './EligibilityPanel';

afterEach(() => vi.unstubAllGlobals());

const verdict = {
  code: 'CSTD_TINH',
  name: 'Chiến sĩ thi đua cấp tỉnh',
  kind: 'title',
  subject: 'individual',
  nomineeId: 'p1',
  year: 2024,
  status: 'not_eligible',
  ruleSetId: 'tdkt-vn',
  ruleSetVersion: 3,
  ruleVersion: 2,
  citation: 'Điều 22 Luật Thi đua, khen thưởng 2022',
  conditions: [
    {
      id: 'cstd-tinh.cstdcs-run',
      description: 'Có 03 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” đến năm 2024',
      met: false,
      facts: ['CSTĐCS 2022, 2024: năm 2023 không có danh hiệu'],
      citation: 'Khoản 1 Điều 22 Luật Thi đua, khen thưởng 2022',
      depth: 0,
      type: 'awardRun',
      unconfirmed: false,
    },
    {
      id: 'cstd-tinh.initiative',
      description: 'Có 01 sáng kiến phạm vi cấp tỉnh',
      met: true,
      facts: ['Sáng kiến “Sàng lọc sớm đột quỵ” được tính'],
      citation: 'Khoản 1 Điều 22',
      depth: 1,
      type: 'initiatives',
      unconfirmed: true,
    },
  ],
  consumesInitiatives: [],
  consumesResearchProjects: [],
  judgementCriteria: [{ id: 'j', description: 'Có thành tích tiêu biểu xuất sắc', citation: 'Điều 22' }],
  unconfirmed: true,
  summary: 'Nguyễn Văn A chưa đủ điều kiện xét tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2024.',
};

describe('EligibilityPanel', () => {
  it('shows the verdict, every condition with its facts and citation, the unconfirmed tag and the rule-set version', async () => {
    const requests = mockFetch({
      'GET /api/eligibility/people/p1': () =>
        json(200, {
          nominee: { id: 'p1', name: 'Nguyễn Văn A', subject: 'individual', orgName: 'Khoa Nội' },
          year: 2024,
          asOf: '2025-03-01',
          ruleSetId: 'tdkt-vn',
          ruleSetVersion: 3,
          verdicts: [verdict],
        }),
    });
    const qc = createQueryClient();
    render(
      <Providers queryClient={qc}>
        <EligibilityPanel personId="p1" year={2024} codes={['CSTD_TINH']} />
      </Providers>,
    );
    expect(await screen.findByText('Chưa đủ điều kiện', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText('Theo bộ tiêu chuẩn phiên bản 3')).toBeTruthy();
    expect(screen.getByText('CSTĐCS 2022, 2024: năm 2023 không có danh hiệu')).toBeTruthy();
    expect(screen.getByText(/Căn cứ: Khoản 1 Điều 22 Luật Thi đua/)).toBeTruthy();
    expect(screen.getAllByText('Chưa xác nhận').length).toBeGreaterThan(0);
    expect(screen.getByText('Có thành tích tiêu biểu xuất sắc')).toBeTruthy();
    expect(requests[0]!.query.get('year')).toBe('2024');
    expect(requests[0]!.query.get('codes')).toBe('CSTD_TINH');
  }, 60_000);
});
