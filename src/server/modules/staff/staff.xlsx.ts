import { Readable, type Stream, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { type RawCell, STAFF_COLUMNS } from '../../../domain/staff/import';
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

/** An XML entry stream of the zip, re-emitted as correctly decoded strings. */
function decodedEntry(entry: Stream): Transform {
  const decoder = new StringDecoder('utf8');
  const out = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      const text = decoder.write(chunk);
      callback(null, text.length > 0 ? text : undefined);
    },
    flush(callback) {
      const text = decoder.end();
      callback(null, text.length > 0 ? text : undefined);
    },
  });
  entry.on('error', (err: Error) => out.destroy(err));
  return entry.pipe(out);
}

async function* decodedChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

type EntryParser = (this: unknown, entry: unknown, ...rest: unknown[]) => unknown;
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, EntryParser>;

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk of an XML entry on its own
 * (utils/parse-sax.js: `TextDecoder.decode(chunk)` without `stream: true`), so a multi-byte UTF-8
 * character straddling a chunk boundary became two U+FFFD: "Huyền" read as "Huy��n", roughly once
 * per 64 KiB of Vietnamese text. Its SAX step passes strings through untouched, so this reader hands
 * it text decoded across chunk boundaries instead of raw bytes. (Every wrapped entry is read to its
 * end with readFirstSheet's options: shared strings and styles 'cache'.)
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
const patched = Utf8WorkbookReader.prototype as unknown as Record<string, EntryParser>;
for (const method of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
  if (typeof base[method] !== 'function') throw new Error(`exceljs WorkbookReader.${method} is missing`);
  patched[method] = function (this: unknown, entry: unknown) {
    return base[method]!.call(this, decodedEntry(entry as Stream));
  };
}
if (typeof base._parseWorksheet !== 'function')
  throw new Error('exceljs WorkbookReader._parseWorksheet is missing');
patched._parseWorksheet = function (this: unknown, iterator: unknown, sheetNo: unknown) {
  return base._parseWorksheet!.call(this, decodedChunks(iterator as AsyncIterable<Buffer | string>), sheetNo);
};

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
