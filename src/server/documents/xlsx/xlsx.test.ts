import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors';
import { renderOfficialDocx } from '../docx/official';
import { sampleDecision, unzipText } from '../testing';
import { serialToDate } from './cells';
import { headerKey, type ReadColumn, type ReadRow, readTableXlsx } from './read';
import { safeSheetName, toCell, writeTableXlsx, type XlsxColumn } from './write';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const columns: XlsxColumn[] = [
  { header: 'STT', key: 'no', width: 6, format: 'integer' },
  { header: 'Họ và tên', key: 'name', width: 28, format: 'text' },
  { header: 'Ngày sinh', key: 'birthDate', width: 12, format: 'date' },
  { header: 'Tiền thưởng (đồng)', key: 'bonus', width: 16, format: 'money' },
  { header: 'Tỷ lệ', key: 'ratio', width: 10, format: 'percent' },
  { header: 'Ghi chú', key: 'note', width: 30, format: 'text' },
];

const readColumns: ReadColumn[] = [
  { key: 'no', aliases: ['STT', 'TT', 'Số thứ tự'], format: 'integer', required: false },
  { key: 'name', aliases: ['Họ và tên', 'Họ tên'] },
  { key: 'birthDate', aliases: ['Ngày sinh', 'Ngày tháng năm sinh'], format: 'date' },
  {
    key: 'bonus',
    aliases: ['Tiền thưởng (đồng)', 'Số tiền thưởng', 'Tiền thưởng'],
    format: 'money',
    required: false,
  },
  { key: 'ratio', aliases: ['Tỷ lệ', 'Tỉ lệ'], format: 'percent', required: false },
  { key: 'note', aliases: ['Ghi chú'], required: false },
];

const INJECTIONS = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '+1+2', '-3+4', '@SUM(A1:A2)', '=1+1'];

async function collect(it: AsyncIterable<ReadRow>): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  for await (const r of it) out.push(r);
  return out;
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an error');
}

