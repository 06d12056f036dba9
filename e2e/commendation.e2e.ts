/**
 * Issue 3's browser flow, in Debian chromium against the real application with the demo seed
 * (see e2e/foundation.e2e.ts for the set-up). Screenshots go to /tmp/thidua-e2e (prefix 3x-).
 *
 *  1. the public honour board and disclosure pages work without login and show no identifiers;
 *     the TĐKT officer searches the award register without diacritics, opens a history, exports
 *     XLSX, and sees the statistics charts;
 *  2. the commendation flow: a department head proposes two staff of the khoa for CSTĐCS — one
 *     not eligible, and the UI says why — and submits; the TĐKT officer appraises and sends to the
 *     council; the 5 council members vote 4 đồng ý / 1 không đồng ý on the eligible one; the chair
 *     closes; the director issues the decision; the DOCX and PDF download; the honour board shows
 *     the awardee.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVietnameseContext, SHOTS, submitLogin } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let current: Page | null = null;
const pageErrors: string[] = [];

async function shot(p: Page, name: string, fullPage = false) {
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function newPage(width = 1366, height = 768): Promise<Page> {
  const context = await newVietnameseContext(browser, width, height);
  contexts.push(context);
  const p = await context.newPage();
  p.setDefaultTimeout(60_000);
  p.on('pageerror', (err) => pageErrors.push(err.message));
  current = p;
  return p;
}

/**
 * Opens the login page. Other sessions' browser tests rebuild the shared dist/web while this one
 * runs; a page loaded just before a rebuild cannot import its lazy chunks any more, so reload
 * (new index.html, new chunks) when the form does not appear.
 */
async function openLogin(p: Page) {
  await p.goto(`${server.url}/login`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await p.getByLabel('Tên đăng nhập').waitFor({ timeout: 20_000 });
      return;
    } catch {
      await p.reload();
    }
  }
  await p.getByLabel('Tên đăng nhập').waitFor();
}

/** A fresh browser context signed in as `username` (each role in its own context, like its own browser). */
async function signedIn(username: string): Promise<Page> {
  const p = await newPage();
  await openLogin(p);
  await submitLogin(p, username);
  return p;
}

