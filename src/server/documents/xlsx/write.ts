/**
 * One-table XLSX export with the exceljs streaming writer: optional title row, bold frozen header
 * row with an autofilter, Vietnamese date format, money "#,##0". Text is always written as a
 * string cell, so text that looks like a formula ("=HYPERLINK(…)") is never stored as a formula.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { NUM_FMT, parseDateText, type XlsxFormat } from './cells';

export type { XlsxFormat } from './cells';

export interface XlsxColumn {
  header: string;
  key: string;
  /** Column width in characters. */
  width: number;
  format: XlsxFormat;
}

export interface WriteTableOptions {
  sheetName: string;
  /** Bold title merged across the columns above the header row. */
  title?: string;
  columns: XlsxColumn[];
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return (cleaned || 'Sheet1').slice(0, 31);
}

type CellOut = string | number | Date | null;

/** Converts one value for a column; throws a TypeError naming the column on a wrong type. */
export function toCell(value: unknown, column: XlsxColumn): CellOut {
  if (value === null || value === undefined || value === '') return null;
  const fail = (): never => {
    throw new TypeError(`Column "${column.key}" (${column.format}) cannot hold ${JSON.stringify(value)}`);
  };
  switch (column.format) {
    case 'text':
      // exceljs writes a JS string as a string cell (t="inlineStr"), never as a formula, so text
      // starting with = + - @ (or tab/CR) stays inert text; the value itself is not altered
      return (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).normalize('NFC');
    case 'integer':
    case 'money':
    case 'percent': {
      const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) fail();
      if (column.format === 'integer' && !Number.isInteger(n)) fail();
      return n;
    }
    case 'date': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail() : value;
      if (typeof value === 'string') return parseDateText(value) ?? fail();
      return fail();
    }
  }
}

/** Writes the rows as a one-sheet workbook and returns the .xlsx bytes. */
export async function writeTableXlsx(options: WriteTableOptions): Promise<Buffer> {
  const { columns } = options;
  if (columns.length === 0) throw new TypeError('writeTableXlsx needs at least one column');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'thidua';
  const headerRow = options.title ? 2 : 1;
  const ws = wb.addWorksheet(safeSheetName(options.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { numFmt: NUM_FMT[c.format] } }));

  if (options.title) {
    const row = ws.addRow([options.title.normalize('NFC')]);
    row.font = { bold: true, size: 14 };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = 24;
    ws.mergeCells(1, 1, 1, columns.length);
    row.commit();
  }

  const thin = { style: 'thin' as const };
  const header = ws.addRow(columns.map((c) => c.header.normalize('NFC')));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    cell.numFmt = '@';
  });
  header.commit();

  let count = 0;
  for await (const record of options.rows) {
    const row = ws.addRow(columns.map((c) => toCell(record[c.key], c)));
    columns.forEach((c, i) => {
      row.getCell(i + 1).numFmt = NUM_FMT[c.format];
    });
    row.commit();
    count += 1;
  }

  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(count, 0), column: columns.length },
  };
  ws.commit();
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
