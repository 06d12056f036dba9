/**
 * The plans browser flow (issue 4, item 9), in Debian chromium against the real application with
 * the demo seed: the Sở's TĐKT officer pastes the Hà Nội plan's OCR text, reviews what was
 * recognised, corrects the draft for the Sở and issues it (number from the Sở's KH series); the
 * unit account of TTYT Điện Biên Phủ derives its implementing plan and sees the differences; the
 * Sở's status board shows which units have one and reminds the others; the unit answers the Sở's
 * sơ kết report request and the Sở's roll-up shows its figures.
 * Screenshots go to /tmp/thidua-e2e (plans-*.png) at 1366×768.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVietnameseContext, SHOTS, submitLogin } from './support/browser';
import { type RunningServer, repoRoot, startServer } from './support/server';

const HA_NOI_TEXT = fs.readFileSync(
  path.join(repoRoot, 'src/domain/plans/parse/__fixtures__/kh-3764-syt-ha-noi-2025.ocr.txt'),
  'utf8',
);
const SO = 'Sở Y tế tỉnh Điện Biên';
const UNIT = 'Trung tâm Y tế thành phố Điện Biên Phủ';
const TITLE =
  'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” trong ngành Y tế tỉnh Điện Biên năm 2026';

const POLL = { timeout: 20_000 };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let planUrl = '';
let planNumber = '';
const pageErrors: string[] = [];

async function shot(p: Page, name: string, fullPage = false) {
  await p.screenshot({ path: path.join(SHOTS, `plans-${name}.png`), fullPage });
}

async function login(p: Page, username: string) {
  await p.goto(`${server.url}/`);
  await p.waitForURL(/\/login/);
  await submitLogin(p, username);
}

async function logout(p: Page) {
  await p.context().clearCookies();
}

/** Picks a node of an antd TreeSelect: open it, type an unaccented search, click the node. */
async function pickOrg(p: Page, label: string, search: string, name: string) {
  const input = p.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  await p
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name })
    .first()
    .click();
  // on a loaded machine the dropdown can stay open (or re-open on the late search result) and
  // cover the dialog's buttons: leave the field with Tab, which closes it without closing a dialog
  const dropdown = p.locator('.ant-select-dropdown:visible');
  try {
    await dropdown.first().waitFor({ state: 'hidden', timeout: 2_000 });
  } catch {
    await p.keyboard.press('Tab');
    await dropdown.first().waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

async function fillField(p: Page, label: string, value: string) {
  const field = p.getByLabel(label, { exact: true });
  await field.fill(value);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await newVietnameseContext(browser);
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
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

describe('plans: the Sở imports, corrects and issues a plan; a unit derives its own; the board follows', () => {
  it('the Sở imports the Hà Nội plan text and sees what was recognised', async () => {
    await login(page, 'tdkt');
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Kế hoạch, phong trào' })
      .click();
    await page.waitForURL(/\/plans$/);
    // the demo chain: the Sở's 234/KH-SYT is listed
    await expect.poll(() => page.getByRole('link', { name: '234/KH-SYT' }).count(), POLL).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /Cây kế hoạch/ }).click();
    await expect.poll(() => page.getByText('923/QĐ-TTg').count(), POLL).toBeGreaterThan(0);
    await shot(page, '01-tree');
    // the Sở's plan: its targets with the indicators' current values
    await page.getByRole('link', { name: '234/KH-SYT' }).first().click();
    await page.getByRole('tab', { name: 'Tiến độ chỉ tiêu' }).click();
    const ehr = page.getByRole('row', { name: /Tỷ lệ người dân có hồ sơ sức khỏe điện tử/ });
    await expect.poll(() => ehr.textContent(), POLL).toMatch(/95 %/);
    await shot(page, '01b-progress');
    await page.goto(`${server.url}/plans`);

    await page.getByRole('button', { name: 'Nhập từ văn bản' }).click();
    await page.waitForURL(/\/plans\/import$/);
    await pickOrg(page, 'Đơn vị ban hành dự thảo', 'so y te', SO);
    await page.getByLabel('Nội dung văn bản kế hoạch').fill(HA_NOI_TEXT);
    await shot(page, '02-import');
    await page.getByRole('button', { name: 'Đọc văn bản và tạo dự thảo' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planUrl = page.url();

    const info = page.getByTestId('import-info');
    await expect.poll(() => info.textContent(), POLL).toContain('Các trường đã nhận dạng từ văn bản');
    const text = (await info.textContent()) ?? '';
    for (const field of [
      'Địa danh',
      'Ngày ban hành',
      'Giai đoạn, sơ kết, tổng kết',
      'Hình thức khen thưởng',
    ]) {
      expect(text).toContain(field);
    }
    expect(await page.getByText('Số của văn bản gốc: 3764/KH-SYT').count()).toBe(1);
    // recognised values are in the form, with diacritics restored where the vocabulary knows them
    expect(await page.getByLabel('Địa danh', { exact: true }).inputValue()).toBe('Hà Nội');
    expect(await page.getByLabel('Cơ quan chủ quản', { exact: true }).inputValue()).toBe(
      'UBND THÀNH PHỐ HÀ NỘI',
    );
    await expect
      .poll(() => page.getByText('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh').count(), POLL)
      .toBeGreaterThan(0);
    await shot(page, '03-draft-recognised');
  });

  it("corrects the draft for the Sở and issues it with the next number of the Sở's KH series", async () => {
    await fillField(page, 'Trích yếu (tên kế hoạch)', TITLE);
    await fillField(page, 'Cơ quan chủ quản', 'UBND TỈNH ĐIỆN BIÊN');
    await fillField(page, 'Địa danh', 'Điện Biên');
    await fillField(page, 'Họ tên người ký', 'Lò Văn Hùng');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Đã lưu dự thảo.').count(), POLL).toBeGreaterThan(0);

    await page.getByRole('button', { name: /Ban hành$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await expect.poll(() => dialog.textContent(), POLL).toContain('không sửa được nữa');
    await shot(page, '04-issue-confirm');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL)
      .toMatch(/Kế hoạch số \d{2,}\/KH-SYT/);
    planNumber = /(\d{2,}\/KH-SYT)/.exec(
      (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
    )![1]!;
    expect(await page.getByText('Kế hoạch đã ban hành — chỉ xem, không sửa được.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);

    // the official document downloads with its number in the name
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Kế hoạch ${planNumber.replace('/', '-')}.docx`);
    await shot(page, '05-issued');
  });

  it("the unit derives its plan from the Sở's, edits it and sees the differences", async () => {
    await logout(page);
    await login(page, 'donvi');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xây dựng kế hoạch thực hiện của đơn vị' });
    await pickOrg(page, 'Đơn vị xây dựng kế hoạch', 'dien bien phu', UNIT);
    await dialog.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    await page.waitForURL((url) => /\/plans\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== planUrl);
    await expect.poll(() => page.getByText(`Thực hiện kế hoạch`).count(), POLL).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: planNumber }).count()).toBeGreaterThan(0);

    await fillField(page, 'Trích yếu (tên kế hoạch)', `${TITLE} tại Trung tâm Y tế`);
    await fillField(page, 'Địa danh', 'Điện Biên Phủ');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Đã lưu dự thảo.').count(), POLL).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Khác biệt với kế hoạch cấp trên' }).click();
    const diff = page.getByTestId('plan-diff');
    await expect.poll(() => diff.textContent(), POLL).toContain('Trích yếu (tên kế hoạch)');
    expect(await diff.textContent()).toContain('tại Trung tâm Y tế');
    await shot(page, '06-diff');
  });

  it("the Sở's board shows which units have an implementing plan and reminds the others", async () => {
    await logout(page);
    await login(page, 'tdkt');
    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Theo dõi đơn vị trực thuộc' }).click();
    const row = page.getByRole('row', { name: new RegExp(UNIT) });
    await expect.poll(() => row.textContent(), POLL).toContain('Đang dự thảo');
    const summary = page.getByTestId('board-summary');
    await expect.poll(() => summary.textContent(), POLL).toMatch(/Đang dự thảo: 1 · Chưa có kế hoạch: \d+/);
    expect(await page.getByRole('row', { name: /Bệnh viện Đa khoa tỉnh Điện Biên/ }).textContent()).toContain(
      'Chưa có kế hoạch',
    );
    await shot(page, '07-board');
    await page.getByRole('button', { name: 'Nhắc nhở các đơn vị chưa ban hành' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nhắc nhở' }).click();
    await expect.poll(() => page.getByText(/^Đã nhắc \d+ đơn vị/).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => row.textContent(), POLL).toMatch(/\(1\)/);
    await shot(page, '08-reminded');
  });
});

describe("reports: a unit answers the Sở's report request and the Sở's roll-up shows it", () => {
  const REQUEST = 'Báo cáo sơ kết giai đoạn 2025 - 2027';

  it('the unit fills in and submits its sơ kết report', async () => {
    await logout(page);
    await login(page, 'donvi');
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Báo cáo định kỳ' })
      .click();
    await page
      .getByRole('link', { name: new RegExp(REQUEST) })
      .first()
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: UNIT }).click();
    await page.waitForURL(/\/submissions\//);
    await page.getByLabel('Tỷ lệ hồ sơ bệnh án điện tử (%)').fill('96');
    await page.getByLabel('Tỷ lệ thanh toán không dùng tiền mặt (%)').fill('72,5');
    await page.getByLabel('Tỷ lệ viên chức hoàn thành Bình dân học vụ số (%)').fill('88');
    await page.getByLabel('Số sáng kiến, giải pháp chuyển đổi số được công nhận (sáng kiến)').fill('3');
    await page
      .getByLabel('Kết quả sơ kết giai đoạn 2025 - 2027')
      .fill('Trung tâm đã ban hành kế hoạch thực hiện, triển khai bệnh án điện tử tại 100% khoa lâm sàng.');
    await page
      .getByLabel('Tồn tại, hạn chế và nguyên nhân')
      .fill('Đường truyền tại một số trạm y tế chưa ổn định.');
    await page
      .getByLabel('Nhiệm vụ, giải pháp giai đoạn 2027 - 2030')
      .fill('Hoàn thành hồ sơ sức khỏe điện tử cho toàn dân.');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByText('Đã nộp báo cáo.').count(), POLL).toBeGreaterThan(0);
    await shot(page, '09-report-submitted');
  });

  it("the Sở's roll-up counts the unit's figures", async () => {
    await logout(page);
    await login(page, 'tdkt');
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Báo cáo định kỳ' })
      .click();
    await page
      .getByRole('link', { name: new RegExp(REQUEST) })
      .first()
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const row = page.getByRole('row', { name: new RegExp(UNIT) });
    await expect.poll(() => row.textContent(), POLL).toMatch(/Đã nộp/);
    await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    const emr = page.getByRole('row', { name: /Tỷ lệ hồ sơ bệnh án điện tử/ });
    await expect.poll(() => emr.textContent(), POLL).toContain('96');
    expect(await emr.textContent()).toMatch(/96\s*1$/);
    await shot(page, '10-rollup');
    expect(pageErrors).toEqual([]);
  });
});
