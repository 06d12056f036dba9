/**
 * The issued decision as downloaded through the API: the DOCX opens in LibreOffice with the NĐ 30
 * header, and the DOCX→PDF, the PDF and the certificates PDF show correct Vietnamese (pdftotext).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  as,
  createOrgTree,
  createPerson,
  createTestApp,
  createUser,
  login,
  type TestApp,
} from '../../../../test/helpers';
import { pdfInfo, pdfToText, squash } from '../../documents/testing';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });
const run = promisify(execFile);

async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-qd-'));
  try {
    const input = path.join(dir, 'quyet-dinh.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      {
        timeout: 150_000,
      },
    );
    return await readFile(path.join(dir, 'quyet-dinh.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => squash(l).trim())
    .filter(Boolean);

let t: TestApp;
let decisionId: string;
let awardeeId: string;
let director: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createOrgTree(t.database);
  await t.database.db.execute(
    // the demo naming: "Sở Y tế tỉnh Điện Biên" → header "UBND TỈNH ĐIỆN BIÊN / SỞ Y TẾ"
    (await import('drizzle-orm'))
      .sql`update organizations set name = 'Sở Y tế tỉnh Điện Biên' where id = ${tree.so.id}`,
  );
  const tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  director = await login(
    t.app,
    (await createUser(t.database, [{ role: 'director', org: tree.so }])).username,
  );
  const p1 = await createPerson(t.database, tree.khoaA, {
    fullName: 'Nguyễn Thị Hằng',
    gender: 'female',
    position: 'Điều dưỡng hạng III',
  });
  const p2 = await createPerson(t.database, tree.khoaA, {
    fullName: 'Lường Văn Thẳng',
    gender: 'male',
    position: 'Bác sĩ',
  });
  const created = await as(t.app, tdkt).post('/api/decisions', {
    orgId: tree.so.id,
    achievementYear: 2025,
    decisionDate: '2026-01-20',
    signerName: 'Vừ Mí Dũng',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signatureMode: 'KT.',
    onBehalfOf: 'GIÁM ĐỐC',
    awardees: [
      { personId: p1.id, awardCode: 'CSTDCS' },
      { personId: p2.id, awardCode: 'CSTDCS' },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  decisionId = created.json().id;
  const d = (await as(t.app, tdkt).get(`/api/decisions/${decisionId}`)).json();
  awardeeId = d.awardees[0].id;
  const issued = await as(t.app, director).post(`/api/decisions/${decisionId}/issue`, { version: d.version });
  expect(issued.statusCode, issued.body).toBe(200);
  expect(issued.json().documentNumber).toBe('01/QĐ-SYT');
});
afterAll(async () => t.close());

describe('decision documents', () => {
  it('DOCX opens in LibreOffice with the NĐ 30 header, the articles, the annex and the signature', async () => {
    const res = await as(t.app, director).get(`/api/decisions/${decisionId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      'Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2001-Q%C4%90-SYT.docx',
    );
    const pdf = await docxToPdf(res.rawPayload);
    const all = lines(await pdfToText(pdf));
    expect(all).toContain('UBND TỈNH ĐIỆN BIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('SỞ Y TẾ Độc lập - Tự do - Hạnh phúc');
    expect(all).toContain('Số: 01/QĐ-SYT Điện Biên, ngày 20 tháng 01 năm 2026');
    expect(all).toContain('QUYẾT ĐỊNH');
    expect(all).toContain('GIÁM ĐỐC SỞ Y TẾ');
    const text = all.join(' ');
    expect(text).toContain('Về việc tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025');
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(text).toContain('Căn cứ Nghị định số 152/2025/NĐ-CP');
    expect(text).toMatch(/Điều 1\. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 2 cá nhân/);
    expect(text).toContain('Tổng số tiền thưởng: 4.680.000 đ (Bốn triệu sáu trăm tám mươi nghìn đồng)');
    expect(text).toContain('Điều 3.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text).toContain('Vừ Mí Dũng');
    expect(text).toContain('DANH SÁCH ĐƯỢC TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('Lường Văn Thẳng');
    expect(text).toContain('2.340.000');
    expect(text).toContain('4.680.000');
  });

  it('PDF shows the same Vietnamese text, and the stored document is returned unchanged', async () => {
    const first = await as(t.app, director).get(`/api/decisions/${decisionId}/pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const text = lines(await pdfToText(first.rawPayload)).join(' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 01/QĐ-SYT');
    expect(text).toContain('Điện Biên, ngày 20 tháng 01 năm 2026');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('Lường Văn Thẳng');
    expect(text).toContain('Vừ Mí Dũng');
    const second = await as(t.app, director).get(`/api/decisions/${decisionId}/pdf`);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
  });

  it('certificates: one page per awardee with correct diacritics, and a single certificate', async () => {
    const all = await as(t.app, director).get(`/api/decisions/${decisionId}/certificates`);
    expect(all.statusCode, all.body).toBe(200);
    expect((await pdfInfo(all.rawPayload)).pages).toBe(2);
    const text = squash(await pdfToText(all.rawPayload, false));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(text).toContain('Bà Nguyễn Thị Hằng');
    expect(text).toContain('Ông Lường Văn Thẳng');
    expect(text).toContain('Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025');
    expect(text).toContain('01/QĐ-SYT');
    const one = await as(t.app, director).get(`/api/decisions/${decisionId}/certificates/${awardeeId}`);
    expect(one.statusCode).toBe(200);
    expect((await pdfInfo(one.rawPayload)).pages).toBe(1);
  });
});
