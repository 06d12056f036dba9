/**
 * Opens a rendered DOCX in a real word processor: LibreOffice (Debian libreoffice-writer-nogui)
 * converts it to PDF, and poppler reads the result back. Needs `soffice`, `pdftotext`, `pdffonts`,
 * `pdfinfo` and fonts-liberation2 (Times New Roman → Liberation Serif with every Vietnamese glyph).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { pdfFonts, pdfInfo, pdfPageSizes, pdfToText, sampleDecision, squash } from '../testing';
import { renderOfficialDocx } from './official';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const run = promisify(execFile);

async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-lo-'));
  try {
    const input = path.join(dir, 'quyet-dinh.docx');
    await writeFile(input, docx);
    // a private profile so parallel runs and a user's LibreOffice do not collide
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    return await readFile(path.join(dir, 'quyet-dinh.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('DOCX opened in LibreOffice', () => {
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await docxToPdf(await renderOfficialDocx(sampleDecision(40)));
    pages = (await pdfToText(pdf)).split('\f');
  }, 180_000);

  it('shows the ND 30 header in two columns on page 1', () => {
    const lines = pages[0].split('\n').map((l) => squash(l).trim());
    expect(lines).toContain('UBND TỈNH ĐIỆN BIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('SỞ Y TẾ Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain('Số: 05/QĐ-SYT Điện Biên, ngày 05 tháng 02 năm 2026');
    expect(lines).toContain('QUYẾT ĐỊNH');
    expect(lines).toContain('GIÁM ĐỐC SỞ Y TẾ');
  });

  it('keeps the body numbering and the closing block', () => {
    const all = pages
      .join('\n')
      .split('\n')
      .map((l) => squash(l).trim());
    const numbered = all.filter((l) => /^(I|II|III)\. |^\d\. [A-ZĐ]|^[a-z]\) /.test(l));
    expect(numbered).toEqual([
      'I. MỨC THƯỞNG VÀ NGUỒN KINH PHÍ',
      '1. Mức tiền thưởng',
      'a) Đối với cá nhân thuộc đơn vị sự nghiệp công lập',
      'b) Đối với cá nhân thuộc cơ quan Sở',
      '2. Nguồn kinh phí',
      'II. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(all).toContain('Nơi nhận: KT. GIÁM ĐỐC');
    expect(all).toContain('Lò Văn Thẳng');
    expect(all).toContain('DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN');
  });

  it('numbers pages from 2 in the top margin and turns the annex landscape', async () => {
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
    expect(sizes[0]).toMatch(/^595\.\d+ x 841\.\d+/);
    const annex = pages.findIndex((p) => p.includes('DANH SÁCH CÁ NHÂN'));
    expect(sizes[annex]).toMatch(/^841\.\d+ x 595\.\d+/);
  });

  it('renders Times New Roman as a metric-compatible serif without fallback fonts', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts).toMatch(/LiberationSerif/);
    expect(fonts).not.toMatch(/DejaVu/);
  });
});
