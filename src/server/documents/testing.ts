/**
 * Test support for the document renderers: a realistic decision fixture, DOCX unzipping (yauzl)
 * and the poppler tools (pdftotext, pdffonts, pdfinfo). Used only by the *.test.ts files.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OfficialDocument } from './model';

const run = promisify(execFile);

// ---- fixtures ---------------------------------------------------------------------------------------

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Lò'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Thùy', 'Hữu', 'Ngọc', 'Quỳnh', 'Mạnh'];
const GIVEN = ['Hằng', 'Dũng', 'Ẩn', 'Ngữ', 'Tuyết', 'Sử', 'Vỹ', 'Khẳng', 'Hiếu', 'Đạt', 'Thẳng', 'Phượng'];
const UNITS = [
  'Trung tâm Kiểm soát bệnh tật tỉnh',
  'Bệnh viện Đa khoa tỉnh Điện Biên',
  'Trung tâm Y tế huyện Mường Ảng',
  'Trung tâm Y tế thành phố Điện Biên Phủ',
  'Phòng Nghiệp vụ Y, Sở Y tế',
];

export function personName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
}

/** A realistic Sở Y tế decision conferring Giấy khen, with an annex of `annexRows` people. */
export function sampleDecision(annexRows = 12, overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    templateVersion: 'qd-khen-thuong@1',
    issuer: { parentName: 'UBND TỈNH ĐIỆN BIÊN', name: 'SỞ Y TẾ' },
    documentNumber: '05/QĐ-SYT',
    place: 'Điện Biên',
    date: '2026-02-05',
    kindTitle: 'QUYẾT ĐỊNH',
    subject:
      'Về việc tặng Giấy khen cho các cá nhân\nđã có thành tích xuất sắc trong phong trào thi đua năm 2025',
    authorityLine: 'GIÁM ĐỐC SỞ Y TẾ',
    preamble: [
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
      'Theo đề nghị của Trưởng phòng Tổ chức cán bộ và Thường trực Hội đồng Thi đua - Khen thưởng Sở Y tế.',
    ],
    body: [
      { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center', noIndent: true },
      {
        kind: 'paragraph',
        lead: 'Điều 1.',
        text: `Tặng Giấy khen của Giám đốc Sở Y tế cho ${annexRows} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua năm 2025, góp phần vào sự nghiệp chăm sóc, bảo vệ và nâng cao sức khỏe nhân dân.`,
      },
      { kind: 'heading', level: 1, text: 'Mức thưởng và nguồn kinh phí' },
      { kind: 'heading', level: 2, text: 'Mức tiền thưởng' },
      {
        kind: 'paragraph',
        text: 'Mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng bằng 0,3 lần mức lương cơ sở.',
      },
      { kind: 'heading', level: 3, text: 'Đối với cá nhân thuộc đơn vị sự nghiệp công lập' },
      {
        kind: 'bullets',
        items: ['Chi từ quỹ thi đua, khen thưởng của đơn vị;', 'Quyết toán theo quy định hiện hành.'],
      },
      { kind: 'heading', level: 3, text: 'Đối với cá nhân thuộc cơ quan Sở' },
      { kind: 'heading', level: 2, text: 'Nguồn kinh phí' },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: 'Nguồn', width: 5 },
            { header: 'Số tiền (đồng)', width: 3 },
          ],
          rows: [
            [1, 'Quỹ thi đua, khen thưởng Sở Y tế', 7_020_000],
            [2, 'Quỹ thi đua, khen thưởng các đơn vị', 12_636_000],
          ],
          totals: ['', 'Tổng cộng', 19_656_000],
        },
      },
      { kind: 'heading', level: 1, text: 'Tổ chức thực hiện' },
      {
        kind: 'paragraph',
        lead: 'Điều 2.',
        text: 'Chánh Văn phòng, Trưởng các phòng chức năng Sở Y tế, Thủ trưởng các đơn vị có liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      },
    ],
    annexes: [
      {
        title: 'Danh sách cá nhân được tặng Giấy khen',
        subtitle: '(Kèm theo Quyết định số 05/QĐ-SYT ngày 05/02/2026 của Giám đốc Sở Y tế)',
        landscape: true,
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: 'Họ và tên', width: 5 },
            { header: 'Chức vụ', width: 4 },
            { header: 'Đơn vị công tác', width: 7 },
            { header: 'Tiền thưởng (đồng)', width: 3 },
          ],
          rows: Array.from({ length: annexRows }, (_, i) => [
            i + 1,
            personName(i),
            i % 3 === 0 ? 'Bác sĩ' : 'Điều dưỡng hạng III',
            UNITS[i % UNITS.length],
            702_000,
          ]),
          totals: ['', 'Tổng cộng', '', '', 702_000 * annexRows],
        },
      },
    ],
    recipients: [
      'Như Điều 2',
      'Ban Thi đua - Khen thưởng tỉnh (b/c)',
      'Giám đốc, các PGĐ Sở',
      'Lưu: VT, TCCB',
    ],
    signature: { mode: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'Lò Văn Thẳng' },
    ...overrides,
  };
}

// ---- DOCX (zip) -------------------------------------------------------------------------------------

interface YauzlEntry {
  fileName: string;
}
interface YauzlZip {
  on(event: 'entry', cb: (e: YauzlEntry) => void): void;
  on(event: 'end', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
  readEntry(): void;
  openReadStream(e: YauzlEntry, cb: (err: Error | null, s?: NodeJS.ReadableStream) => void): void;
}
interface Yauzl {
  fromBuffer(b: Buffer, o: { lazyEntries: boolean }, cb: (err: Error | null, zip?: YauzlZip) => void): void;
}
const yauzl = createRequire(import.meta.url)('yauzl') as Yauzl;

/** All entries of a zip (DOCX/XLSX) as UTF-8 text. */
export function unzipText(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, string>();
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each <w:p> paragraph (runs joined, <w:br/> as "\n"), in document order. */
export function docxParagraphs(xml: string): string[] {
  const paras = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paras.map((p) =>
    unescapeXml(
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? [])
        .map((t) => (t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '')))
        .join(''),
    ),
  );
}

// ---- PDF (poppler-utils) ----------------------------------------------------------------------------

async function withTempFile<T>(bytes: Buffer, ext: string, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-doc-'));
  const file = path.join(dir, `doc.${ext}`);
  try {
    await writeFile(file, bytes);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`, NFC-normalised. */
export function pdfToText(pdf: Buffer, layout = true): Promise<string> {
  return withTempFile(pdf, 'pdf', async (file) => {
    const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']);
    return stdout.normalize('NFC');
  });
}

export function pdfFonts(pdf: Buffer): Promise<string> {
  return withTempFile(pdf, 'pdf', async (file) => (await run('pdffonts', [file])).stdout);
}

export function pdfInfo(pdf: Buffer): Promise<{ pages: number; pageSize: string; raw: string }> {
  return withTempFile(pdf, 'pdf', async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN),
      pageSize: /^Page size:\s+(.*)$/m.exec(stdout)?.[1] ?? '',
      raw: stdout,
    };
  });
}

/** Page sizes of every page ("595.28 x 841.89 pts (A4)") via `pdfinfo -f 1 -l N`. */
export function pdfPageSizes(pdf: Buffer, pages: number): Promise<string[]> {
  return withTempFile(pdf, 'pdf', async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]);
  });
}

/** Collapses the runs of spaces that `pdftotext -layout` uses for columns. */
export const squash = (s: string) => s.replace(/[ \t]+/g, ' ');
