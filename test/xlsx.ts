import ExcelJS from 'exceljs';
import { STAFF_COLUMNS } from '../src/domain/staff/import';

/** Builds a staff XLSX like a user would, from rows keyed by the Vietnamese headers. */
export async function staffXlsx(rows: Record<string, string | number | Date | null>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân sự');
  ws.addRow(STAFF_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(STAFF_COLUMNS.map((c) => r[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** multipart/form-data body with one file field, for app.inject. */
export function multipart(fileName: string, bytes: Buffer, field = 'file') {
  const boundary = `----thidua${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
