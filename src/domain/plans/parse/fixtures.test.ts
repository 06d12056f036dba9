/**
 * The reader against real plans (copies of /work/shared/fixtures/plans, two of them OCR output that
 * lost its diacritics) and against our own clean plan. Each test states what the document says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldVi } from '../../text/vietnamese';
import { KH_118_FACTS } from './__fixtures__/kh-118.facts';
import { parsePlanText } from './index';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('kh-252-ttyt-dien-bien-phu-2025.ocr.txt (OCR, no diacritics)', () => {
  const plan = parsePlanText(fixture('kh-252-ttyt-dien-bien-phu-2025.ocr.txt'));

  it('reads the number with "S6:" for "Số:", the place and the date', () => {
    expect(plan.documentNumber).toBe('252/KH-TTYT');
    expect(plan.place).toBe('Điện Biên Phủ');
    expect(plan.issuedOn).toBe('2025-08-11');
  });

  it('reads the issuer from the header line the motto is glued to, and no invented parent', () => {
    expect(plan.issuer).toBe('TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ');
    expect(plan.parentIssuer).toBeNull(); // the scan lost the "SỞ Y TẾ" line
  });

  it('reads the title after KẾ HOẠCH', () => {
    expect(foldVi(plan.title ?? '')).toMatch(/^trien khai thuc hien phong trao thi dua “ca nudrc thi dua/);
    expect(plan.title).toContain('Triển khai thực hiện Phong trào thi đua');
  });

  it('links the implemented plan 234/KH-SYT and has no Căn cứ', () => {
    expect(plan.implements).toEqual([{ number: '234/KH-SYT', issuedOn: '2025-08-08' }]);
    expect(plan.legalBases).toEqual([]);
  });

  it('reads the two phases and the reviews', () => {
    expect(plan.phases).toEqual([
      { fromYear: 2025, toYear: 2027 },
      { fromYear: 2027, toYear: 2030 },
    ]);
    expect(plan.reviews).toEqual([
      { type: 'interim', year: 2027 },
      { type: 'final', year: 2030 },
    ]);
  });

  it('reads the award forms of section 2.1 (Huân chương without class → all classes, with a warning)', () => {
    expect(plan.awardForms).toEqual([
      'CO_THI_DUA_TINH',
      'CO_THI_DUA_CP',
      'GIAY_KHEN',
      'BANG_KHEN_TINH',
      'BANG_KHEN_TTG',
      'HCLD_3',
      'HCLD_2',
      'HCLD_1',
    ]);
    expect(plan.warnings.join('\n')).toMatch(/Huân chương Lao động" is offered without a class/);
  });

  it('has no report deadline (the text gives none)', () => {
    expect(plan.reportDeadlines).toEqual([]);
  });

  it('reads the signer and the recipients', () => {
    expect(plan.signer?.title).toBe('PHÓ GIÁM ĐỐC');
    expect(plan.signer?.name).toBe('Nguyễn Bic Thinh'); // "bic" is OCR for "Đức": not guessed
    expect(plan.recipients).toEqual([
      'Lãnh đạo Trung tdm Y té (P/h chi dao)',
      'C4c Phong, Khoa, Trạm Y tế x&/phuong',
      'Lưu: VT, KH-NV-DD',
    ]);
  });

  it('reads the content areas and the responsibilities by department', () => {
    expect(plan.contentAreas).toHaveLength(5);
    expect(plan.contentAreas.every((a) => a.startsWith('Thi đua'))).toBe(true);
    expect(plan.responsibilities.map((r) => foldVi(r.unit))).toEqual([
      'phong ke hoach - nghiep vu - dieu dudng',
      'phong te chitc - hanh chinh',
      'phong tai chinh - ke toan',
      'cac phong, khoa, tram y te xi/phuwong',
    ]);
  });
});

describe('kh-3764-syt-ha-noi-2025.ocr.txt (OCR, no diacritics)', () => {
  const plan = parsePlanText(fixture('kh-3764-syt-ha-noi-2025.ocr.txt'));

  it('reads number, issuers, place and date', () => {
    expect(plan.documentNumber).toBe('3764/KH-SYT');
    expect(plan.issuer).toBe('SỞ Y TẾ'); // "SOY TE": the space was lost
    expect(plan.parentIssuer).toBe('UBND THÀNH PHỐ HÀ NỘI'); // "HANOI"
    expect(plan.place).toBe('Hà Nội');
    expect(plan.issuedOn).toBe('2025-07-23');
    expect(foldVi(plan.title ?? '')).toMatch(/^trien khai phong trao thi dua .* giai doan 2025-2030$/);
  });

  it('splits Căn cứ (legal bases, OCR-normalised symbols) from Thực hiện (implements)', () => {
    expect(plan.implements).toEqual([{ number: '190/KH-UBND', issuedOn: '2025-07-18' }]);
    expect(plan.legalBases).toEqual([
      { number: '57-NQ/TW', issuedOn: '2024-12-22' }, // written "57-NQ-TW"
      { number: '71/NQ-CP', issuedOn: '2025-04-01' },
      { number: '923/QĐ-TTg', issuedOn: '2025-05-14' }, // "QD"
      { number: '3751/HD-BNV', issuedOn: '2025-06-16' }, // split over two lines
      { number: '8602-QĐ/TU', issuedOn: '2025-05-15' }, // "8602- Qb/TU"
      { number: '139/KH-UBND', issuedOn: '2025-05-16' },
    ]);
  });

  it('reads phases, reviews, award forms and the yearly report deadline', () => {
    expect(plan.phases).toEqual([
      { fromYear: 2025, toYear: 2027 },
      { fromYear: 2027, toYear: 2030 },
    ]);
    expect(plan.reviews).toEqual([
      { type: 'interim', year: 2027 },
      { type: 'final', year: 2030 },
    ]);
    expect(plan.awardForms).toEqual([
      'CO_THI_DUA_TINH',
      'CO_THI_DUA_CP', // "C0¢ thi dua cua Chinh phu"
      'GIAY_KHEN',
      'BANG_KHEN_TINH', // "Béng khen cua Chu tich UBND Thanh phé"
      'BANG_KHEN_TTG',
      'HCLD_3',
      'HCLD_2',
      'HCLD_1',
    ]);
    expect(plan.reportDeadlines).toEqual([{ day: 30, month: 11, recurrence: 'yearly' }]);
  });

  it('reads the signer and the recipients', () => {
    expect(plan.signer).toEqual({ title: 'KT. GIÁM ĐỐC', name: 'Nguyễn Dinh Hung' });
    expect(plan.recipients).toHaveLength(6);
    expect(plan.recipients[2]).toBe('Ban Giám đốc SỞ Y tế');
    expect(plan.recipients[5]).toMatch(/^Lưu: VT, TCCB/);
  });

  it('finds the deadline inside the responsibilities of the units', () => {
    const units = plan.responsibilities;
    expect(units).toHaveLength(4);
    expect(units[3].deadlines).toEqual([{ day: 30, month: 11, recurrence: 'yearly' }]);
    expect(plan.contentAreas).toHaveLength(6);
  });
});

describe('kh-cdc-lai-chau-2025.txt (clean Unicode draft with blanks)', () => {
  const plan = parsePlanText(fixture('kh-cdc-lai-chau-2025.txt'));

  it('keeps the blank number and day as null, with warnings', () => {
    expect(plan.documentNumber).toBeNull();
    expect(plan.issuedOn).toBeNull();
    expect(plan.place).toBe('Lai Châu');
    expect(plan.warnings).toContain('The document number is blank (symbol KH-KSBT).');
    expect(plan.warnings.join('\n')).toMatch(/issue date is incomplete \(day blank, month 7, year 2025\)/);
  });

  it('reads the header organisations and the title', () => {
    expect(plan.issuer).toBe('TRUNG TÂM KIỂM SOÁT BỆNH TẬT');
    expect(plan.parentIssuer).toBe('SỞ Y TẾ LAI CHÂU');
    expect(plan.title).toBe(
      'Triển khai, thực hiện Phong trào “Thi đua đổi mới sáng tạo và chuyển đổi số của Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu” Giai đoạn năm 2025-2030',
    );
  });

  it('reads the parent plan as a legal basis (it is cited with "Căn cứ") and says so', () => {
    expect(plan.implements).toEqual([]);
    expect(plan.legalBases).toEqual([{ number: '148/KH-SYT', issuedOn: '2025-07-01' }]);
    expect(plan.warnings.join('\n')).toMatch(/148\/KH-SYT, possibly the parent plan/);
  });

  it('reads phases, reviews, award forms and deadlines', () => {
    expect(plan.phases).toEqual([
      { fromYear: 2025, toYear: 2027 },
      { fromYear: 2027, toYear: 2030 },
    ]);
    expect(plan.reviews).toEqual([
      { type: 'interim', year: 2027 },
      { type: 'final', year: 2030 },
    ]);
    // "Khen thưởng cấp Nhà nước: theo Hướng dẫn …" names no form; "Cờ thi đua, Bằng khen, Giấy khen"
    // in section 2.1 of "Tổ chức thực hiện" are not offers.
    expect(plan.awardForms).toEqual(['CO_THI_DUA_TINH', 'GIAY_KHEN', 'BANG_KHEN_TINH']);
    expect(plan.reportDeadlines).toEqual([{ day: 15, month: 11, recurrence: 'yearly' }]);
  });

  it('reads signer, recipients, content areas and responsibilities', () => {
    expect(plan.signer).toEqual({ title: 'GIÁM ĐỐC', name: 'Trần Đỗ Kiên' });
    expect(plan.recipients).toEqual([
      'Sở Y tế (để b/c)',
      'Ban GĐ CDC (để chỉ đạo)',
      'Các khoa phòng trực thuộc (Th/h)',
      'Lưu: VT, TCHC',
    ]);
    expect(plan.contentAreas).toEqual([
      'Thi đua nâng cao nhận thức, tạo đột phá trong đổi mới tư duy và chuyển đổi số',
      expect.stringMatching(/^Thi đua phát triển hạ tầng phục vụ phát triển khoa học/),
      'Thi đua đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ và đổi mới sáng tạo trong hoạt động của đơn vị',
      'Thi đua phát triển xã hội số',
      'Thi đua bảo đảm quốc phòng và an ninh, an toàn, an ninh mạng, chủ quyền quốc gia trên nền tảng số và không gian mạng',
    ]);
    expect(plan.responsibilities.map((r) => [r.unit, r.deadlines])).toEqual([
      ['Phòng Tổ chức hành chính', [{ day: 15, month: 11, recurrence: 'yearly' }]],
      ['Các khoa phòng trực thuộc', [{ day: 15, month: 11, recurrence: 'yearly' }]],
    ]);
  });
});

describe('kh-118-bvt-quang-ngai-2025.txt (our own clean plan)', () => {
  const plan = parsePlanText(fixture('kh-118-bvt-quang-ngai-2025.txt'));

  it('extracts every required field exactly', () => {
    const { contentAreas, responsibilities, warnings, ...required } = plan;
    expect(required).toEqual(KH_118_FACTS);
    expect(warnings).toEqual([]);
  });

  it('has exactly the required keys plus the documented extras', () => {
    expect(Object.keys(plan).sort()).toEqual(
      [
        'documentNumber',
        'issuer',
        'parentIssuer',
        'place',
        'issuedOn',
        'title',
        'implements',
        'legalBases',
        'phases',
        'reviews',
        'awardForms',
        'reportDeadlines',
        'signer',
        'recipients',
        'contentAreas',
        'responsibilities',
        'warnings',
      ].sort(),
    );
  });

  it('reads content areas and responsibilities with their deadlines', () => {
    expect(plan.contentAreas).toEqual([
      'Thi đua hoàn thiện hạ tầng số, triển khai bệnh án điện tử tại 100% khoa lâm sàng',
      'Thi đua thanh toán viện phí không dùng tiền mặt đạt trên 90% giao dịch',
      'Thi đua nâng cao kỹ năng số cho viên chức qua phong trào “Bình dân học vụ số”',
    ]);
    expect(plan.responsibilities.map((r) => [r.unit, r.deadlines.length])).toEqual([
      ['Phòng Tổ chức - Hành chính', 2],
      ['Phòng Tài chính - Kế toán', 0],
      ['Các khoa, phòng', 1],
    ]);
  });
});
