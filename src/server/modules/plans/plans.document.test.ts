import { describe, expect, it } from 'vitest';
import { emptyPlanContent } from '../../../domain/plans/model';
import { buildPlanDocument, documentKindWord, planSignature } from './plans.document';

describe('plan document', () => {
  it('names cited documents by the kind in their symbol', () => {
    expect(documentKindWord('71/NQ-CP')).toBe('Nghị quyết');
    expect(documentKindWord('57-NQ/TW')).toBe('Nghị quyết');
    expect(documentKindWord('152/2025/NĐ-CP')).toBe('Nghị định');
    expect(documentKindWord('923/QĐ-TTg')).toBe('Quyết định');
    expect(documentKindWord('234/KH-SYT')).toBe('Kế hoạch');
    expect(documentKindWord('3751/HD-BNV')).toBe('Hướng dẫn');
    expect(documentKindWord('123/SYT-NVY')).toBe('văn bản');
    expect(documentKindWord(null)).toBe('văn bản');
  });

  it('reads the signer lines of the plans into the NĐ 30 signature', () => {
    expect(planSignature('KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', 'A')).toEqual({
      mode: 'KT.',
      onBehalfOf: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'A',
    });
    expect(planSignature('KT. GIÁM ĐỐC', 'A')).toEqual({
      mode: 'KT.',
      onBehalfOf: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'A',
    });
    expect(planSignature('Q. GIÁM ĐỐC', 'A')).toEqual({ mode: 'Q.', title: 'GIÁM ĐỐC', name: 'A' });
    expect(planSignature('GIÁM ĐỐC', 'A')).toEqual({ title: 'GIÁM ĐỐC', name: 'A' });
  });

  it('puts legal bases before "Thực hiện", numbers sections only when they have content', () => {
    const doc = buildPlanDocument({
      content: {
        ...emptyPlanContent(),
        title: 'Triển khai phong trào',
        place: 'Điện Biên',
        issuedOn: '2025-08-08',
        purposes: 'Mục đích.',
        awardForms: ['GIAY_KHEN'],
        references: [
          {
            kind: 'implements',
            number: '2185/KH-UBND',
            issuedOn: '2025-05-20',
            issuer: 'UBND tỉnh Điện Biên',
            title: null,
            referencedPlanId: null,
          },
          {
            kind: 'legal_basis',
            number: '71/NQ-CP',
            issuedOn: '2025-04-01',
            issuer: null,
            title: null,
            referencedPlanId: null,
          },
        ],
      },
      documentNumber: '234/KH-SYT',
      symbol: 'KH-SYT',
      draft: false,
      orgHeaderName: 'Sở Y tế tỉnh Điện Biên',
      orgParentHeaderName: 'UBND TỈNH ĐIỆN BIÊN',
      today: '2026-01-01',
    });
    expect(doc.preamble).toEqual([
      'Căn cứ Nghị quyết số 71/NQ-CP ngày 01/04/2025;',
      'Thực hiện Kế hoạch số 2185/KH-UBND ngày 20/05/2025 của UBND tỉnh Điện Biên,',
    ]);
    const headings = doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'Mục đích',
      'TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG',
      'Hình thức khen thưởng',
    ]);
    expect(doc.issuer).toEqual({ parentName: 'UBND TỈNH ĐIỆN BIÊN', name: 'SỞ Y TẾ TỈNH ĐIỆN BIÊN' });
    expect(doc.recipients).toEqual(['Lưu: VT']);
    expect(doc.signature).toEqual({ title: 'GIÁM ĐỐC', name: '……………' });
  });
});
