import ExcelJS from 'exceljs';
import { STAFF_COLUMNS } from '../../../domain/staff/import';
import { readFirstSheet } from './staff.xlsx';

// exceljs' streaming reader decodes each inflated chunk of the XML on its own; a multi-byte UTF-8
// character cut by a chunk boundary came out as U+FFFD ("Huy��n"). Thousands of rows of
// Vietnamese text make sure many boundaries fall inside characters.
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lường',
  'Quàng',
];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Thúy', 'Diệu', 'Hữu', 'Xuân', 'Phương', 'Hồng'];
const GIVEN = [
  'Huyền',
  'Hằng',
  'Thủy',
  'Cường',
  'Dũng',
  'Phượng',
  'Nguyệt',
  'Tuyết',
  'Khuyên',
  'Đạt',
  'Thắng',
  'Uyên',
  'Yến',
];

async function workbook(
  rows: number,
  sharedStrings: boolean,
): Promise<{ buffer: Buffer; names: string[]; titles: string[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân sự');
  ws.addRow(STAFF_COLUMNS.map((c) => c.header));
  const names: string[] = [];
  const titles: string[] = [];
  for (let i = 0; i < rows; i++) {
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 13) % GIVEN.length]} ${GIVEN[(i * 3) % GIVEN.length]}`;
    const title = `Điều dưỡng hạng ${['II', 'III', 'IV'][i % 3]} – khoa Hồi sức tích cực ${i}`;
    names.push(name);
    titles.push(title);
    ws.addRow([
      `NV${i}`,
      name,
      null,
      'Nữ',
      'Điều dưỡng',
      title,
      'Viên chức',
      null,
      'KHOA-A',
      null,
      null,
      null,
    ]);
  }
  const buffer = Buffer.from(
    await wb.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as ExcelJS.XlsxWriteOptions),
  );
  return { buffer, names, titles };
}

describe('readFirstSheet', () => {
  for (const sharedStrings of [true, false]) {
    it(`keeps every Vietnamese character intact across stream chunk boundaries (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
      const { buffer, names, titles } = await workbook(6000, sharedStrings);
      const read: string[] = [];
      const readTitles: string[] = [];
      for await (const { rowNumber, cells } of readFirstSheet(buffer)) {
        if (rowNumber === 1) continue;
        read.push(String(cells[1]));
        readTitles.push(String(cells[5]));
      }
      expect(read.filter((n) => n.includes('\uFFFD'))).toEqual([]);
      expect(read).toEqual(names);
      expect(readTitles).toEqual(titles);
    });
  }
});
