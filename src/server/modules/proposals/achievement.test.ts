import { describe, expect, it } from 'vitest';
import { renderOfficialDocx } from '../../documents/docx/official';
import { assertValidDocument } from '../../documents/model';
import { docxParagraphs, unzipText } from '../../documents/testing';
import { achievementReportDocument, reportBlocks } from './achievement';
import { dossierCheck } from './proposals.use-cases';

const TEXT = [
  'BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2025',
  '',
  'I. SƠ LƯỢC LÝ LỊCH',
  '- Họ và tên: Nguyễn Thị Hằng',
  '- Chức vụ: Điều dưỡng trưởng',
  '',
  'II. THÀNH TÍCH ĐẠT ĐƯỢC',
  '1. Quyền hạn, nhiệm vụ được giao',
  'Chăm sóc người bệnh nội trú, quản lý điều dưỡng của khoa.',
  '2. Thành tích đạt được năm 2025',
  '- Không để xảy ra sai sót chuyên môn.',
].join('\n');

describe('achievement report', () => {
  it('turns the editable text into headings, bullets and paragraphs (the title line is the document title)', () => {
    expect(reportBlocks(TEXT)).toEqual([
      { kind: 'heading', level: 1, text: 'SƠ LƯỢC LÝ LỊCH' },
      { kind: 'bullets', items: ['Họ và tên: Nguyễn Thị Hằng', 'Chức vụ: Điều dưỡng trưởng'] },
      { kind: 'heading', level: 1, text: 'THÀNH TÍCH ĐẠT ĐƯỢC' },
      { kind: 'heading', level: 2, text: 'Quyền hạn, nhiệm vụ được giao' },
      { kind: 'paragraph', text: 'Chăm sóc người bệnh nội trú, quản lý điều dưỡng của khoa.' },
      { kind: 'heading', level: 2, text: 'Thành tích đạt được năm 2025' },
      { kind: 'bullets', items: ['Không để xảy ra sai sót chuyên môn.'] },
    ]);
    expect(reportBlocks('\r\n\r\n')).toEqual([]);
  });

  it('renders an NĐ 30 DOCX with the unit header, the subject and the nominee’s signature', async () => {
    const doc = achievementReportDocument({
      text: TEXT,
      issuerName: 'Khoa Nội tổng hợp',
      parentName: 'Bệnh viện Đa khoa tỉnh Điện Biên',
      nomineeName: 'Nguyễn Thị Hằng',
      awardCode: 'CSTDCS',
      year: 2025,
      date: '2026-12-01',
      collective: false,
    });
    expect(() => assertValidDocument(doc)).not.toThrow();
    const files = await unzipText(await renderOfficialDocx(doc));
    const text = docxParagraphs(files.get('word/document.xml')!).join('\n');
    expect(text).toContain('BỆNH VIỆN ĐA KHOA TỈNH ĐIỆN BIÊN');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Thành tích đề nghị tặng Chiến sĩ thi đua cơ sở năm 2025');
    expect(text).toContain('Không để xảy ra sai sót chuyên môn.');
    expect(text).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('Nguyễn Thị Hằng');
  });
});

describe('dossier completeness', () => {
  it('needs a report always, and evidence (a file or an initiative) for CSTĐCS but not for LĐTT', () => {
    const base = { achievement_report: 'Báo cáo', initiative_ids: [] as string[] };
    expect(dossierCheck({ ...base, award_code: 'LDTT' }, 0).complete).toBe(true);
    expect(dossierCheck({ ...base, award_code: 'LDTT', achievement_report: '  ' }, 3).complete).toBe(false);
    expect(dossierCheck({ ...base, award_code: 'CSTDCS' }, 0).complete).toBe(false);
    expect(dossierCheck({ ...base, award_code: 'CSTDCS' }, 1).complete).toBe(true);
    expect(dossierCheck({ ...base, award_code: 'CSTDCS', initiative_ids: ['x'] }, 0).complete).toBe(true);
  });
});