/** expect.poll with a timeout for a shared, slow 2-core machine (lazy chunks, a busy embedded database). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

function menu(p: Page) {
  return p.getByRole('navigation', { name: 'Menu chính' });
}

/** Staff codes and birth dates of the demo people, to check that public pages never show them. */
async function identifiersOf(p: Page, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names.slice(0, 10)) {
    const res = await p.request.get(
      `${server.url}/api/staff?q=${encodeURIComponent(name)}&pageSize=5&status=all`,
    );
    if (!res.ok()) continue;
    const body = (await res.json()) as {
      items: { fullName: string; staffCode: string; birthDate: string | null }[];
    };
    for (const s of body.items.filter((i) => i.fullName === name)) {
      out.push(s.staffCode);
      if (s.birthDate) {
        const [y, m, d] = s.birthDate.split('-');
        out.push(`${d}/${m}/${y}`);
      }
    }
  }
  return out;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current && !current.isClosed()) {
    await shot(current, `failed-3x-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`, true).catch(
      () => {},
    );
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('public pages, award register and statistics', () => {
  it('shows the honour board without login, with awardees and stories but no identifiers', async () => {
    const p = await newPage();
    await openLogin(p);
    await p.getByRole('link', { name: 'Bảng vàng' }).click();
    await p.waitForURL(/\/bang-vang/);
    await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toMatch(/^\s*Bảng vàng/);
    const rows = p.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    // people (a position title under the name), not collectives
    const names = (
      await p.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2):has(div) strong').allTextContents()
    ).map((s) => s.trim());
    expect(names.length).toBeGreaterThan(0);
    expect(await p.locator('article').count()).toBeGreaterThan(0);
    await shot(p, '31-honour-board-1366', true);

    // the identifiers of the people shown (read with a signed-in officer) never reach the public page
    const officer = await signedIn('tdkt');
    const secrets = await identifiersOf(officer, names);
    expect(secrets.length).toBeGreaterThan(0);
    const html = await p.content();
    for (const s of secrets) expect(html).not.toContain(s);
    const api = await p.request.get(`${server.url}/api/public/honour-board`);
    expect(api.status()).toBe(200);
    const body = await api.text();
    for (const s of secrets) expect(body).not.toContain(s);
    expect(body).not.toMatch(/"(personId|staffCode|birthDate|personalId)"/);

    await p
      .getByRole('navigation', { name: 'Trang công khai' })
      .getByRole('link', { name: 'Công khai lấy ý kiến' })
      .click();
    await p.waitForURL(/\/cong-khai$/);
    await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Công khai danh sách đề nghị khen thưởng',
    );
  });

  it('searches the award register without diacritics, opens a history and exports XLSX', async () => {
    const p = await signedIn('tdkt');
    await menu(p).getByRole('link', { name: 'Sổ khen thưởng' }).click();
    await p.waitForURL(/\/register/);
    await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Sổ khen thưởng');
    const rows = p.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    // take a name from the register and search it folded, without diacritics
    const first = (await rows.first().locator('td:nth-child(2) button').textContent())!.trim();
    const folded = first
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    await p.getByLabel('Tìm theo tên, tập thể, số quyết định').fill(folded);
    await poll(() => p.url()).toContain('q=');
    await poll(async () =>
      (await rows.locator('td:nth-child(2) button').allTextContents()).map((s) => s.trim()),
    ).toContain(first);
    await rows.first().locator('td:nth-child(2) button').click();
    const drawer = p.locator('.ant-drawer');
    await poll(() => drawer.getByText(`Quá trình khen thưởng: ${first}`).isVisible()).toBe(true);
    await shot(p, '32-register-history-1366');
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.locator('.ant-drawer-close'))
      .first()
      .click();

    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Sổ khen thưởng .*\.xlsx$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows statistics as tables and accessible SVG charts', async () => {
    const p = await signedIn('tdkt');
    await menu(p).getByRole('link', { name: 'Thống kê khen thưởng' }).click();
    await p.waitForURL(/\/statistics/);
    const chart = p.getByRole('img', { name: /^Số lượt khen thưởng theo năm/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    await p.getByRole('tab', { name: 'Theo đơn vị' }).click();
    await p.getByRole('img', { name: 'Số lượt theo đơn vị' }).waitFor();
    await shot(p, '33-statistics-1366', true);
    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Xuất Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^Thống kê khen thưởng \d{4}-\d{4}\.xlsx$/);
  });
});

// ------------------------------------------------------------------------------------------
// The commendation flow
// ------------------------------------------------------------------------------------------

const YEAR = 2025;
const ROUND_TITLE = `Khen thưởng tổng kết năm ${YEAR} (kiểm thử trình duyệt)`;
const SESSION_TITLE = `Xét khen thưởng tổng kết năm ${YEAR} – kiểm thử`;
const RETURN_REASON = 'Bổ sung minh chứng sáng kiến đã được công nhận';
const COUNCIL_MEMBERS = ['hoidong', 'hoidong2', 'hoidong3', 'hoidong4', 'hoidong5'];

interface Colleague {
  id: string;
  fullName: string;
  staffCode: string;
}

