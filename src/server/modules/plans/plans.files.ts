import yauzl from 'yauzl';
import { documentXmlToText } from '../../../domain/plans/parse/index';
import { inspectZip } from '../../platform/files/zip';
import { AppError } from '../../platform/http/errors';

const NOT_DOCX = 'Tệp .docx không đúng định dạng (không đọc được nội dung văn bản).';

/** Decodes a text file: UTF-16 LE/BE when it starts with a BOM, UTF-8 otherwise (as the plan:parse CLI). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function readZipEntry(zipBytes: Buffer, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(new AppError('UNSUPPORTED_MEDIA_TYPE', null, NOT_DOCX));
      let found = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        found = true;
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(new AppError('UNPROCESSABLE', null, NOT_DOCX));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => reject(new AppError('UNPROCESSABLE', null, NOT_DOCX)));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => {
        if (!found) reject(new AppError('UNPROCESSABLE', null, NOT_DOCX));
      });
      zip.on('error', () => reject(new AppError('UNPROCESSABLE', null, NOT_DOCX)));
      zip.readEntry();
    });
  });
}

/** The text of an uploaded plan: a .txt (UTF-8/UTF-16) or a .docx (word/document.xml, one line per paragraph). */
export async function extractPlanText(fileName: string, bytes: Buffer): Promise<string> {
  if (/\.docx$/i.test(fileName)) {
    await inspectZip(bytes, { maxEntries: 500, maxUncompressedBytes: 50 * 1024 * 1024 }, NOT_DOCX);
    return documentXmlToText(await readZipEntry(bytes, 'word/document.xml'));
  }
  if (/\.txt$/i.test(fileName)) {
    const text = decodeText(bytes);
    if (text.includes('\u0000'))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', null, 'Tệp .txt không phải văn bản.');
    return text;
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', null, 'Chỉ nhận tệp văn bản .txt hoặc .docx.');
}
