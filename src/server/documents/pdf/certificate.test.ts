import { pdfFonts, pdfInfo, pdfPageSizes, pdfToText, squash } from '../testing';
import { type CertificateItem, renderCertificates } from './certificate';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const giayKhen: CertificateItem = {
  authority: 'Giám đốc Sở Y tế tỉnh Điện Biên',
  form: 'Giấy khen',
  awardee: { name: 'Bà Nguyễn Thị Hằng', line: 'Điều dưỡng hạng III, Trung tâm Y tế huyện Mường Ảng' },
  achievement:
    'Đã có thành tích xuất sắc, tận tụy trong sự nghiệp chăm sóc, bảo vệ và nâng cao sức khỏe nhân dân năm 2025; bẵng đi nhiều năm vẫn vững vàng, kiên trì với công việc ở vùng cao',
  decision: { number: '05/QĐ-SYT', date: '2026-02-05' },
  place: 'Điện Biên',
  date: '2026-02-05',
  signer: { mode: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'Lò Văn Thẳng' },
  registerNumber: '125',
};

const items: CertificateItem[] = [
  giayKhen,
  {
    ...giayKhen,
    lead: 'Tặng danh hiệu',
    form: 'Chiến sĩ thi đua cơ sở',
    awardee: { name: 'Ông Đỗ Quỳnh Vỹ', line: 'Bác sĩ, Bệnh viện Đa khoa tỉnh Điện Biên' },
    registerNumber: undefined,
  },
  {
    ...giayKhen,
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN',
    form: 'BẰNG KHEN',
    awardee: { name: 'Khoa Hồi sức tích cực - Chống độc', line: 'Bệnh viện Đa khoa tỉnh Điện Biên' },
    achievement:
      'Đã có thành tích xuất sắc trong công tác phòng, chống dịch bệnh, góp phần vào sự nghiệp xây dựng và bảo vệ Tổ quốc',
    signer: { mode: 'KT.', onBehalfOf: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'Trần Thị Ngữ' },
  },
];

describe('renderCertificates', () => {
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderCertificates(items);
    pages = (await pdfToText(pdf)).split('\f').map(squash);
  });

  it('prints one A4 landscape page per awardee', async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(3);
    expect(await pdfPageSizes(pdf, 3)).toEqual(Array(3).fill('841.89 x 595.28 pts (A4)'));
  });

  it('embeds Tinos', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts).toMatch(/\+Tinos-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+Tinos-Italic\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('prints every element of a Giấy khen with exact diacritics', () => {
    const p = pages[0];
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIÁM ĐỐC SỞ Y TẾ TỈNH ĐIỆN BIÊN',
      'GIẤY KHEN',
      'Tặng: Bà Nguyễn Thị Hằng',
      'Điều dưỡng hạng III, Trung tâm Y tế huyện Mường Ảng',
      'tận tụy trong sự nghiệp chăm sóc, bảo vệ', // ậ ự
      'bẵng đi nhiều năm vẫn vững vàng', // ẵ ữ
      'công việc ở vùng cao', // ở
      'Quyết định số 05/QĐ-SYT ngày 05/02/2026',
      'Số sổ vàng: 125',
      'Điện Biên, ngày 05 tháng 02 năm 2026',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lò Văn Thẳng', // ẳ
    ]) {
      expect(p).toContain(s);
    }
    expect(p).not.toContain('TẶNG DANH HIỆU');
  });

  it('prints a title certificate and a Bằng khen of the provincial chair', () => {
    expect(pages[1]).toContain('TẶNG DANH HIỆU');
    expect(pages[1]).toContain('CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(pages[1]).toContain('Tặng: Ông Đỗ Quỳnh Vỹ'); // ỹ
    expect(pages[1]).not.toContain('Số sổ vàng');
    expect(pages[2]).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN');
    expect(pages[2]).toContain('BẰNG KHEN');
    expect(pages[2]).toContain('Khoa Hồi sức tích cực - Chống độc'); // ộ
    expect(pages[2]).toContain('KT. CHỦ TỊCH');
    expect(pages[2]).toContain('Trần Thị Ngữ');
  });

  it('gives a single certificate for one item', async () => {
    const one = await renderCertificates([items[2]]);
    expect((await pdfInfo(one)).pages).toBe(1);
    expect(squash(await pdfToText(one))).toContain('BẰNG KHEN');
  });

  it('shrinks a long name to stay on one line', async () => {
    const long =
      'Tập thể Khoa Kiểm soát nhiễm khuẩn và Dinh dưỡng lâm sàng, Bệnh viện Đa khoa tỉnh Điện Biên';
    const text = squash(
      await pdfToText(await renderCertificates([{ ...giayKhen, awardee: { name: long } }])),
    );
    expect(text).toContain(`Tặng: ${long}`);
  });

  it('rejects an empty list and bad dates', async () => {
    await expect(renderCertificates([])).rejects.toThrow(RangeError);
    await expect(renderCertificates([{ ...giayKhen, date: '05/02/2026' }])).rejects.toThrow(RangeError);
  });
});
