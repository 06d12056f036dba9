import { renderOfficialPdf } from '../pdf/official';
import { docxParagraphs, pdfToText, squash, unzipText } from '../testing';
import { buildMinutes, formatClock, type MinutesInput, voteLine, votePercent } from './minutes';
import { renderOfficialDocx } from './official';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const input: MinutesInput = {
  issuer: { parentName: 'SỞ Y TẾ TỈNH ĐIỆN BIÊN', name: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' },
  documentNumber: '01/BB-HĐTĐKT',
  place: 'Điện Biên',
  date: '2026-01-20',
  councilName: 'Hội đồng Thi đua - Khen thưởng Sở Y tế',
  purpose: 'xét khen thưởng tổng kết năm 2025',
  startTime: '14:00',
  endTime: '16:30',
  venue: 'Phòng họp tầng 2, Sở Y tế',
  chair: { name: 'Nguyễn Văn Ẩn', position: 'Giám đốc Sở Y tế' },
  secretary: { name: 'Trần Thị Ngữ', position: 'Chuyên viên Phòng Tổ chức cán bộ' },
  membersTotal: 11,
  membersPresent: 9,
  absentees: [{ name: 'Lò Văn Thẳng', reason: 'đi công tác' }, { name: 'Vũ Mạnh Phượng' }],
  agenda: [
    {
      title: 'Xét tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2025',
      discussion: ['Thường trực Hội đồng trình bày danh sách 14 cá nhân do các đơn vị đề nghị.'],
      method: 'secret-ballot',
      votes: { agree: 10, disagree: 1 },
      result: 'Thống nhất đề nghị Giám đốc Sở Y tế công nhận danh hiệu cho 14 cá nhân.',
    },
    {
      title: 'Xét tặng Giấy khen của Giám đốc Sở Y tế',
      method: 'show-of-hands',
      votes: { agree: 8, disagree: 0, abstain: 1 },
      result: 'Thống nhất đề nghị tặng Giấy khen cho 12 cá nhân.',
    },
  ],
  conclusion: ['Giao Thường trực Hội đồng hoàn thiện hồ sơ, trình Giám đốc Sở Y tế ký ban hành Quyết định.'],
};

describe('minutes helpers', () => {
  it('formats times and vote shares of all members, truncated', () => {
    expect(formatClock('14:05')).toBe('14 giờ 05 phút');
    expect(() => formatClock('24:00')).toThrow(RangeError);
    expect(votePercent(8, 9)).toBe('88,88%'); // 88.888… is not rounded up
    expect(votePercent(2, 3)).toBe('66,66%');
    expect(votePercent(9, 10)).toBe('90%');
    expect(votePercent(0, 11)).toBe('0%');
    expect(() => votePercent(12, 11)).toThrow(RangeError);
    expect(voteLine({ agree: 10, disagree: 1 }, 11)).toBe(
      'Đồng ý: 10/11 thành viên (90,9%); không đồng ý: 1/11 thành viên (9,09%).',
    );
  });

  it('rejects impossible attendance and vote counts', () => {
    expect(() => buildMinutes({ ...input, membersPresent: 12 })).toThrow(/membersPresent/);
    expect(() =>
      buildMinutes({ ...input, agenda: [{ ...input.agenda[0], votes: { agree: 10, disagree: 2 } }] }),
    ).toThrow(/12 votes for 11 members/);
  });
});

describe('buildMinutes', () => {
  const doc = buildMinutes(input);

  it('builds a BIÊN BẢN signed by the secretary and the chair', () => {
    expect(doc.kindTitle).toBe('BIÊN BẢN');
    expect(doc.templateVersion).toBe('bien-ban-hdtdkt@1');
    expect(doc.subject).toBe('Họp Hội đồng Thi đua - Khen thưởng Sở Y tế\nxét khen thưởng tổng kết năm 2025');
    expect(doc.signature).toEqual({ title: 'Chủ tịch Hội đồng', name: 'Nguyễn Văn Ẩn' });
    expect(doc.secondSignature).toEqual({ title: 'Thư ký', name: 'Trần Thị Ngữ' });
  });

  it('renders as DOCX with attendance, votes, results and two signatures', async () => {
    const xml = (await unzipText(await renderOfficialDocx(doc))).get('word/document.xml')!;
    const paras = docxParagraphs(xml);
    expect(paras).toContain('Số: 01/BB-HĐTĐKT');
    expect(paras).toContain('Điện Biên, ngày 20 tháng 01 năm 2026');
    expect(paras).toContain('- Thời gian: bắt đầu vào hồi 14 giờ 00 phút, ngày 20 tháng 01 năm 2026.');
    expect(paras).toContain('- Chủ trì: Nguyễn Văn Ẩn, Giám đốc Sở Y tế, Chủ tịch Hội đồng.');
    expect(paras).toContain(
      '- Thành phần: Có mặt 9/11 thành viên Hội đồng; vắng mặt 2 thành viên: Lò Văn Thẳng (đi công tác); Vũ Mạnh Phượng.',
    );
    expect(paras.filter((p) => /^(I|II|III)\. /.test(p))).toEqual([
      'I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN',
      'II. NỘI DUNG',
      'III. KẾT LUẬN',
    ]);
    expect(paras).toContain('1. Xét tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2025');
    expect(paras).toContain(
      'Kết quả bỏ phiếu kín: Đồng ý: 10/11 thành viên (90,9%); không đồng ý: 1/11 thành viên (9,09%).',
    );
    expect(paras).toContain(
      'Kết quả biểu quyết: Đồng ý: 8/11 thành viên (72,72%); không đồng ý: 0/11 thành viên (0%); không biểu quyết: 1/11 thành viên (9,09%).',
    );
    expect(paras).toContain('Kết quả: Thống nhất đề nghị tặng Giấy khen cho 12 cá nhân.');
    const closing = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).at(-1)!;
    const [left, right] = closing.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!.map(docxParagraphs);
    expect(left).toEqual(['THƯ KÝ', 'Trần Thị Ngữ']);
    expect(right).toEqual(['CHỦ TỊCH HỘI ĐỒNG', 'Nguyễn Văn Ẩn']);
    expect(paras).not.toContain('Nơi nhận:');
  });

  it('renders as PDF with the two signatures on one line', async () => {
    const lines = (await pdfToText(await renderOfficialPdf(doc))).split('\n').map((l) => squash(l).trim());
    expect(lines).toContain('BIÊN BẢN');
    expect(lines).toContain('THƯ KÝ CHỦ TỊCH HỘI ĐỒNG');
    expect(lines).toContain('Trần Thị Ngữ Nguyễn Văn Ẩn');
  });
});
