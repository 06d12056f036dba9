/**
 * The foundation's browser flow, in Debian chromium against the real application with the demo
 * seed: the TĐKT officer logs in, imports a staff XLSX with one bad row and sees the error
 * (row, column, Vietnamese reason), fixes the file and imports it, finds the new person by an
 * unaccented search, then merges two units and sees the merger in the history timeline.
 * Screenshots go to /tmp/thidua-e2e at 1366×768 and 390×844.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVietnameseContext, SHOTS, submitLogin } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// the person this test imports; the name appears nowhere in the demo data
const NEW_PERSON = {
  code: 'E2E-0001',
  name: 'Nguyễn Thị Thục Quyên',
  search: 'nguyen thi thuc quyen',
  cccd: '011190123456',
};
const SECOND_PERSON = { code: 'E2E-0002', name: 'Lò Văn Thắng' };
const KHOA = { code: 'BVDK-DB-NOI', name: 'Khoa Nội tổng hợp' };
const MERGE = {
  source: 'Trung tâm Y tế huyện Tủa Chùa',
  sourceSearch: 'tua chua',
  target: 'Trung tâm Y tế huyện Mường Ảng',
  targetSearch: 'muong ang',
  effectiveOn: '01/10/2025',
  documentNumber: '2001/QĐ-UBND',
  documentDate: '25/09/2025',
  issuer: 'Ủy ban nhân dân tỉnh Điện Biên',
};

let server: RunningServer;
let browser: Browser;
let desktop: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function shot(p: Page, name: string, fullPage = false) {
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function newContext(width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newVietnameseContext(browser, width, height);
  const p = await context.newPage();
  p.setDefaultTimeout(20_000);
  p.on('pageerror', (err) => pageErrors.push(err.message));
  return { context, page: p };
}

async function login(p: Page, username: string) {
  await p.goto(`${server.url}/`);
  // not signed in: the app sends us to the login page
  await p.waitForURL(/\/login/);
  await expect.poll(() => p.title()).toContain('Đăng nhập');
  await submitLogin(p, username);
}

/** The template's header row, read from GET /api/staff/import-template with the browser's session. */
async function templateHeaders(p: Page): Promise<string[]> {
  const res = await p.request.get(`${server.url}/api/staff/import-template`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const headerRow = wb.worksheets[0]!.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell) => headers.push(String(cell.value ?? '').trim()));
  return headers;
}

/** An XLSX with the template's columns; `badBirthDate` makes the second data row (row 3) invalid. */
async function staffWorkbook(headers: string[], badBirthDate: boolean): Promise<Buffer> {
  const rows: Record<string, string>[] = [
    {
      'Mã nhân sự': NEW_PERSON.code,
      'Họ và tên': NEW_PERSON.name,
      'Ngày sinh': '12/05/1990',
      'Giới tính': 'Nữ',
      'Chức vụ': 'Điều dưỡng',
      'Chức danh nghề nghiệp': 'Điều dưỡng hạng III',
      'Loại hình': 'Viên chức',
      'Số CCCD': NEW_PERSON.cccd,
      'Mã đơn vị': KHOA.code,
      'Ngày vào đơn vị': '01/03/2024',
      Email: 'quyen.e2e@dienbien.gov.vn',
      'Số điện thoại': '0912345678',
    },
    {
      'Mã nhân sự': SECOND_PERSON.code,
      'Họ và tên': SECOND_PERSON.name,
      'Ngày sinh': badBirthDate ? '31/02/1988' : '28/02/1988',
      'Giới tính': 'Nam',
      'Chức vụ': 'Bác sĩ',
      'Chức danh nghề nghiệp': 'Bác sĩ hạng III',
      'Loại hình': 'Hợp đồng lao động',
      'Số CCCD': '',
      'Mã đơn vị': KHOA.code,
      'Ngày vào đơn vị': '15/08/2023',
      Email: '',
      'Số điện thoại': '',
    },
  ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân sự');
  ws.addRow(headers);
  for (const r of rows) {
    const row = ws.addRow(headers.map((h) => r[h] ?? ''));
    row.eachCell((cell) => {
      cell.numFmt = '@'; // text cells, so the CCCD keeps its leading zero
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function chooseFile(p: Page, name: string, buffer: Buffer) {
  await p.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX_MIME, buffer });
  await expect.poll(() => p.getByText(`Tệp đã chọn: ${name}`).isVisible()).toBe(true);
  await p.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
}

/** Picks a node of an antd TreeSelect: open it, type an unaccented search, click the node. */
async function pickOrg(p: Page, label: string, search: string, name: string) {
  const input = p.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  const node = p
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name })
    .first();
  await node.click();
}

beforeAll(async () => {
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith('failed-')) fs.rmSync(path.join(SHOTS, f));
  server = await startServer();
  browser = await launchChromium();
  ({ context: desktop, page } = await newContext(1366, 768));
});

