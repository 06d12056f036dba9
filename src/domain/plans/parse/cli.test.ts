/**
 * End to end: a plan rendered as DOCX by the project's NĐ 30 renderer, then read back by
 * scripts/plan-parse.ts (unzip → word/document.xml → text → parser); and the CLI on a .txt.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from '../../../server/documents/docx/official';
import type { OfficialDocument } from '../../../server/documents/model';
import { KH_118_FACTS } from './__fixtures__/kh-118.facts';
import type { ParsedPlan } from './index';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'plan-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(file: string): Promise<ParsedPlan> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/plan-parse.ts', file], {
    cwd: repoRoot,
  });
  return JSON.parse(stdout) as ParsedPlan;
}

const plan: OfficialDocument = {
  templateVersion: 'test',
  issuer: { parentName: 'SỞ Y TẾ TỈNH QUẢNG NGÃI', name: 'BỆNH VIỆN ĐA KHOA TỈNH QUẢNG NGÃI' },
  documentNumber: '118/KH-BVT',
  place: 'Quảng Ngãi',
  date: '2025-09-05',
  kindTitle: 'KẾ HOẠCH',
  subject:
    'Tổ chức Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”\ntại Bệnh viện Đa khoa tỉnh Quảng Ngãi giai đoạn 2025 - 2030',
  preamble: [
    'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
    'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
    'Căn cứ Thông tư số 15/2025/TT-BNV của Bộ Nội vụ hướng dẫn thi hành Luật Thi đua, khen thưởng;',
    'Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ ban hành Kế hoạch tổ chức Phong trào thi đua;',
    'Thực hiện Kế hoạch số 1570/KH-SYT ngày 20/8/2025 của Sở Y tế tỉnh Quảng Ngãi và Kế hoạch số 45/KH-UBND ngày 12/8/2025 của Ủy ban nhân dân tỉnh Quảng Ngãi về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;',
  ],
  body: [
    { kind: 'paragraph', text: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi ban hành Kế hoạch như sau:' },
    { kind: 'heading', level: 1, text: 'MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'paragraph', text: 'Phát huy tinh thần chủ động, sáng tạo của viên chức, người lao động.' },
    { kind: 'heading', level: 1, text: 'THỜI GIAN' },
    {
      kind: 'bullets',
      items: [
        'Giai đoạn 1 (từ năm 2025 đến năm 2026): triển khai; sơ kết vào quý IV năm 2026.',
        'Giai đoạn 2 (2027 – 2030): tiếp tục triển khai, tổng kết vào năm 2030.',
      ],
    },
    { kind: 'heading', level: 1, text: 'DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG' },
    { kind: 'heading', level: 2, text: 'Danh hiệu thi đua' },
    {
      kind: 'bullets',
      items: [
        'Cá nhân: “Lao động tiên tiến”, “Chiến sĩ thi đua cơ sở”.',
        'Tập thể: “Tập thể lao động tiên tiến”.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Hình thức khen thưởng' },
    {
      kind: 'bullets',
      items: [
        'Giấy khen của Giám đốc Bệnh viện;',
        'Bằng khen của Bộ trưởng Bộ Y tế;',
        'Huân chương Lao động hạng Ba.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Tiêu chuẩn khen thưởng' },
    { kind: 'paragraph', text: 'Không đề nghị Bằng khen của Thủ tướng Chính phủ trong đợt sơ kết.' },
    { kind: 'heading', level: 1, text: 'TỔ CHỨC THỰC HIỆN' },
    { kind: 'heading', level: 2, text: 'Phòng Tổ chức - Hành chính' },
    {
      kind: 'bullets',
      items: [
        'Tổng hợp báo cáo kết quả gửi Sở Y tế trước ngày 20/11 hằng năm; báo cáo sơ kết giai đoạn 1 gửi Sở Y tế trước ngày 30/11/2026.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Các khoa, phòng' },
    {
      kind: 'bullets',
      items: [
        'Định kỳ hằng quý, gửi báo cáo tiến độ về Phòng Tổ chức - Hành chính trước ngày 25 của tháng cuối quý.',
      ],
    },
  ],
  annexes: [],
  recipients: [
    'Sở Y tế tỉnh Quảng Ngãi (để báo cáo)',
    'Ban Giám đốc Bệnh viện',
    'Các khoa, phòng',
    'Lưu: VT, TCHC',
  ],
  signature: { mode: 'KT.', onBehalfOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Hồng Nhung' },
};

describe('scripts/plan-parse.ts', () => {
  it('reads back a plan exported as DOCX in the NĐ 30 format', { timeout: 120_000 }, async () => {
    const file = join(dir, 'kh-118.docx');
    writeFileSync(file, await renderOfficialDocx(plan));
    const parsed = await cli(file);
    const { contentAreas, responsibilities, warnings, ...required } = parsed;
    expect(required).toEqual({ ...KH_118_FACTS, title: plan.subject.replace('\n', ' ') });
    expect(responsibilities.map((r) => r.unit)).toEqual(['Phòng Tổ chức - Hành chính', 'Các khoa, phòng']);
  });

  it('reads a .txt file and prints 2-space indented JSON', { timeout: 60_000 }, async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, 'SỞ Y TẾ\nSố: 7/KH-SYT\nHà Nội, ngày 01 tháng 02 năm 2026\nKẾ HOẠCH\nThử nghiệm\n');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/plan-parse.ts', file], {
      cwd: repoRoot,
    });
    expect(stdout).toMatch(/^\{\n {2}"documentNumber": "7\/KH-SYT",\n {2}"issuer": "SỞ Y TẾ",/);
    expect(JSON.parse(stdout).issuedOn).toBe('2026-02-01');
  });

  it('fails with exit code 2 and a message on a missing file', { timeout: 60_000 }, async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'scripts/plan-parse.ts', join(dir, 'missing.txt')], {
        cwd: repoRoot,
      }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read/) });
  });
});
