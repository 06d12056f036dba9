/**
 * Reads a plan document (Kế hoạch) and prints what the plan reader extracts, as JSON.
 *
 *   node --import tsx scripts/plan-parse.ts FILE      (or: npm run -s plan:parse -- FILE)
 *
 * FILE is a .txt (UTF-8, or UTF-16 with a BOM — OCR output or a copy/paste) or a .docx (the text of
 * word/document.xml, one line per paragraph). Exit code 2 on usage / read errors.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import yauzl from 'yauzl';
import { documentXmlToText, parsePlanText } from '../src/domain/plans/parse/index';

/** Decodes a text file: UTF-16 LE/BE when it starts with a BOM, UTF-8 otherwise. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** The content of one entry of a zip archive (a .docx is a zip). */
function readZipEntry(zipBytes: Buffer, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip archive'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error(`cannot read ${entryName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} not found in the archive`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function readPlanFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (extname(path).toLowerCase() === '.docx')
    return documentXmlToText(await readZipEntry(bytes, 'word/document.xml'));
  return decodeText(bytes);
}

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '-h' || file === '--help') {
    process.stderr.write('usage: node --import tsx scripts/plan-parse.ts FILE.txt|FILE.docx\n');
    return 2;
  }
  let text: string;
  try {
    text = await readPlanFile(file);
  } catch (e) {
    process.stderr.write(`plan-parse: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(parsePlanText(text), null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
