/**
 * Streaming one-table XLSX import (exceljs WorkbookReader): finds the header row by tolerant,
 * diacritic-insensitive header matching, then yields each non-empty row with typed values and
 * per-cell Vietnamese error messages. Wrong files give a Vietnamese AppError.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { foldVi } from '../../../domain/text/vietnamese';
import { inspectZip } from '../../platform/files/zip';
import { AppError } from '../../platform/http/errors';
import {
  isoDate,
  NOT_XLSX_MESSAGE,
  OLD_XLS_MESSAGE,
  parseDateText,
  serialToDate,
  type XlsxFormat,
} from './cells';
import { Utf8WorkbookReader } from './utf8-reader';

export interface ReadColumn {
  key: string;
  /** Accepted header spellings; matched after folding diacritics, case and punctuation. */
  aliases: string[];
  /** How to read the cells; default 'text'. */
  format?: XlsxFormat;
  /** The header row must have this column. Default true. */
  required?: boolean;
}

export interface ReadTableOptions {
  columns: ReadColumn[];
  /** How many rows from the top may hold titles before the header row. Default 10. */
  headerSearchRows?: number;
}

export type ReadValue = string | number | null;

export interface ReadCellError {
  key: string;
  /** The header as written in the file. */
  header: string;
  message: string;
}

export interface ReadRow {
  /** 1-based row number in the sheet, for messages ("Dòng 12"). */
  rowNumber: number;
  /** Values by column key; dates as 'YYYY-MM-DD', numbers as numbers, text NFC-trimmed; null when empty or invalid. */
  values: Record<string, ReadValue>;
  errors: ReadCellError[];
}

/** Header text for matching: folded, punctuation and "(*)" marks dropped. */
export function headerKey(text: string): string {
  return foldVi(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Flattens an exceljs cell value (rich text, formula result, hyperlink, error) to a primitive. */
function plain(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as string | number | boolean;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plain(v.result);
  if ('text' in v) return plain(v.text);
  return null; // #N/A and other error values
}

const GROUPED_INT = /^-?\d{1,3}([.,\s]\d{3})+$/;

function parseNumberText(text: string, format: XlsxFormat): number | null {
  let t = text.replace(/\s*(₫|đồng|vnđ|vnd|đ)$/i, '').trim();
  let scale = 1;
  if (format === 'percent' && t.endsWith('%')) {
    t = t.slice(0, -1).trim();
    scale = 0.01;
  }
  if (GROUPED_INT.test(t))
    t = t.replace(/[.,\s]/g, ''); // "1.234.567" (vi) or "1,234,567" (en)
  else t = t.replace(',', '.'); // decimal comma
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t) * scale;
}

const FORMAT_HINT: Record<XlsxFormat, string> = {
  text: 'văn bản',
  integer: 'số nguyên',
  money: 'số tiền',
  date: 'ngày dạng dd/mm/yyyy',
  percent: 'tỷ lệ phần trăm',
};

/** Converts one cell; returns [value, error message]. */
function convert(raw: ReturnType<typeof plain>, format: XlsxFormat): [ReadValue, string | null] {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return [null, null];
  const bad = (): [ReadValue, string] => [
    null,
    `Giá trị “${String(raw)}” không hợp lệ (cần ${FORMAT_HINT[format]}).`,
  ];
  switch (format) {
    case 'text':
      if (raw instanceof Date) return [isoDate(raw), null];
      return [String(raw).normalize('NFC').trim(), null];
    case 'date':
      if (raw instanceof Date) return [isoDate(raw), null];
      if (typeof raw === 'number')
        return raw > 0 && raw < 2_958_466 ? [isoDate(serialToDate(raw)), null] : bad();
      if (typeof raw === 'string') {
        const d = parseDateText(raw);
        return d ? [isoDate(d), null] : bad();
      }
      return bad();
    case 'integer':
    case 'money':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw, format) : null;
      if (n === null || !Number.isFinite(n)) return bad();
      if (format === 'integer' && !Number.isInteger(n)) return bad();
      return [n, null];
    }
  }
}

const notXlsx = () => new AppError('UNSUPPORTED_MEDIA_TYPE', null, NOT_XLSX_MESSAGE);

function toStream(input: Buffer | Readable): Readable {
  return Buffer.isBuffer(input) ? Readable.from([input]) : input;
}

/** Checks a buffer's signature before exceljs sees it: old .xls, not a zip, zip bombs. */
async function precheck(buffer: Buffer): Promise<void> {
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', null, OLD_XLS_MESSAGE);
  }
  const { entries } = await inspectZip(
    buffer,
    { maxEntries: 5000, maxUncompressedBytes: 500 * 1024 * 1024 },
    NOT_XLSX_MESSAGE,
  );
  if (!entries.includes('xl/workbook.xml')) throw notXlsx();
}

/**
 * Reads the first worksheet. The header row is the first of the top `headerSearchRows` rows that
 * has every required column; rows above it (titles) are skipped, fully empty rows too.
 */
export async function* readTableXlsx(
  input: Buffer | Readable,
  options: ReadTableOptions,
): AsyncGenerator<ReadRow> {
  if (Buffer.isBuffer(input)) await precheck(input);
  const searchRows = options.headerSearchRows ?? 10;
  const wanted = options.columns.map((c) => ({
    ...c,
    format: c.format ?? 'text',
    required: c.required ?? true,
    keys: new Set([c.key, ...c.aliases].map(headerKey)),
  }));

  const stream = toStream(input);
  const reader = new Utf8WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });

  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      let positions: Map<string, { index: number; header: string }> | null = null;
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).map(plain); // 1-based; index 0 unused
        if (!positions) {
          if (row.number > searchRows) break;
          const found = new Map<string, { index: number; header: string }>();
          cells.forEach((cell, index) => {
            if (typeof cell !== 'string' || index === 0) return;
            const key = headerKey(cell);
            const column = wanted.find((w) => w.keys.has(key));
            if (column && !found.has(column.key)) found.set(column.key, { index, header: cell.trim() });
          });
          if (found.size > 0 && wanted.every((w) => !w.required || found.has(w.key))) positions = found;
          continue;
        }
        const values: Record<string, ReadValue> = {};
        const errors: ReadCellError[] = [];
        let empty = true;
        for (const w of wanted) {
          const pos = positions.get(w.key);
          if (!pos) {
            values[w.key] = null;
            continue;
          }
          const [value, error] = convert(cells[pos.index] ?? null, w.format);
          values[w.key] = value;
          if (value !== null || error) empty = false;
          if (error) errors.push({ key: w.key, header: pos.header, message: error });
        }
        if (!empty) yield { rowNumber: row.number, values, errors };
      }
      if (!positions) {
        const names = wanted.filter((w) => w.required).map((w) => w.aliases[0] ?? w.key);
        throw new AppError(
          'UNPROCESSABLE',
          { requiredColumns: names },
          `Không tìm thấy dòng tiêu đề có đủ các cột: ${names.join(', ')}.`,
        );
      }
      return; // first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  } finally {
    // only the first sheet is read; release the rest of the input
    stream.destroy();
  }
  if (!sawSheet) throw notXlsx();
}
