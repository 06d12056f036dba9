import yauzl from 'yauzl';
import { AppError } from '../http/errors';

/**
 * Inspects a ZIP container (XLSX, DOCX) before anything unpacks it: entry count, total
 * uncompressed size and entry names (no absolute paths, no "..", no symlinks). Rejects zip bombs
 * and zip-slip entries with a 4xx, never a 5xx.
 */
export async function inspectZip(
  buffer: Buffer,
  limits: { maxEntries: number; maxUncompressedBytes: number },
  notZipMessage = 'Tệp không đúng định dạng.',
): Promise<{ entries: string[] }> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', null, notZipMessage);
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
      (err, z) =>
        err || !z ? reject(new AppError('UNSUPPORTED_MEDIA_TYPE', null, notZipMessage)) : resolve(z),
    ),
  );
  return new Promise((resolve, reject) => {
    const entries: string[] = [];
    let total = 0;
    const fail = (message: string) => {
      zip.close();
      reject(new AppError('UNPROCESSABLE', null, message));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry.fileName);
      total += entry.uncompressedSize;
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (entries.length > limits.maxEntries) return fail('Tệp nén có quá nhiều thành phần.');
      if (total > limits.maxUncompressedBytes) return fail('Tệp quá lớn sau khi giải nén.');
      if (mode === 0o120000) return fail('Tệp chứa liên kết tượng trưng không được phép.');
      zip.readEntry();
    });
    zip.on('end', () => resolve({ entries }));
    zip.on('error', () => reject(new AppError('UNSUPPORTED_MEDIA_TYPE', null, notZipMessage)));
    zip.readEntry();
  });
}