describe('writeTableXlsx → readTableXlsx round trip', () => {
  const rows = [
    {
      no: 1,
      name: 'Nguyễn Thị Hằng'.normalize('NFD'),
      birthDate: '1985-02-05',
      bonus: 702_000,
      ratio: 0.855,
      note: 'Đạt',
    },
    {
      no: 2,
      name: 'Lò Văn Thẳng',
      birthDate: new Date(Date.UTC(1979, 11, 31)),
      bonus: 1_053_000,
      ratio: 1,
      note: null,
    },
    ...INJECTIONS.map((note, i) => ({
      no: 3 + i,
      name: `Đỗ Quỳnh Vỹ ${i}`,
      birthDate: '2000-01-09',
      bonus: 0,
      ratio: 0,
      note,
    })),
  ];
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await writeTableXlsx({
      sheetName: 'Danh sách: khen/thưởng',
      title: 'DANH SÁCH KHEN THƯỞNG NĂM 2025',
      columns,
      rows,
    });
  });

  it('reads back the same values: NFC text, ISO dates, money, percent', async () => {
    const read = await collect(readTableXlsx(bytes, { columns: readColumns }));
    expect(read).toHaveLength(rows.length);
    expect(read[0]).toEqual({
      rowNumber: 3,
      values: {
        no: 1,
        name: 'Nguyễn Thị Hằng',
        birthDate: '1985-02-05',
        bonus: 702_000,
        ratio: 0.855,
        note: 'Đạt',
      },
      errors: [],
    });
    expect(read[0].values.name).toBe('Nguyễn Thị Hằng'.normalize('NFC'));
    expect(read[1].values).toMatchObject({
      name: 'Lò Văn Thẳng',
      birthDate: '1979-12-31',
      bonus: 1_053_000,
      note: null,
    });
  });

  it('keeps Vietnamese text intact across the reader\'s 64 KiB chunk boundaries', async () => {
    // thousands of distinct multi-byte strings: shared strings and sheet XML span many inflated
    // chunks, so some character straddles a boundary (exceljs alone turned it into U+FFFD)
    const many = Array.from({ length: 4000 }, (_, i) => ({
      no: i + 1,
      name: `Nguyễn Thị Huyền Trâm Đặng Ưng Ỷ ${i}`,
      birthDate: '1990-01-01',
      bonus: 0,
      ratio: 0,
      note: `Khoa Hồi sức tích cực – chống độc, trạm y tế xã Mường Phăng ${i}`,
    }));
    const big = await writeTableXlsx({ sheetName: 'Lớn', columns, rows: many });
    const read = await collect(readTableXlsx(big, { columns: readColumns }));
    expect(read).toHaveLength(many.length);
    const broken = read.filter((r) => `${r.values.name}${r.values.note}`.includes('\uFFFD'));
    expect(broken).toEqual([]);
    expect(read.map((r) => r.values.name)).toEqual(many.map((r) => r.name));
  });

  it('keeps formula-looking text as text, unchanged', async () => {
    const read = await collect(readTableXlsx(bytes, { columns: readColumns }));
    expect(read.slice(2).map((r) => r.values.note)).toEqual(INJECTIONS);
    const sheet = (await unzipText(bytes)).get('xl/worksheets/sheet1.xml')!;
    // a plain string cell (t="str" with a <v>, no <f> formula element)
    expect(sheet).not.toMatch(/<f>|<f /);
    expect(sheet).toMatch(/<c r="F5" s="\d+" t="str"><v>=HYPERLINK/);
    expect(sheet).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bấm vào đây&quot;)');
  });

  it('writes a title, a bold frozen header row with an autofilter and Vietnamese formats', async () => {
    const files = await unzipText(bytes);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(sheet).toContain(`<autoFilter ref="A2:F${2 + rows.length}"`);
    expect(sheet).toContain('<mergeCell ref="A1:F1"/>');
    const styles = files.get('xl/styles.xml')!;
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
    expect(styles).toMatch(/<xf numFmtId="3" /); // built-in #,##0
    expect(styles).toMatch(/<font><b\/>/);
    expect(files.get('xl/workbook.xml')).toContain('name="Danh sách khen thưởng"');
    // the in-memory reader sees the same thing as Excel would
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('C3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(1985, 1, 5)));
    expect(ws.getCell('D3').numFmt).toBe('#,##0');
    expect(ws.getCell('F5').value).toBe(INJECTIONS[0]);
    expect(ws.getCell('F5').type).toBe(ExcelJS.ValueType.String);
  });

  it('accepts a stream as input', async () => {
    const read = await collect(readTableXlsx(Readable.from([bytes]), { columns: readColumns }));
    expect(read).toHaveLength(rows.length);
  });

  it('refuses a value of the wrong type for a column', async () => {
    expect(() => toCell('abc', columns[3])).toThrow(/bonus/);
    expect(() => toCell(1.5, columns[0])).toThrow(TypeError);
    expect(() => toCell('31/02/2020', columns[2])).toThrow(TypeError);
    expect(toCell('05/02/1985', columns[2])).toEqual(new Date(Date.UTC(1985, 1, 5)));
    expect(safeSheetName('Báo cáo [2025]: tổng hợp khen thưởng theo đơn vị')).toHaveLength(31);
  });
});

