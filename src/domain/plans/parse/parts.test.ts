import { describe, expect, it } from 'vitest';
import { findAwardForms } from './awards';
import { parseHeader } from './header';
import { parsePreamble } from './preamble';
import { findRecipients, findSigner } from './signature';
import { preparePlanText } from './text';

const doc = preparePlanText;

describe('header', () => {
  it('reads a header whose columns come out interleaved (DOCX table order)', () => {
    const h = parseHeader(
      doc(
        'UBND TỈNH GIA LAI\nSỞ Y TẾ\nSố: 05/KH-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nGia Lai, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nTổng kết công tác thi đua năm 2025\nCăn cứ …',
      ),
    );
    expect(h).toMatchObject({
      documentNumber: '05/KH-SYT',
      issuer: 'SỞ Y TẾ',
      parentIssuer: 'UBND TỈNH GIA LAI',
      place: 'Gia Lai',
      issuedOn: '2026-02-05',
      title: 'Tổng kết công tác thi đua năm 2025',
      warnings: [],
    });
  });
  it('joins an issuer name wrapped over two lines', () => {
    const h = parseHeader(doc('SỞ Y TẾ\nTRUNG TÂM KIỂM SOÁT\nBỆNH TẬT\nSố: 9/KH-KSBT\nKẾ HOẠCH\nX'));
    expect(h.issuer).toBe('TRUNG TÂM KIỂM SOÁT BỆNH TẬT');
    expect(h.parentIssuer).toBe('SỞ Y TẾ');
    expect(h.place).toBeNull();
  });
  it('reports an invalid date instead of correcting it', () => {
    const h = parseHeader(doc('SỞ Y TẾ\nSố: 1/KH-SYT\nHà Nội, ngày 30 tháng 02 năm 2026\nKẾ HOẠCH\nX'));
    expect(h.issuedOn).toBeNull();
    expect(h.warnings.join()).toMatch(/incomplete/);
  });
});

describe('preamble', () => {
  const read = (body: string) => {
    const d = doc(`KẾ HOẠCH\nTiêu đề\n${body}\nI. MỤC ĐÍCH`);
    return parsePreamble(d, d.raw.indexOf('Tiêu đề') + 8);
  };
  it('splits "Căn cứ" and "Thực hiện" and ignores the issuing sentence', () => {
    const p = read(
      'Căn cứ Kế hoạch số 10/KH-UBND ngày 01/3/2026 của UBND tỉnh;\nThực hiện Kế hoạch số 20/KH-SYT ngày 05/3/2026 của Sở Y tế;\nBệnh viện ban hành Kế hoạch thực hiện Kế hoạch số 30/KH-BV như sau:',
    );
    expect(p.legalBases).toEqual([{ number: '10/KH-UBND', issuedOn: '2026-03-01' }]);
    expect(p.implements).toEqual([{ number: '20/KH-SYT', issuedOn: '2026-03-05' }]);
  });
  it('puts non-plans and documents cited inside a description among the legal bases', () => {
    const p = read(
      'Thực hiện Công văn số 7/SYT-NVY ngày 02/01/2026 về việc triển khai Kế hoạch số 8/KH-UBND ngày 01/01/2026;',
    );
    expect(p.implements).toEqual([]);
    expect(p.legalBases.map((r) => r.number)).toEqual(['7/SYT-NVY', '8/KH-UBND']);
  });
});

describe('award forms', () => {
  const read = (text: string) => findAwardForms(doc(text), 0);
  it('maps each form by its authority, in catalog order', () => {
    const r = read(
      'IV. HÌNH THỨC\n2. Hình thức khen thưởng\n- Bằng khen của Thủ tướng Chính phủ;\n- Bằng khen của Bộ trưởng Bộ Y tế;\n- Cờ thi đua của Bộ Y tế;\n- Huân chương Lao động hạng Nhì;\n- Chiến sĩ thi đua toàn quốc;\n- Tập thể lao động xuất sắc.\n3. Tiêu chuẩn khen thưởng\nGiấy khen',
    );
    expect(r.awardForms).toEqual([
      'CSTD_TQ',
      'TTLDXS',
      'CO_THI_DUA_TINH',
      'BANG_KHEN_BO',
      'BANG_KHEN_TTG',
      'HCLD_2',
    ]);
  });
  it('warns about a form it cannot classify instead of guessing', () => {
    const r = read('2. Hình thức khen thưởng\n- Bằng khen;\n- Giấy khen.');
    expect(r.awardForms).toEqual(['GIAY_KHEN']);
    expect(r.warnings.join()).toMatch(/"Bằng khen" without an authority/);
  });
  it('reads the whole text, with a warning, when there is no such section', () => {
    const r = read('Khen thưởng: Giấy khen của Giám đốc.');
    expect(r.awardForms).toEqual(['GIAY_KHEN']);
    expect(r.warnings.join()).toMatch(/No "Hình thức khen thưởng" section/);
  });
});

describe('signature block', () => {
  it('reads TM. with the collective body and the chair', () => {
    const d = doc(
      'Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thị Lan',
    );
    expect(findSigner(d).signer).toEqual({
      title: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      name: 'Nguyễn Thị Lan',
    });
    expect(findRecipients(d)).toEqual(['Như trên', 'Lưu: VT']);
  });
  it('reads OCR title words and drops academic prefixes from the name', () => {
    const d = doc('Noi nhgn: , PHO GIAM POC\n- Lanh dao;\n- Luu: VT.\n\nThS.BS. TRAN VAN AN');
    expect(findSigner(d).signer).toEqual({ title: 'PHÓ GIÁM ĐỐC', name: 'Trần Van An' });
  });
  it('joins a recipient wrapped onto the next line', () => {
    const d = doc('Nơi nhận:\n- Sở Y tế tỉnh Lai Châu\n(để báo cáo);\n- Lưu: VT.\nGIÁM ĐỐC');
    expect(findRecipients(d)).toEqual(['Sở Y tế tỉnh Lai Châu (để báo cáo)', 'Lưu: VT']);
  });
});
