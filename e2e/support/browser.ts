/**
 * What every browser test shares: Debian's chromium (never a downloaded browser), its launch flags
 * for this closed network, a Vietnamese desktop context, screenshots and the login form.
 */
import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags chromium keeps dialing Google's hosts, refused here. */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
export const SHOTS = process.env.E2E_SCREENSHOTS ?? '/tmp/thidua-e2e';
export const DEMO_PASSWORD = 'demo1234';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never npx playwright install)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

/** A context as a Vietnamese user at a desk (or a phone) would have it. */
export function newVietnameseContext(browser: Browser, width = 1366, height = 768): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
}

/** Fills the login form (already on screen) with a demo account and waits to leave /login. */
export async function submitLogin(p: Page, username: string): Promise<void> {
  await p.getByLabel('Tên đăng nhập').fill(username);
  await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await p.getByLabel('Mật khẩu').press('Enter');
  await p.waitForURL((url) => !url.pathname.startsWith('/login'));
}
