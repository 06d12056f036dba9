/**
 * A workbook of several one-table sheets (register export, statistics by year / form / unit),
 * with the same cell rules as documents/xlsx/write.ts (title row, bold header, number formats,
 * text never stored as a formula).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { NUM_FMT } from '../../documents/xlsx/cells';
import { safeSheetName, toCell, type XlsxColumn } from '../../documents/xlsx/write';

export interface SheetSpec {
  sheetName: string;
  title?: string;
  columns: XlsxColumn[];
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
}

export async function writeSheetsXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'thidua';
  const thin = { style: 'thin' as const };
  for (const sheet of sheets) {
    const { columns } = sheet;
    const headerRow = sheet.title ? 2 : 1;
    const ws = wb.addWorksheet(safeSheetName(sheet.sheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    });
    ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { numFmt: NUM_FMT[c.format] } }));
    if (sheet.title) {
      const row = ws.addRow([sheet.title.normalize('NFC')]);
      row.font = { bold: true, size: 13 };
      row.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.mergeCells(1, 1, 1, columns.length);
      row.commit();
    }
    const header = ws.addRow(columns.map((c) => c.header.normalize('NFC')));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    });
    header.commit();
    for await (const record of sheet.rows) {
      const row = ws.addRow(columns.map((c) => toCell(record[c.key], c)));
      columns.forEach((c, i) => {
        row.getCell(i + 1).numFmt = NUM_FMT[c.format];
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
