import { type Stream, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

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
 * it text decoded across chunk boundaries instead of raw bytes. Use it with `sharedStrings` and
 * `styles: 'cache'` so every wrapped entry is read to its end.
 */
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
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
