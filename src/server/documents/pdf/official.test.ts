import { pdfFonts, pdfInfo, pdfPageSizes, pdfToText, sampleDecision, squash } from '../testing';
import { renderOfficialPdf, renderTablePdf } from './official';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('renderOfficialPdf', () => {
  let pdf: Buffer;
  let text: string;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderOfficialPdf(sampleDecision(40));
    text = await pdfToText(pdf);
    pages = text.split('\f');
  });

  it('is a PDF with Tinos embedded (all four styles)', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = await pdfFonts(pdf);
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic']) {
      expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    expect(fonts).not.toMatch(/Helvetica|Roboto|Times-Roman/);
  });

  it('lays the header out in two columns on page 1', () => {
    const lines = pages[0].split('\n').map((l) => squash(l).trim());
    expect(lines).toContain('UBND TỈNH ĐIỆN BIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('SỞ Y TẾ Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain('Số: 05/QĐ-SYT Điện Biên, ngày 05 tháng 02 năm 2026');
  });

  it('keeps Vietnamese text exact, stacked diacritics included', () => {
    const flat = squash(text);
    for (const s of [
      'QUYẾT ĐỊNH',
      'Về việc tặng Giấy khen cho các cá nhân',
      'đã có thành tích xuất sắc trong phong trào thi đua năm 2025',
      'GIÁM ĐỐC SỞ Y TẾ',
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm',
      'Điều 1. Tặng Giấy khen của Giám đốc Sở Y tế',
      'I. MỨC THƯỞNG VÀ NGUỒN KINH PHÍ',
      '1. Mức tiền thưởng',
      'a) Đối với cá nhân thuộc đơn vị sự nghiệp công lập',
      'II. TỔ CHỨC THỰC HIỆN',
      'Lò Văn Thẳng', // ẳ
      'Lò Thùy Ngữ', // ữ
      'Đặng Đức Vỹ', // ặ ỹ
      'Vũ Mạnh Phượng', // ạ ượ
      'Trung tâm Y tế huyện Mường Ảng',
      'DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN',
      '(Kèm theo Quyết định số 05/QĐ-SYT ngày 05/02/2026 của Giám đốc Sở Y tế)',
      '28.080.000', // totals: 40 × 702.000
    ]) {
      expect(flat).toContain(s);
    }
    // justification must not split "06/2022/QH15" or "NĐ-CP" (pdfmake breaks after "/" and "-")
    expect(flat).not.toMatch(/\/ QH15|NĐ- CP/);
  });

  it('puts Nơi nhận beside the signature block', () => {
    const lines = text.split('\n').map((l) => squash(l).trim());
    expect(lines).toContain('Nơi nhận: KT. GIÁM ĐỐC');
    expect(lines).toContain('- Như Điều 2; PHÓ GIÁM ĐỐC');
    expect(lines).toContain('- Lưu: VT, TCCB.');
  });

  it('numbers pages in the top margin, not on page 1, and turns the annex landscape', async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const firstLine = (page: string) =>
      page
        .split('\n')
        .find((l) => l.trim())!
        .trim();
    expect(firstLine(pages[0])).toMatch(/^UBND TỈNH ĐIỆN BIÊN/);
    for (let p = 2; p <= info.pages; p++) expect(firstLine(pages[p - 1])).toBe(String(p));
    const sizes = await pdfPageSizes(pdf, info.pages);
    expect(sizes[0]).toMatch(/^595\.28 x 841\.89/);
    const annexPage = pages.findIndex((p) => p.includes('DANH SÁCH CÁ NHÂN'));
    expect(sizes[annexPage]).toMatch(/^841\.89 x 595\.28/);
  });

  it('marks a draft on page 1', async () => {
    const draft = await pdfToText(await renderOfficialPdf(sampleDecision(1, { draft: true, annexes: [] })));
    expect(
      draft
        .split('\n')
        .find((l) => l.trim())!
        .trim(),
    ).toBe('DỰ THẢO');
  });

  it('prints two signatures side by side', async () => {
    const d = sampleDecision(0, {
      annexes: [],
      recipients: [],
      signature: { mode: 'TM.', onBehalfOf: 'Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Văn Ẩn' },
      secondSignature: { title: 'Thư ký', name: 'Trần Thị Ngữ' },
    });
    const lines = (await pdfToText(await renderOfficialPdf(d))).split('\n').map((l) => squash(l).trim());
    expect(lines).toContain('THƯ KÝ TM. HỘI ĐỒNG');
    expect(lines).toContain('Trần Thị Ngữ Nguyễn Văn Ẩn');
  });
});

describe('renderTablePdf', () => {
  it('renders a landscape report table with page numbers', async () => {
    const table = sampleDecision(60).annexes[0].table;
    const pdf = await renderTablePdf({
      title: 'Báo cáo tổng hợp khen thưởng năm 2025',
      subtitle: 'Sở Y tế tỉnh Điện Biên',
      table,
      landscape: true,
    });
    const info = await pdfInfo(pdf);
    expect(info.pageSize).toMatch(/^841\.89 x 595\.28/);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    const text = squash(await pdfToText(pdf));
    expect(text).toContain('BÁO CÁO TỔNG HỢP KHEN THƯỞNG NĂM 2025');
    expect(text).toContain('Sở Y tế tỉnh Điện Biên');
    expect(text).toContain(`Trang 1/${info.pages}`);
    expect(text).toContain('60 Lò');
    // the header row repeats on the next page
    expect(text.split('\f')[1]).toContain('Họ và tên');
  });
});
