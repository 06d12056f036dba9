import { docxParagraphs, sampleDecision, unzipText } from '../testing';
import { renderOfficialDocx } from './official';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** The XML of the first <w:p> whose text contains `text`. */
function paragraphXml(xml: string, text: string): string {
  const p = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).find((x) => docxParagraphs(x)[0]?.includes(text));
  if (!p) throw new Error(`no paragraph containing ${text}`);
  return p;
}

/** Maps each section's header references (type → header XML) through word/_rels/document.xml.rels. */
function sectionHeaders(files: Map<string, string>): Record<string, string>[] {
  const doc = files.get('word/document.xml')!;
  const rels = files.get('word/_rels/document.xml.rels')!;
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return (doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? []).map((sect) => {
    const out: Record<string, string> = {};
    for (const m of sect.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
      out[m[1]] = files.get(`word/${target(m[2])}`) ?? '';
    }
    return out;
  });
}

const hasPageField = (xml: string) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(xml);

describe('renderOfficialDocx', () => {
  let files: Map<string, string>;
  let doc: string;
  let paras: string[];

  beforeAll(async () => {
    const bytes = await renderOfficialDocx(sampleDecision(12));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    files = await unzipText(bytes);
    doc = files.get('word/document.xml')!;
    paras = docxParagraphs(doc);
  });

  it('prints the ND 30 header: bodies, Quốc hiệu, Tiêu ngữ, number, place and date', () => {
    for (const line of [
      'UBND TỈNH ĐIỆN BIÊN',
      'SỞ Y TẾ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/QĐ-SYT',
      'Điện Biên, ngày 05 tháng 02 năm 2026',
    ]) {
      expect(paras).toContain(line);
    }
    // all of it inside the first (header) table, issuing body before the Quốc hiệu
    const headerTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
    const headerText = docxParagraphs(headerTable);
    expect(headerText.indexOf('SỞ Y TẾ')).toBeLessThan(
      headerText.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
    );
    expect(headerText).toContain('Số: 05/QĐ-SYT');
    expect(headerTable).toContain('<w:gridCol w:w="3600"/><w:gridCol w:w="5755"/>');
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(headerTable)![0];
    expect(borders.match(/w:val="none"/g)).toHaveLength(6);
  });

  it('draws the rule under the Tiêu ngữ as a paragraph border, not an underline', () => {
    const motto = paragraphXml(doc, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto).toContain('<w:b/>');
    expect(motto).not.toContain('<w:u ');
    const after = doc.slice(doc.indexOf(motto) + motto.length);
    const next = /<w:p[ >][\s\S]*?<\/w:p>/.exec(after)![0];
    expect(next).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(docxParagraphs(next)[0]).toBe('');
    // narrow and centred in the 5755-twip column: about the width of the motto (3440 twips)
    const [, left, right] = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(next)!;
    expect(5755 - Number(left) - Number(right)).toBeGreaterThan(3300);
    expect(5755 - Number(left) - Number(right)).toBeLessThan(3600);
  });

  it('sets the place-and-date line in italics and the Quốc hiệu in bold 13 pt', () => {
    expect(paragraphXml(doc, 'Điện Biên, ngày 05 tháng 02 năm 2026')).toContain('<w:i/>');
    expect(paragraphXml(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(
      /<w:b\/>[\s\S]*<w:sz w:val="26"\/>/,
    );
  });

  it('prints kind, subject (two lines), authority and italic preamble in order', () => {
    const i = paras.indexOf('QUYẾT ĐỊNH');
    expect(i).toBeGreaterThan(0);
    expect(paras[i + 1]).toBe(
      'Về việc tặng Giấy khen cho các cá nhân\nđã có thành tích xuất sắc trong phong trào thi đua năm 2025',
    );
    expect(paras.indexOf('GIÁM ĐỐC SỞ Y TẾ')).toBeGreaterThan(i);
    expect(paragraphXml(doc, 'Căn cứ Luật Thi đua')).toContain('<w:i/>');
  });

  it('numbers the body: Roman numerals, then Arabic, then letters, in order', () => {
    const numbered = paras.filter((p) => /^([IVX]+\.|\d+\.|[a-zđ]\)) /.test(p));
    expect(numbered).toEqual([
      'I. MỨC THƯỞNG VÀ NGUỒN KINH PHÍ',
      '1. Mức tiền thưởng',
      'a) Đối với cá nhân thuộc đơn vị sự nghiệp công lập',
      'b) Đối với cá nhân thuộc cơ quan Sở',
      '2. Nguồn kinh phí',
      'II. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(paras).toContain('- Chi từ quỹ thi đua, khen thưởng của đơn vị;');
    expect(paragraphXml(doc, 'Điều 1.')).toMatch(/<w:b\/>[\s\S]*?Điều 1\. <\/w:t>/);
  });

  it('puts Nơi nhận beside the signature block', () => {
    const closing = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes('Nơi nhận:'))!;
    const text = docxParagraphs(closing);
    expect(text).toEqual([
      'Nơi nhận:',
      '- Như Điều 2;',
      '- Ban Thi đua - Khen thưởng tỉnh (b/c);',
      '- Giám đốc, các PGĐ Sở;',
      '- Lưu: VT, TCCB.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lò Văn Thẳng',
    ]);
    const label = paragraphXml(closing, 'Nơi nhận:');
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:i/>');
    expect(label).toContain('<w:sz w:val="24"/>');
    expect(paragraphXml(closing, '- Như Điều 2;')).toContain('<w:sz w:val="22"/>');
    expect(paragraphXml(closing, 'Lò Văn Thẳng')).toMatch(/w:before="1700"[\s\S]*<w:b\/>/);
  });

  it('sets Times New Roman 14 pt once, A4 and the NĐ 30 margins', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files.get('word/styles.xml')!)![0];
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    const first = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect(first).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(first).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('numbers pages in the header except on page 1', () => {
    const sections = sectionHeaders(files);
    expect(sections).toHaveLength(2); // main text + one annex
    const mainSect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect(mainSect).toContain('<w:titlePg/>');
    expect(hasPageField(sections[0].default)).toBe(true);
    expect(sections[0].default).toContain('<w:jc w:val="center"/>');
    expect(sections[0].first).toBeDefined();
    expect(hasPageField(sections[0].first)).toBe(false);
    expect(docxParagraphs(sections[0].first).join('')).toBe('');
    // the annex section continues the numbering and shows it on its first page
    expect(hasPageField(sections[1].default)).toBe(true);
    expect(sections[1].first).toBeUndefined();
  });

  it('puts the annex on a landscape page with a repeating table header', () => {
    const sects = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const title = paras.indexOf('DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN');
    expect(title).toBeGreaterThan(paras.indexOf('Lò Văn Thẳng'));
    expect(paras[title + 1]).toBe('(Kèm theo Quyết định số 05/QĐ-SYT ngày 05/02/2026 của Giám đốc Sở Y tế)');
    const annexTable = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes('Họ và tên'))!;
    expect(annexTable).toContain('<w:tblHeader/>');
    expect(annexTable).toContain('<w:cantSplit/>');
    expect(annexTable).toMatch(/<w:tblBorders><w:top w:val="single"/);
    const cells = docxParagraphs(annexTable);
    expect(cells.slice(0, 5)).toEqual([
      'TT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị công tác',
      'Tiền thưởng (đồng)',
    ]);
    expect(cells).toContain('8.424.000'); // totals: 12 × 702.000
  });
});

describe('renderOfficialDocx variants', () => {
  it('marks a draft "DỰ THẢO" in the first-page header only', async () => {
    const files = await unzipText(await renderOfficialDocx(sampleDecision(2, { draft: true })));
    const [main] = sectionHeaders(files);
    expect(docxParagraphs(main.first)).toEqual(['DỰ THẢO']);
    expect(docxParagraphs(main.default).join('')).not.toContain('DỰ THẢO');
    expect(docxParagraphs(files.get('word/document.xml')!)).not.toContain('DỰ THẢO');
  });

  it('prints a công văn subject as "V/v …" under the number, with no kind title', async () => {
    const cv = sampleDecision(0, {
      kindTitle: '',
      documentNumber: '123/SYT-NVY',
      subject: 'triển khai phong trào thi đua năm 2026',
      authorityLine: undefined,
      preamble: [],
      annexes: [],
      body: [
        {
          kind: 'paragraph',
          text: 'Kính gửi: Thủ trưởng các đơn vị trực thuộc.',
          align: 'center',
          noIndent: true,
        },
      ],
    });
    const paras = docxParagraphs((await unzipText(await renderOfficialDocx(cv))).get('word/document.xml')!);
    expect(paras).toContain('Số: 123/SYT-NVY');
    expect(paras[paras.indexOf('Số: 123/SYT-NVY') + 1]).toBe('V/v triển khai phong trào thi đua năm 2026');
    expect(paras).not.toContain('QUYẾT ĐỊNH');
  });

  it('prints two signatures side by side, then Nơi nhận', async () => {
    const d = sampleDecision(0, {
      annexes: [],
      signature: { mode: 'TM.', onBehalfOf: 'Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Văn Ẩn' },
      secondSignature: { title: 'Thư ký', name: 'Trần Thị Ngữ' },
    });
    const doc = (await unzipText(await renderOfficialDocx(d))).get('word/document.xml')!;
    const closing = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).at(-1)!;
    const rows = closing.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows[0].match(/<w:tc>/g)).toHaveLength(2);
    const [left, right] = rows[0].match(/<w:tc>[\s\S]*?<\/w:tc>/g)!.map(docxParagraphs);
    expect(left).toEqual(['THƯ KÝ', '', 'Trần Thị Ngữ']); // padded so that the names line up
    expect(right).toEqual(['TM. HỘI ĐỒNG', 'CHỦ TỊCH', 'Nguyễn Văn Ẩn']);
    expect(docxParagraphs(rows[1])).toContain('Nơi nhận:');
  });

  it('refuses an invalid document', async () => {
    await expect(renderOfficialDocx(sampleDecision(1, { date: '2026-02-30' }))).rejects.toThrow(/date/);
  });

  it('renders a 500-row annex with every row and rows kept whole', async () => {
    const files = await unzipText(await renderOfficialDocx(sampleDecision(500)));
    const doc = files.get('word/document.xml')!;
    const annexTable = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes('Họ và tên'))!;
    expect(annexTable.match(/<w:tr>/g)).toHaveLength(1 + 500 + 1);
    expect(docxParagraphs(annexTable)).toContain('351.000.000'); // 500 × 702.000
  });
});
