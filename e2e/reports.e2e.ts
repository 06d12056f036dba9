/**
 * The periodic reports browser flow (issue 4, item 9), in Debian chromium against the real
 * application with the demo seed: the Sở's TĐKT officer sends a new yearly report request to the
 * units (figure fields and narrative sections of the yearly template); the unit account of TTYT
 * Điện Biên Phủ opens it, fills in figures and narrative and submits; the Sở's status board shows
 * the unit as submitted and the others as still due, a reminder goes to the outbox; the roll-up
 * adds the unit's figures and downloads as DOCX and XLSX with the unit in them. On the demo 2026
 * yearly request (due 15/11/2026) the board shows late and overdue units, and "Nhắc hạn" reminds
 * the overdue unit again: a new letter for today is at the top of "Hộp thư đi".
 * Screenshots go to /tmp/thidua-e2e (reports-*.png) at 1366×768.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { launchChromium, newVietnameseContext, SHOTS, submitLogin } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const SO = 'Sở Y tế tỉnh Điện Biên';
const UNIT = 'Trung tâm Y tế thành phố Điện Biên Phủ';
const OTHER_UNIT = 'Bệnh viện Đa khoa tỉnh Điện Biên';
const TITLE = 'Báo cáo kết quả phong trào thi đua chuyển đổi số năm 2026 (kiểm thử)';
const DEMO_TITLE = 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026';
const POLL = { timeout: 30_000 };

/** dd/mm/yyyy of a day in Việt Nam, `days` after today. */
function viDate(days = 0): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(Date.now() + days * 86_400_000));
}
const TODAY = viDate();
const DUE = viDate(21);

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requestUrl = '';
const pageErrors: string[] = [];

async function shot(p: Page, name: string, fullPage = false) {
  await p.screenshot({ path: path.join(SHOTS, `reports-${name}.png`), fullPage });
}

async function login(p: Page, username: string) {
  await p.context().clearCookies();
  await p.goto(`${server.url}/`);
  await p.waitForURL(/\/login/);
  await submitLogin(p, username);
}

async function openReports(p: Page) {
  await p
    .getByRole('navigation', { name: 'Menu chính' })
    .getByRole('link', { name: 'Báo cáo định kỳ' })
    .click();
  await p.waitForURL(/\/reports$/);
}

/** The board or table row of an organisation (the row holding a link with its exact name). */
function orgRow(p: Page, name: string) {
  return p.getByRole('row').filter({ has: p.getByRole('link', { name, exact: true }) });
}