// a failing step leaves a picture of the page behind, for the person reading the report
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) {
    await shot(page, `failed-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`, true).catch(
      () => {},
    );
  }
});

afterAll(async () => {
  await desktop?.close();
  await browser?.close();
  await server?.close();
});

describe('foundation: TĐKT officer', () => {
  it('logs in and sees the menu of the role', async () => {
    await login(page, 'tdkt');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Xin chào, /);
    const nav = page.getByRole('navigation', { name: 'Menu chính' });
    for (const item of ['Trang chủ', 'Tổ chức', 'Nhân sự', 'Nhập từ Excel', 'Nhật ký hệ thống']) {
      expect(await nav.getByRole('link', { name: item, exact: true }).count()).toBe(1);
    }
    // tdkt has no account.manage: no "Tài khoản" entry
    expect(await nav.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(0);
    await expect
      .poll(() => page.locator('.app-header').textContent())
      .toContain('Cán bộ thi đua – khen thưởng – Sở Y tế tỉnh Điện Biên');
    await shot(page, '01-home-1366');
  });

  it('imports a staff file: sees the bad row, fixes the file and imports it', async () => {
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Nhập từ Excel' })
      .click();
    await page.waitForURL(/\/staff\/import$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Nhập nhân sự từ Excel');

    const headers = await templateHeaders(page);
    expect(headers).toEqual(
      expect.arrayContaining(['Mã nhân sự', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Số CCCD']),
    );

    // 1. a file with one bad row
    await chooseFile(page, 'nhan-su-moi.xlsx', await staffWorkbook(headers, true));
    const errorRow = page.getByRole('row').filter({ hasText: 'Ngày sinh không hợp lệ' });
    await expect.poll(() => errorRow.count()).toBe(1);
    const cells = (await errorRow.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(cells[0]).toBe('3'); // Excel row number (row 1 is the header)
    expect(cells[1]).toBe('Ngày sinh');
    expect(cells[2]).toContain('Ngày sinh không hợp lệ (định dạng dd/mm/yyyy)');
    expect(await page.getByText('Dòng có lỗi').count()).toBeGreaterThan(0);
    // "all rows" is not offered while there are errors; the two ways out are
    expect(await page.getByRole('button', { name: 'Ghi dữ liệu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chỉ nhập các dòng hợp lệ' }).count()).toBe(1);
    await shot(page, '02-import-errors-1366', true);

    // 2. fix the file and upload it again
    await page.getByRole('button', { name: 'Nhập lại tệp đã sửa' }).click();
    await chooseFile(page, 'nhan-su-moi-da-sua.xlsx', await staffWorkbook(headers, false));
    await expect.poll(() => page.getByText('Tệp không có lỗi').isVisible()).toBe(true);
    const sample = page.getByRole('row').filter({ hasText: NEW_PERSON.code });
    expect(await sample.textContent()).toContain('Thêm mới');
    await shot(page, '03-import-preview-ok-1366', true);
    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await expect.poll(() => page.getByText('Đã nhập dữ liệu nhân sự').isVisible()).toBe(true);
    const created = page
      .locator('.ant-statistic')
      .filter({ hasText: 'Thêm mới' })
      .locator('.ant-statistic-content');
    expect((await created.textContent())?.trim()).toBe('2');
    await shot(page, '04-import-result-1366');
  });

  it('finds the imported person by an unaccented search and reveals the CCCD', async () => {
    await page.getByRole('button', { name: 'Xem danh sách nhân sự' }).click();
    await page.waitForURL(/\/staff$/);
    await page.getByLabel('Tìm nhân sự').fill(NEW_PERSON.search);
    const link = page.getByRole('link', { name: NEW_PERSON.name, exact: true });
    await link.waitFor();
    await expect
      .poll(() => page.url())
      .toContain(`q=${encodeURIComponent(NEW_PERSON.search).replace(/%20/g, '+')}`);
    // every row shown matches the search
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain(NEW_PERSON.name);
    const row = page.getByRole('row').filter({ hasText: NEW_PERSON.code });
    // lists never show the full CCCD
    expect(await row.textContent()).toContain('011******456');
    expect(await row.textContent()).not.toContain(NEW_PERSON.cccd);
    await shot(page, '05-staff-search-1366');

    // the export takes the same filters and arrives as a Vietnamese-named XLSX
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Danh sách nhân sự \d{4}-\d{2}-\d{2}\.xlsx$/);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const exportedText = JSON.stringify(exported.worksheets[0]!.getSheetValues());
    expect(exportedText).toContain(NEW_PERSON.name);
    expect(exportedText).not.toContain('Lò Văn Thắng'); // filtered by the search

    await link.click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NEW_PERSON.name);
    expect(await page.getByText(KHOA.name).count()).toBeGreaterThan(0);
    expect(await page.getByText('Từ 01/03/2024 đến nay').count()).toBe(1);
    await page.getByRole('button', { name: 'Xem số CCCD' }).click();
    await expect.poll(() => page.getByTestId('personal-id').textContent()).toBe(NEW_PERSON.cccd);
    await shot(page, '06-staff-detail-1366');
  });

  it('merges two units and sees the merger in the history timeline', async () => {
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Tổ chức' }).click();
    await page.waitForURL(/\/organizations/);
    // unaccented tree search
    await page.getByLabel('Tìm đơn vị').fill(MERGE.sourceSearch);
    const sourceNode = page.locator('.ant-tree-node-content-wrapper', { hasText: MERGE.source });
    await expect.poll(() => sourceNode.count()).toBe(1);
    await sourceNode.click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: MERGE.source }).count()).toBe(1);

    await page.getByRole('button', { name: 'Áp dụng sự kiện' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'Áp dụng sự kiện tổ chức' });
    await drawer.waitFor();
    await drawer.getByLabel('Loại sự kiện').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Sáp nhập / hợp nhất' })
      .click();
    // the unit we came from is already the source
    // (its label appears once the organisation options have loaded: poll, the machine may be busy)
    await expect
      .poll(() => drawer.locator('.ant-select-selection-item', { hasText: MERGE.source }).count())
      .toBe(1);
    await pickOrg(page, 'Đơn vị tiếp nhận', MERGE.targetSearch, MERGE.target);
    const effective = drawer.getByLabel('Ngày hiệu lực');
    await effective.click();
    await effective.fill(MERGE.effectiveOn);
    await effective.press('Tab');
    await drawer.getByLabel('Số, ký hiệu văn bản').fill(MERGE.documentNumber);
    const docDate = drawer.getByLabel('Ngày ban hành');
    await docDate.click();
    await docDate.fill(MERGE.documentDate);
    await docDate.press('Tab');
    await drawer.getByLabel('Cơ quan ban hành').fill(MERGE.issuer);
    await shot(page, '07-merge-form-1366');
    await drawer.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: 'Xác nhận ghi nhận sự kiện' })
      .getByRole('button', { name: 'Ghi nhận sự kiện' })
      .click();

    // the page moves to the receiving unit, whose timeline shows the merger
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: MERGE.target }).count(), { timeout: 20_000 })
      .toBe(1);
    const event = page
      .getByTestId('org-event')
      .filter({ hasText: `Sáp nhập ${MERGE.source} vào ${MERGE.target}` });
    await expect.poll(() => event.count()).toBe(1);
    const text = (await event.textContent()) ?? '';
    expect(text).toContain(MERGE.effectiveOn);
    expect(text).toContain(
      `Văn bản số ${MERGE.documentNumber} ngày ${MERGE.documentDate} của ${MERGE.issuer}`,
    );
    expect(text).toContain('Đơn vị tiếp nhận');
    // predecessors link to the merged unit, which is now closed
    const predecessor = page.getByRole('link', { name: MERGE.source, exact: true });
    expect(await predecessor.count()).toBe(1);
    await shot(page, '08-merge-history-1366', true);

    await predecessor.click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: MERGE.source }).count()).toBe(1);
    expect(await page.getByText('Đã sáp nhập').count()).toBeGreaterThan(0);
    // a closed unit takes no further events
    expect(await page.getByRole('button', { name: 'Áp dụng sự kiện' }).count()).toBe(0);
    // its successor, both in the lineage list and as of today
    await expect.poll(() => page.getByRole('link', { name: MERGE.target, exact: true }).count()).toBe(2);
    expect(await page.getByLabel('Đơn vị kế thừa tại ngày').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('records the work in the audit log, whose chain verifies', async () => {
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Nhật ký hệ thống' })
      .click();
    await page.waitForURL(/\/audit$/);
    const mergeRow = page
      .getByRole('row')
      .filter({ hasText: 'Sáp nhập / hợp nhất đơn vị' })
      .filter({ hasText: MERGE.target });
    await expect.poll(() => mergeRow.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await expect.poll(() => page.getByText(/^Nhật ký toàn vẹn: đã kiểm tra/).count()).toBe(1);
    await shot(page, '09-audit-1366');
  });

  it('is usable at phone width (390×844) with the drawer menu', async () => {
    const { context, page: phone } = await newContext(390, 844);
    try {
      await login(phone, 'tdkt');
      // no side menu on a phone: the menu opens from the header
      expect(await phone.locator('.ant-layout-sider').count()).toBe(0);
      await phone.getByRole('button', { name: 'Mở menu' }).click();
      const nav = phone.getByRole('navigation', { name: 'Menu chính' });
      await nav.getByRole('link', { name: 'Nhân sự' }).waitFor();
      await shot(phone, '10-phone-menu-390');
      await nav.getByRole('link', { name: 'Nhân sự' }).click();
      await phone.waitForURL(/\/staff$/);
      await phone.getByLabel('Tìm nhân sự').fill(NEW_PERSON.search);
      await phone.getByRole('link', { name: NEW_PERSON.name, exact: true }).waitFor();
      // the page itself does not scroll sideways; the table scrolls inside its box
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(phone, '11-phone-staff-390');
      await phone.goto(`${server.url}/organizations`);
      await phone.getByLabel('Tìm đơn vị').fill(MERGE.targetSearch);
      await phone.locator('.ant-tree-node-content-wrapper', { hasText: MERGE.target }).click();
      await phone.getByTestId('org-event').first().waitFor();
      await shot(phone, '12-phone-org-history-390', true);
      // the user menu holds the account actions on a phone
      await phone.getByRole('button', { name: /^Tài khoản / }).click();
      await phone.getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
      expect(await phone.getByRole('menuitem', { name: 'Đổi mật khẩu' }).count()).toBe(1);
      expect(await phone.getByRole('menuitem', { name: 'Đăng xuất' }).count()).toBe(1);
      await shot(phone, '13-phone-user-menu-390');
      await phone.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await phone.waitForURL(/\/login/);
    } finally {
      await context.close();
    }
  });

  it('threw no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