describe('readTableXlsx on files made elsewhere', () => {
  /** A workbook as a user would make it in Excel: titles, odd headers, mixed date and number cells. */
  async function userWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['SỞ Y TẾ ĐIỆN BIÊN']);
    ws.addRow(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG']);
    ws.addRow([]);
    ws.addRow(['TT', 'HỌ VÀ TÊN (*)', 'ngay thang nam sinh', 'Số tiền thưởng', 'Tỉ lệ', 'Cột lạ']);
    ws.addRow([1, 'Trần Thị Ngữ', '05/02/1985', '1.234.000 đ', '85,5%', 'x']);
    ws.addRow([
      2,
      { richText: [{ text: 'Vũ Mạnh ' }, { text: 'Phượng', font: { bold: true } }] },
      new Date(Date.UTC(1990, 0, 9)),
      702000,
      0.5,
    ]);
    ws.addRow([]);
    const r = ws.addRow([3, 'Đặng Đức Ẩn', 32_874, '702,000', null]);
    r.getCell(3).numFmt = '0'; // a serial number without a date format
    ws.addRow(['4', '  Bùi   Ngọc Dũng ', '31/02/2020', 'nhiều', '12']);
    ws.addRow([{ formula: '4+1', result: 5 }, 'Lê Hữu Hiếu', '2001-12-01', null, null]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('finds the header under the titles and matches headers without diacritics or case', async () => {
    const read = await collect(readTableXlsx(await userWorkbook(), { columns: readColumns }));
    expect(read.map((r) => r.rowNumber)).toEqual([5, 6, 8, 9, 10]);
    expect(read[0].values).toEqual({
      no: 1,
      name: 'Trần Thị Ngữ',
      birthDate: '1985-02-05',
      bonus: 1_234_000,
      ratio: 0.855,
      note: null,
    });
    expect(read[1].values).toMatchObject({
      name: 'Vũ Mạnh Phượng',
      birthDate: '1990-01-09',
      bonus: 702_000,
      ratio: 0.5,
    });
    expect(read[2].values).toMatchObject({ birthDate: '1990-01-01', bonus: 702_000 }); // serial 32874
    expect(read[4].values).toMatchObject({ no: 5, name: 'Lê Hữu Hiếu', birthDate: '2001-12-01' });
  });

  it('reports bad cells with the header as written, keeping the row', async () => {
    const read = await collect(readTableXlsx(await userWorkbook(), { columns: readColumns }));
    const bad = read[3];
    expect(bad.values).toMatchObject({
      no: 4,
      name: 'Bùi   Ngọc Dũng',
      birthDate: null,
      bonus: null,
      ratio: 12,
    });
    expect(bad.errors).toEqual([
      {
        key: 'birthDate',
        header: 'ngay thang nam sinh',
        message: 'Giá trị “31/02/2020” không hợp lệ (cần ngày dạng dd/mm/yyyy).',
      },
      { key: 'bonus', header: 'Số tiền thưởng', message: 'Giá trị “nhiều” không hợp lệ (cần số tiền).' },
    ]);
  });

  it('names the missing required columns', async () => {
    const err = await caught(
      collect(
        readTableXlsx(await userWorkbook(), {
          columns: [...readColumns, { key: 'unit', aliases: ['Đơn vị công tác'] }],
        }),
      ),
    );
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toBe(
      'Không tìm thấy dòng tiêu đề có đủ các cột: Họ và tên, Ngày sinh, Đơn vị công tác.',
    );
  });

  it('folds header spellings', () => {
    expect(headerKey('HỌ VÀ TÊN (*)')).toBe(headerKey('Họ và tên'));
    expect(headerKey('Tiền thưởng (đồng)')).toBe('tien thuong dong');
  });

  it('converts Excel serials around the 1900 leap-year bug', () => {
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(serialToDate(46058).toISOString().slice(0, 10)).toBe('2026-02-05');
  });
});

describe('readTableXlsx on wrong files', () => {
  const NOT_XLSX = 'Tệp không phải là tệp Excel (.xlsx) hợp lệ.';

  it('rejects text, a DOCX, a truncated workbook and a text stream with a Vietnamese message', async () => {
    const good = await writeTableXlsx({
      sheetName: 'A',
      columns,
      rows: [{ no: 1, name: 'A', birthDate: '2000-01-01' }],
    });
    const docx = await renderOfficialDocx(sampleDecision(1));
    for (const input of [
      Buffer.from('Họ và tên;Ngày sinh\nA;01/01/2000'),
      docx,
      good.subarray(0, good.length - 200),
      Buffer.alloc(0),
    ]) {
      const err = await caught(collect(readTableXlsx(input, { columns: readColumns })));
      expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(err.message).toBe(NOT_XLSX);
    }
    const err = await caught(
      collect(readTableXlsx(Readable.from([Buffer.from('not a zip at all')]), { columns: readColumns })),
    );
    expect(err.message).toBe(NOT_XLSX);
  });

  it('explains that an old .xls must be saved as .xlsx', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const err = await caught(collect(readTableXlsx(ole, { columns: readColumns })));
    expect(err.message).toMatch(/Excel 97-2003 \(\.xls\).*\.xlsx/);
  });
});