/** JSON API calls with the page's session (CSRF token from /api/auth/me), for set-up only. */
async function apiOf(p: Page) {
  const me = await p.request.get(`${server.url}/api/auth/me`);
  expect(me.status()).toBe(200);
  const { csrfToken, user } = (await me.json()) as {
    csrfToken: string;
    user: { roles: { role: string; orgId: string; orgName: string }[] };
  };
  return {
    user,
    get: async <T>(url: string): Promise<T> => {
      const res = await p.request.get(`${server.url}/api${url}`);
      expect(res.status(), `GET ${url}: ${await res.text()}`).toBe(200);
      return (await res.json()) as T;
    },
    post: async <T>(url: string, data: unknown): Promise<T> => {
      const res = await p.request.post(`${server.url}/api${url}`, {
        data: data as object,
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(res.status(), `POST ${url}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
  };
}

const isoDay = (offset: number) => {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Chooses an option of an antd Select opened from its labelled combobox. */
async function choose(p: Page, label: string, option: string | RegExp, typed?: string) {
  const box = p.getByLabel(label, { exact: true });
  await box.click();
  if (typed) await box.fill(typed);
  await p
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

describe('commendation flow: proposal → appraisal → secret ballot → decision → honour board', () => {
  let eligible: Colleague;
  let ineligible: Colleague;
  let khoaName: string;
  let soId: string;
  let proposalUrl: string;

  it('sets up: the Sở opens the 2025 round with a public comment period; the khoa has one eligible and one ineligible colleague', async () => {
    const tdkt = await signedIn('tdkt');
    const api = await apiOf(tdkt);
    soId = api.user.roles.find((r) => r.role === 'tdkt')!.orgId;
    await api.post('/rounds', {
      orgId: soId,
      kind: 'annual',
      year: YEAR,
      title: ROUND_TITLE,
      deadline: isoDay(20),
      publicCommentFrom: isoDay(-1),
      publicCommentUntil: isoDay(10),
    });

    const head = await signedIn('truongkhoa');
    const hapi = await apiOf(head);
    const khoa = hapi.user.roles.find((r) => r.role === 'dept_head')!;
    khoaName = khoa.orgName;
    const staff = await hapi.get<{ items: Colleague[] }>(`/staff?orgId=${khoa.orgId}&pageSize=100`);
    const verdicts: { c: Colleague; status: string }[] = [];
    for (const c of staff.items) {
      const e = await hapi.get<{ verdicts: { code: string; status: string }[] }>(
        `/eligibility/people/${c.id}?year=${YEAR}&codes=CSTDCS`,
      );
      verdicts.push({ c, status: e.verdicts.find((v) => v.code === 'CSTDCS')?.status ?? 'none' });
    }
    const yes = verdicts.find((v) => v.status === 'eligible');
    const no = verdicts.find((v) => v.status === 'not_eligible');
    expect(yes, 'the demo khoa has a colleague eligible for CSTĐCS 2025').toBeDefined();
    expect(no, 'the demo khoa has a colleague not eligible for CSTĐCS 2025').toBeDefined();
    eligible = yes!.c;
    ineligible = no!.c;
  });

  async function propose(head: Page, c: Colleague) {
    await menu(head).getByRole('link', { name: 'Đề nghị khen thưởng', exact: true }).click();
    await head.waitForURL(/\/proposals/);
    await head.getByRole('button', { name: 'Lập đề nghị' }).click();
    const dialog = head.locator('.ant-modal').filter({ hasText: 'Lập đề nghị khen thưởng' });
    await dialog.waitFor();
    await choose(head, 'Đợt khen thưởng', ROUND_TITLE);
    const folded = c.fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    await choose(head, 'Cá nhân được đề nghị', c.staffCode, c.staffCode);
    expect(folded.length).toBeGreaterThan(0);
    await choose(head, 'Danh hiệu, hình thức đề nghị', /Chiến sĩ thi đua cơ sở/);
    await dialog.getByRole('button', { name: 'Tạo đề nghị' }).click();
    await head.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    return head.url();
  }

  it('the department head proposes both; the UI says why one is not eligible; submits the eligible one', async () => {
    const head = await signedIn('truongkhoa');
    await propose(head, ineligible);
    const section = head
      .getByRole('region', { name: 'Điều kiện, tiêu chuẩn' })
      .or(head.locator('section[aria-label="Điều kiện, tiêu chuẩn"]'));
    await poll(() => section.first().textContent()).toContain('Chiến sĩ thi đua cơ sở: Chưa đủ điều kiện');
    const why = (await section.first().textContent()) ?? '';
    // the explanation names the failed condition (the rating or the merit of the year)
    expect(why).toMatch(/xuất sắc|sáng kiến|Lao động tiên tiến/i);
    await shot(head, '34-proposal-not-eligible-1366', true);

    proposalUrl = await propose(head, eligible);
    await poll(() => section.first().textContent()).toContain('Chiến sĩ thi đua cơ sở: Đủ điều kiện');
    await head.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await poll(() => head.getByText('Đã thực hiện: Gửi đề nghị.').isVisible()).toBe(true);
    await shot(head, '35-proposal-submitted-1366', true);
  });

  it('the TĐKT officer returns it with a reason; the department head sees the reason and sends it again', async () => {
    const tdkt = await signedIn('tdkt');
    await tdkt.goto(proposalUrl);
    await tdkt.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = tdkt.getByRole('dialog', { name: 'Trả lại: nêu lý do' });
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click(); // no reason yet
    await poll(() => dialog.getByText('Vui lòng nêu lý do').isVisible()).toBe(true);
    await dialog.getByLabel('Lý do').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await poll(() => tdkt.getByText('Đã thực hiện: Trả lại.').isVisible()).toBe(true);
    await tdkt.close();

    const head = await signedIn('truongkhoa');
    await head.goto(proposalUrl);
    await poll(() => head.getByText(`Lý do trả lại: ${RETURN_REASON}`).first().isVisible()).toBe(true);
    await shot(head, '35b-proposal-returned-1366', true);
    await head.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await poll(() => head.getByText('Đã thực hiện: Gửi lại.').isVisible()).toBe(true);
    await head.close();
  });

  it('the TĐKT officer appraises and sends it to the council; the disclosure page lists it without identifiers', async () => {
    const tdkt = await signedIn('tdkt');
    await tdkt.goto(proposalUrl);
    await tdkt.getByRole('button', { name: 'Thẩm định' }).click();
    await poll(() => tdkt.getByText('Đã thực hiện: Thẩm định.').isVisible()).toBe(true);
    await tdkt.getByRole('button', { name: 'Trình Hội đồng' }).click();
    await poll(() => tdkt.getByText('Đã thực hiện: Trình Hội đồng.').isVisible()).toBe(true);

    // public disclosure during the comment period
    const visitor = await newPage();
    await visitor.goto(`${server.url}/cong-khai`);
    await visitor.getByRole('link', { name: ROUND_TITLE }).click();
    await visitor.waitForURL(/\/cong-khai\/dot\//);
    const row = visitor.getByRole('row').filter({ hasText: eligible.fullName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Chiến sĩ thi đua cơ sở');
    const html = await visitor.content();
    expect(html).not.toContain(eligible.staffCode);
    expect(html).not.toContain(eligible.id);
    expect(html).not.toContain(ineligible.fullName); // a draft is never disclosed
    await shot(visitor, '36-disclosure-1366', true);
  });

  it('the council votes by secret ballot: 4 đồng ý, 1 không đồng ý; the chair closes', async () => {
    const tdkt = await signedIn('tdkt');
    await menu(tdkt)
      .getByRole('link', { name: 'Hội đồng thi đua – khen thưởng' })
      .or(menu(tdkt).getByRole('link', { name: /Hội đồng/ }))
      .first()
      .click();
    await tdkt.waitForURL(/\/councils/);
    await tdkt.getByRole('button', { name: 'Tạo phiên họp' }).click();
    const dialog = tdkt.locator('.ant-modal').filter({ hasText: 'Nội dung phiên họp' });
    await dialog.getByLabel('Nội dung phiên họp').fill(SESSION_TITLE);
    await dialog
      .getByRole('button', { name: /Tạo|Lưu|OK/ })
      .last()
      .click();
    await tdkt.getByRole('link', { name: SESSION_TITLE }).click();
    await tdkt.waitForURL(/\/councils\/sessions\//);
    const sessionUrl = tdkt.url();
    // everyone present
    const boxes = tdkt.locator('.ant-checkbox-group input[type=checkbox]');
    await poll(() => boxes.count()).toBe(5);
    for (let i = 0; i < 5; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
    await tdkt.getByRole('button', { name: 'Lưu danh sách có mặt' }).click();
    await poll(() => tdkt.getByText(/Đủ số thành viên tham dự: có mặt 5\/5/).isVisible()).toBe(true);
    await tdkt.locator('#agenda-candidates').click();
    await tdkt
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: eligible.fullName })
      .first()
      .click();
    await tdkt.keyboard.press('Escape');
    await tdkt.getByRole('button', { name: 'Đưa vào chương trình' }).click();
    await tdkt.getByRole('row').filter({ hasText: eligible.fullName }).waitFor();

    const chair = await signedIn('hoidong');
    await chair.goto(sessionUrl);
    await chair.getByRole('button', { name: `Mở bỏ phiếu: ${eligible.fullName}` }).click();
    await poll(() => chair.getByText('Đã mở bỏ phiếu.').isVisible()).toBe(true);

    for (const [i, member] of COUNCIL_MEMBERS.entries()) {
      const p = member === 'hoidong' ? chair : await signedIn(member);
      if (p !== chair) await p.goto(sessionUrl);
      const ballot = p.getByRole('group', { name: `Phiếu bầu kín cho ${eligible.fullName}` });
      await ballot.waitFor();
      await ballot.getByRole('button', { name: i === 4 ? 'Không đồng ý' : 'Đồng ý', exact: true }).click();
      await poll(() => p.getByText('Bạn đã bỏ phiếu').isVisible()).toBe(true);
      if (i === 0) await shot(p, '37-ballot-voted-1366', true);
    }

    await chair.reload();
    await chair.getByRole('button', { name: `Kết thúc bỏ phiếu: ${eligible.fullName}` }).click();
    await chair
      .locator('.ant-modal-confirm, .ant-modal')
      .getByRole('button', { name: 'Kết thúc bỏ phiếu' })
      .last()
      .click();
    const result = chair.getByRole('row').filter({ hasText: eligible.fullName });
    await poll(() => result.textContent()).toContain('Đồng ý: 4 · Không đồng ý: 1');
    expect(await result.textContent()).toContain('Đạt');
    await shot(chair, '38-ballot-closed-1366', true);
  });

  it('the director issues the decision; DOCX and PDF download', async () => {
    const tdkt = await signedIn('tdkt');
    await menu(tdkt).getByRole('link', { name: 'Quyết định khen thưởng' }).click();
    await tdkt.waitForURL(/\/decisions/);
    await tdkt.getByRole('button', { name: 'Lập quyết định' }).click();
    const dialog = tdkt.locator('.ant-modal').filter({ hasText: 'Lập dự thảo quyết định khen thưởng' });
    await dialog.waitFor();
    const org = dialog.getByLabel('Cơ quan ban hành');
    await org.click();
    await org.fill('so y te');
    await tdkt.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().click();
    await dialog.getByRole('checkbox', { name: new RegExp(eligible.fullName) }).check();
    const year = dialog.getByLabel('Năm thành tích');
    await year.fill(String(YEAR));
    await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Giám');
    await dialog.getByRole('button', { name: 'Lập quyết định' }).click();
    await tdkt.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    const decisionUrl = tdkt.url();

    const director = await signedIn('giamdoc');
    await director.goto(decisionUrl);
    await director.getByRole('button', { name: 'Ký ban hành' }).click();
    await director
      .locator('.ant-modal-confirm, .ant-modal')
      .getByRole('button', { name: 'Ký ban hành' })
      .last()
      .click();
    await poll(async () => (await director.locator('main').textContent()) ?? '').toMatch(/\d+\/QĐ-/);
    await shot(director, '39-decision-issued-1366', true);

    for (const [label, mime, magic] of [
      [
        'Tải quyết định (DOCX)',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'PK',
      ],
      ['Tải quyết định (PDF)', 'application/pdf', '%PDF'],
    ] as const) {
      const response = director.waitForResponse(
        (r) =>
          r.url().includes('/api/decisions/') &&
          r.request().method() === 'GET' &&
          (r.headers()['content-type'] ?? '').startsWith(mime),
      );
      const download = director.waitForEvent('download');
      await director.getByRole('button', { name: label }).click();
      const res = await response;
      expect(res.headers()['content-disposition']).toMatch(/attachment; filename=/);
      const file = await download;
      const bytes = fs.readFileSync((await file.path())!);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(bytes.length).toBeGreaterThan(2000);
    }
  });

  it('the honour board shows the awardee', async () => {
    const visitor = await newPage();
    await visitor.goto(`${server.url}/bang-vang?year=${YEAR}`);
    const row = visitor.getByRole('row').filter({ hasText: eligible.fullName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Chiến sĩ thi đua cơ sở');
    expect(await row.textContent()).toContain(khoaName);
    expect(await visitor.content()).not.toContain(eligible.staffCode);
    await shot(visitor, '40-honour-board-awardee-1366', true);
    // Other sessions' browser tests rebuild the shared dist/web while this one runs; a lazy chunk
    // replaced under a loaded page fails to import. That is the environment, not the app.
    expect(pageErrors.filter((e) => !e.startsWith('Failed to fetch dynamically imported module'))).toEqual(
      [],
    );
  });
});