/** The text of one file inside a ZIP (DOCX, XLSX). */
function zipEntryText(bytes: Buffer, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a ZIP file'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} is not in the ZIP file`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Clicks a download button; returns the HTTP response and the saved file's bytes. */
async function download(p: Page, button: string, urlEnd: string) {
  const [response, file] = await Promise.all([
    p.waitForResponse((r: Response) => new URL(r.url()).pathname.endsWith(urlEnd)),
    p.waitForEvent('download'),
    p.getByRole('button', { name: button }).click(),
  ]);
  return { response, name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await newVietnameseContext(browser);
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) {
    await shot(page, `failed-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`, true).catch(
      () => {},
    );
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("reports: a unit answers the Sở's report request and the Sở's roll-up shows it", () => {
  it('the Sở sends a yearly report request to its units', async () => {
    await login(page, 'tdkt');
    await openReports(page);
    await page.getByRole('button', { name: 'Gửi yêu cầu báo cáo' }).click();
    await page.waitForURL(/\/reports\/new$/);

    const org = page.getByLabel('Đơn vị yêu cầu', { exact: true });
    await org.click();
    await org.fill('so y te');
    await page.getByRole('treeitem', { name: SO }).first().click();
    await page.getByLabel('Tên báo cáo', { exact: true }).fill(TITLE);
    const due = page.getByLabel('Hạn nộp', { exact: true });
    await due.click();
    await due.fill(DUE);
    // leaving the field keeps the typed date (Enter would submit the form)
    await page.getByLabel('Tên báo cáo', { exact: true }).click();
    expect(await due.inputValue()).toBe(DUE);
    // the yearly template is there: figure fields and narrative sections
    expect(await page.getByLabel('Tên chỉ tiêu').first().inputValue()).toBe('Số tập thể đăng ký thi đua');
    expect(await page.getByLabel('Tên phần').first().inputValue()).toBe(
      'Kết quả thực hiện phong trào thi đua',
    );
    await shot(page, '01-request-form', true);
    await page.getByRole('button', { name: 'Gửi yêu cầu', exact: true }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    requestUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe(TITLE);
    expect(await page.getByText(`${SO} · Năm ${TODAY.slice(-4)} · Hạn nộp ${DUE}`).count()).toBe(1);
    // every active unit is asked; none has submitted yet
    await expect.poll(() => orgRow(page, UNIT).textContent(), POLL).toContain('Chưa nộp (còn hạn)');
    expect(await orgRow(page, OTHER_UNIT).textContent()).toContain('Chưa nộp (còn hạn)');
  });

  it('the unit opens the request, fills in figures and narrative and submits', async () => {
    await login(page, 'donvi');
    await openReports(page);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL(requestUrl);
    await page.getByRole('link', { name: UNIT, exact: true }).click();
    await page.waitForURL(/\/submissions\//);

    await page.getByLabel('Số tập thể đăng ký thi đua (tập thể)').fill('17');
    await page.getByLabel('Số cá nhân đăng ký thi đua (người)').fill('245');
    await page.getByLabel('Số sáng kiến được công nhận (sáng kiến)').fill('4');
    await page.getByLabel('Tỷ lệ hồ sơ bệnh án điện tử (%)').fill('87,5');
    await page.getByLabel('Tỷ lệ viên chức hoàn thành Bình dân học vụ số (%)').fill('92');
    await page
      .getByLabel('Kết quả thực hiện phong trào thi đua')
      .fill(
        'Trung tâm đã triển khai bệnh án điện tử tại 100% khoa lâm sàng, thanh toán không dùng tiền mặt.',
      );
    await page
      .getByLabel('Tồn tại, hạn chế và nguyên nhân')
      .fill('Đường truyền tại một số trạm y tế chưa ổn định.');
    await page
      .getByLabel('Phương hướng, nhiệm vụ và kiến nghị, đề xuất')
      .fill('Đề nghị Sở Y tế hỗ trợ đầu tư hạ tầng công nghệ thông tin cho các trạm y tế.');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Đã lưu dự thảo.').count(), POLL).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const confirm = page.getByRole('tooltip');
    await expect.poll(() => confirm.textContent(), POLL).toContain('không thể sửa');
    await confirm.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByText('Đã nộp báo cáo.').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/^Báo cáo đã nộp lúc/).count(), POLL).toBe(1);
    expect(await page.getByText('Đã nộp đúng hạn', { exact: true }).count()).toBe(1);
    // submitted = read-only
    expect(await page.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0);
    expect(await page.getByLabel('Số tập thể đăng ký thi đua (tập thể)').isDisabled()).toBe(true);
    await shot(page, '02-submitted', true);
  });

  it('the board shows the unit as submitted and the others as due; "Nhắc hạn" reaches the outbox', async () => {
    await login(page, 'tdkt');
    await openReports(page);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL(requestUrl);
    const unit = orgRow(page, UNIT);
    await expect.poll(() => unit.textContent(), POLL).toContain('Đã nộp đúng hạn');
    expect(await unit.textContent()).toContain(TODAY);
    expect(await unit.getByRole('button', { name: 'Nhắc hạn' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Đã nộp đúng hạn: 1', { exact: true }).count(), POLL).toBe(1);
    expect(await page.getByText(/^Chưa nộp \(còn hạn\): \d+$/).count()).toBe(1);

    const other = orgRow(page, OTHER_UNIT);
    expect(await other.textContent()).toContain('Chưa nộp (còn hạn)');
    await other.getByRole('button', { name: 'Nhắc hạn' }).click();
    await expect.poll(() => page.getByText('Đã nhắc hạn 1 đơn vị.').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => other.textContent(), POLL).toContain(`1 (${TODAY})`);
    await shot(page, '03-board');

    await page.goto(`${server.url}/mail/outbox`);
    const mail = page
      .getByRole('row')
      .filter({ hasText: `Nhắc hạn nộp báo cáo: ${TITLE}` })
      .filter({ hasText: OTHER_UNIT });
    await expect.poll(() => mail.count(), POLL).toBe(1);
    expect(await mail.textContent()).toContain('Nhắc hạn báo cáo');
    expect(await mail.textContent()).toContain(TODAY);
    await shot(page, '04-outbox');
  });

  it("the roll-up adds the unit's figures and downloads as DOCX and XLSX", async () => {
    await page.goto(requestUrl);
    await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    const collectives = page.getByRole('row', { name: /^Số tập thể đăng ký thi đua/ });
    await expect.poll(() => collectives.textContent(), POLL).toMatch(/Cộng\s*17\s*1$/);
    expect(await page.getByRole('row', { name: /^Số cá nhân đăng ký thi đua/ }).textContent()).toMatch(
      /Cộng\s*245\s*1$/,
    );
    expect(await page.getByRole('row', { name: /^Tỷ lệ hồ sơ bệnh án điện tử/ }).textContent()).toMatch(
      /Trung bình\s*87,5\s*1$/,
    );
    await shot(page, '05-rollup', true);

    const docx = await download(page, 'Tải báo cáo (DOCX)', '/rollup.docx');
    expect(docx.response.status()).toBe(200);
    expect(docx.response.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.bytes.length).toBeGreaterThan(1000);
    const xml = await zipEntryText(docx.bytes, 'word/document.xml');
    expect(xml).toContain(UNIT);
    expect(xml).toContain(TITLE);

    const xlsx = await download(page, 'Tải số liệu (Excel)', '/rollup.xlsx');
    expect(xlsx.response.status()).toBe(200);
    expect(xlsx.response.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.length).toBeGreaterThan(1000);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const unitRow = rows.find((r) => r.includes(UNIT));
    expect(unitRow).toBeDefined();
    expect(unitRow).toContain(17);
    expect(unitRow).toContain(245);
    const total = rows.find((r) => r.includes('Tổng hợp'));
    expect(total).toContain(17);
  });

  it('on the demo 2026 request the overdue unit shows as such and is reminded again', async () => {
    await openReports(page);
    await page.getByRole('link', { name: DEMO_TITLE, exact: true }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const unit = orgRow(page, UNIT);
    await expect.poll(() => unit.textContent(), POLL).toContain('Chưa nộp (quá hạn)');
    // reminded automatically since the due date (16/11, and by the daily check at start-up)
    const reminded = Number(/(\d+) \(\d{2}\/\d{2}\/\d{4}\)/.exec((await unit.textContent()) ?? '')?.[1]);
    expect(reminded).toBeGreaterThanOrEqual(1);
    expect(await page.getByText(/^Nộp muộn: \d+$/).count()).toBe(1);
    expect(await page.getByText(/^Chưa nộp \(quá hạn\): \d+$/).count()).toBe(1);
    expect(await page.getByText(/^Đã nộp đúng hạn: \d+$/).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Nộp muộn' }).count()).toBeGreaterThan(0);

    await unit.getByRole('button', { name: 'Nhắc hạn' }).click();
    await expect.poll(() => page.getByText('Đã nhắc hạn 1 đơn vị.').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => unit.textContent(), POLL).toContain(`${reminded + 1} (${TODAY})`);
    await shot(page, '06-overdue-reminded');

    // the newest letter of the outbox: the overdue reminder of today, to the unit's account
    await page.goto(`${server.url}/mail/outbox`);
    const first = page.getByRole('row').filter({ hasText: 'Nhắc hạn nộp báo cáo:' }).first();
    await expect.poll(() => first.textContent(), POLL).toContain(`Nhắc hạn nộp báo cáo: ${DEMO_TITLE}`);
    expect(await first.textContent()).toContain(UNIT);
    expect(await first.textContent()).toContain('donvi@ttytdbp.dienbien.gov.vn');
    await first.getByRole('button', { name: /Mở rộng|Expand/ }).click();
    await expect
      .poll(() => page.getByText(`Đến ngày ${TODAY}, đơn vị chưa nộp báo cáo và đã quá hạn.`).count(), POLL)
      .toBe(1);
    await shot(page, '07-outbox-overdue');
    expect(pageErrors).toEqual([]);
  });
});
