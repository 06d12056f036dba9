import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type RawCell, STAFF_COLUMNS } from '../../../domain/staff/import';
import { Utf8WorkbookReader } from '../../documents/xlsx/utf8-reader';
import { inspectZip } from '../../platform/files/zip';
import { AppError } from '../../platform/http/errors';

const NOT_XLSX = 'Tệp không phải là tệp Excel (.xlsx) hợp lệ.';

function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as RawCell;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plainCell(v.result);
  if (v.text !== undefined) return plainCell(v.text);
  return null;
}

/** Streams the rows of the first worksheet: header row first, then data rows with their numbers. */
export async function* readFirstSheet(
  buffer: Buffer,
): AsyncGenerator<{ rowNumber: number; cells: RawCell[] }> {
  await inspectZip(buffer, { maxEntries: 2000, maxUncompressedBytes: 300 * 1024 * 1024 }, NOT_XLSX);
  const reader = new Utf8WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        // exceljs row.values is 1-based
        yield { rowNumber: row.number, cells: values.slice(1).map(plainCell) };
      }
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', null, NOT_XLSX);
  }
}

export interface XlsxColumn {
  header: string;
  key: string;
  width: number;
  date?: boolean;
}

/** Writes one sheet with a bold, frozen header row and an autofilter. */
export async function writeSheet(
  sheetName: string,
  columns: XlsxColumn[],
  rows: Iterable<Record<string, unknown>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.date ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c.key];
      out[c.key] = c.date && typeof v === 'string' && v ? new Date(`${v}T00:00:00Z`) : (v ?? null);
    }
    ws.addRow(out);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const STAFF_XLSX_COLUMNS: XlsxColumn[] = STAFF_COLUMNS.map((c) => ({
  header: c.header,
  key: c.key,
  width: c.width,
  date: c.key === 'birthDate' || c.key === 'fromDate',
}));
