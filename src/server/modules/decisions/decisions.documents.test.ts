import { describe, expect, it } from 'vitest';
import { assertValidDocument } from '../../documents/model';
import {
  awardPhrase,
  buildCertificates,
  buildDecisionDocument,
  type DecisionSnapshot,
  defaultLegalBases,
  defaultSubject,
  issuerHeader,
} from './decisions.documents';

const decision: DecisionSnapshot = {
  documentNumber: '05/QĐ-SYT',
  issuerShort: 'SYT',
  issuerName: 'SỞ Y TẾ',
  issuerParentName: 'UBND TỈNH ĐIỆN BIÊN',
  place: 'Điện Biên',
  decisionDate: '2026-01-20',
  subject: 'Về việc khen thưởng thành tích năm 2025',
  achievementText: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
  achievementYear: 2025,
  legalBases: defaultLegalBases('2026-01-20'),
  recipients: ['Như Điều 3', 'Lưu: VT, TĐKT'],
  authorityTitle: 'GIÁM ĐỐC SỞ Y TẾ',
  signerName: 'Vừ Mí Dũng',
  signerTitle: 'PHÓ GIÁM ĐỐC',
  signatureMode: 'KT.',
  onBehalfOf: null,
  status: 'issued',
  correctsNumber: null,
};

const awardees = [
  {
    subject: 'individual' as const,
    awardCode: 'LDTT',
    name: 'Lò Thị Hằng',
    positionTitle: 'Điều dưỡng',
    unitName: 'Khoa Nội',
    amount: 710_000,
    coefficient: '0.3',
    gender: 'female',
  },
  {
    subject: 'collective' as const,
    awardCode: 'TTLDTT',
    name: 'Khoa Nội',
    positionTitle: null,
    unitName: 'Bệnh viện Đa khoa tỉnh',
    amount: 1_880_000,
    coefficient: '0.8',
  },
];

describe('decision document model', () => {
  it('splits "Sở … tỉnh …" into the issuer and its parent for the NĐ 30 header', () => {
    expect(issuerHeader('Sở Y tế tỉnh Điện Biên', null)).toEqual({
      name: 'SỞ Y TẾ',
      parent: 'UBND TỈNH ĐIỆN BIÊN',
    });
    expect(issuerHeader('Trung tâm Y tế huyện Mường Ảng', 'Sở Y tế tỉnh Điện Biên')).toEqual({
      name: 'TRUNG TÂM Y TẾ HUYỆN MƯỜNG ẢNG',
      parent: 'SỞ Y TẾ TỈNH ĐIỆN BIÊN',
    });
  });

  it('names titles as "danh hiệu “…”" and forms plainly; the subject follows the awards', () => {
    expect(awardPhrase('CSTDCS')).toBe('danh hiệu “Chiến sĩ thi đua cơ sở”');
    expect(awardPhrase('GIAY_KHEN')).toBe('Giấy khen');
    expect(defaultSubject(['LDTT', 'LDTT'], 2025)).toBe(
      'Về việc tặng danh hiệu “Lao động tiên tiến” năm 2025',
    );
    expect(defaultSubject(['LDTT', 'GIAY_KHEN'], 2025)).toBe('Về việc khen thưởng thành tích năm 2025');
  });

  it('cites NĐ 98/2023 before 01/07/2025 and NĐ 152/2025 from that day', () => {
    expect(defaultLegalBases('2025-06-30')[1]).toContain('98/2023/NĐ-CP');
    expect(defaultLegalBases('2025-07-01')[1]).toContain('152/2025/NĐ-CP');
  });

  it('builds a valid document with articles, annex totals and a KT. signature', () => {
    const doc = buildDecisionDocument(decision, awardees);
    expect(() => assertValidDocument(doc)).not.toThrow();
    expect(doc.signature).toEqual({
      mode: 'KT.',
      onBehalfOf: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Vừ Mí Dũng',
    });
    const article1 = doc.body.find((b) => b.kind === 'paragraph' && b.lead === 'Điều 1.');
    expect(article1 && 'text' in article1 && article1.text).toContain(
      'cho 1 tập thể và 1 cá nhân (có danh sách kèm theo)',
    );
    const article2 = doc.body.find((b) => b.kind === 'paragraph' && b.lead === 'Điều 2.');
    expect(article2 && 'text' in article2 && article2.text).toContain(
      '2.590.000 đ (Hai triệu năm trăm chín mươi nghìn đồng)',
    );
    expect(doc.annexes[0]!.table.totals).toEqual(['', 'Tổng cộng', '', '', '', 2_590_000]);
    expect(doc.draft).toBe(false);
    expect(
      buildDecisionDocument({ ...decision, status: 'draft', documentNumber: null }, awardees).documentNumber,
    ).toBe('     /QĐ-SYT');
  });

  it('addresses individuals as Ông/Bà on certificates, collectives by name', () => {
    const certs = buildCertificates(decision, awardees);
    expect(certs.map((c) => c.awardee.name)).toEqual(['Bà Lò Thị Hằng', 'Khoa Nội']);
    expect(certs[0]).toMatchObject({
      lead: 'TẶNG DANH HIỆU',
      form: 'LAO ĐỘNG TIÊN TIẾN',
      decision: { number: '05/QĐ-SYT', date: '2026-01-20' },
    });
    expect(certs[0]!.achievement).toBe('Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025.');
  });
});
