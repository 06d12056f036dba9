import { safeDownloadName } from './download';

describe('safeDownloadName', () => {
  it('keeps Vietnamese in filename* and gives an ASCII fallback', () => {
    const d = safeDownloadName('Quyết định 05/QĐ-SYT.docx');
    expect(d.filename).toBe('Quyết định 05-QĐ-SYT.docx');
    expect(d.ascii).toBe('Quyet dinh 05-QD-SYT.docx');
    expect(d.contentDisposition).toBe(
      `attachment; filename="Quyet dinh 05-QD-SYT.docx"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2005-Q%C4%90-SYT.docx`,
    );
    // the encoded name decodes back exactly
    const encoded = /filename\*=UTF-8''(.*)$/.exec(d.contentDisposition)![1];
    expect(decodeURIComponent(encoded)).toBe(d.filename);
  });

  it('normalises to NFC and encodes RFC 5987 specials', () => {
    const d = safeDownloadName("Báo cáo (tổng hợp) 'năm' 2025*.xlsx".normalize('NFD'), 'inline');
    expect(d.filename).toBe("Báo cáo (tổng hợp) 'năm' 2025.xlsx");
    expect(d.contentDisposition).toMatch(
      /^inline; filename="Bao cao \(tong hop\) _nam_ 2025\.xlsx"; filename\*=UTF-8''/,
    );
    expect(d.contentDisposition).toContain('%28t%E1%BB%95ng%20h%E1%BB%A3p%29%20%27n%C4%83m%27');
  });

  it('cannot inject headers, paths or hidden files', () => {
    const d = safeDownloadName('../..\\evil"\r\nSet-Cookie: a=b.pdf');
    expect(d.filename).not.toMatch(/[\r\n"\\/]/);
    expect(d.contentDisposition).not.toMatch(/[\r\n]/);
    expect(d.filename.startsWith('.')).toBe(false);
    expect(d.filename).toBe('-..-evil Set-Cookie- a=b.pdf');
    expect(d.ascii).not.toContain('"');
    expect(safeDownloadName('...').filename).toBe('tai-lieu');
    expect(safeDownloadName('CON.pdf').filename).toBe('_CON.pdf');
  });

  it('shortens long names but keeps the extension', () => {
    const d = safeDownloadName(`${'Danh sách cá nhân được tặng Giấy khen '.repeat(10)}.docx`);
    expect([...d.filename].length).toBeLessThanOrEqual(150);
    expect(d.filename.endsWith('.docx')).toBe(true);
    expect(d.ascii.endsWith('.docx')).toBe(true);
  });
});
