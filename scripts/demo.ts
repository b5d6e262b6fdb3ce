/**
 * `npm run demo`: builds the extension and opens Chromium with it on bundled demo pages, served at the sites' real
 * origins (nothing goes to the network). With a display: a window to try it by hand, until you close it.
 * Without one: headless, scrolls through each page and saves screenshots (desktop and 360 px phone width).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS, ROOT, closeBrowser, isInstalled, launchWithExtension, serveAtRealOrigins, tabToBanner } from '../tests/e2e/harness';

interface DemoPage {
  name: string;
  url: string;
  file: string;
}

/** The sites' fixture pages (tests/fixtures/sites/), each at its production address (pages.json). */
const DEMO_PAGES: DemoPage[] = [
  { name: 'facebook-feed', url: 'https://www.facebook.com/', file: 'tests/fixtures/sites/facebook/feed.html' },
  { name: 'facebook-mobile', url: 'https://m.facebook.com/', file: 'tests/fixtures/sites/facebook-mobile/m-feed.html' },
  { name: 'telegram-web-a', url: 'https://web.telegram.org/a/#-1001700000002', file: 'tests/fixtures/sites/telegram-a/channel.html' },
  { name: 'whatsapp-web', url: 'https://web.whatsapp.com/', file: 'tests/fixtures/sites/whatsapp/chat.html' },
  { name: 'x', url: 'https://x.com/home', file: 'tests/fixtures/sites/x/home.html' },
];

const OUTPUT_DIR = resolve(ROOT, 'demo-screenshots');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function main(): Promise<number> {
  const chromium = BROWSERS.find((spec) => spec.name === 'chromium')!;
  if (!isInstalled(chromium)) {
    console.error(`Chromium is not installed at ${chromium.executable}. Install it with:  sudo apt-get install chromium`);
    return 1;
  }
  console.log('Building the extension for Chromium…');
  try {
    execFileSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'chrome'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    throw new Error('wxt build failed');
  }

  const pages = Object.fromEntries(DEMO_PAGES.map((demo) => [pageKey(demo.url), readFileSync(resolve(ROOT, demo.file), 'utf8')]));
  const headed = Boolean(process.env.DISPLAY);
  // With a window the welcome page stays open, as after a real install; headless, it is answered: Indonesia, Indonesian.
  const browser = await launchWithExtension(chromium, { headless: !headed, ...(headed ? { profile: null } : {}) });
  try {
    if (headed) {
      const blank = (await browser.pages()).find((page) => page.url() === 'about:blank');
      for (const [index, demo] of DEMO_PAGES.entries()) {
        const page = index === 0 && blank ? blank : await browser.newPage();
        await serveAtRealOrigins(page, pages);
        await page.goto(demo.url);
      }
      console.log('Chromium is open with Waspada on the demo pages. Close the window to finish.');
      await new Promise<void>((done) => browser.once('disconnected', () => done()));
      return 0;
    }

    mkdirSync(OUTPUT_DIR, { recursive: true });
    const saved: string[] = [];
    for (const demo of DEMO_PAGES) {
      const page = await browser.newPage();
      await serveAtRealOrigins(page, pages);
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(demo.url, { waitUntil: 'load' });
      const banners = await bannersSettled(page);
      await scrollThrough(page);
      saved.push(await shoot(page, `${demo.name}-desktop.png`));

      // Open the first banner's advice from the keyboard, as a user would, to show the official channels.
      await page.evaluate(() => window.scrollTo(0, 0));
      if (await tabToBanner(page)) await page.keyboard.press('Enter');
      await sleep(300);
      const first = await page.$('waspada-alert');
      if (first) saved.push(await shootElement(page, first, `${demo.name}-banner-advice.png`));

      await page.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await sleep(500);
      saved.push(await shoot(page, `${demo.name}-mobile-360-first-screen.png`, false));
      saved.push(await shoot(page, `${demo.name}-mobile-360.png`));
      console.log(`${demo.name}: ${banners} warning banner(s) on ${demo.url}`);
      await page.close();
    }
    console.log(`Screenshots saved in ${OUTPUT_DIR}:`);
    for (const file of saved) console.log(`  ${file}`);
    return 0;
  } finally {
    await closeBrowser(browser);
  }
}

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Waits until the number of banners has been stable for a moment. */
async function bannersSettled(page: Page): Promise<number> {
  let last = -1;
  for (let stable = 0, tries = 0; stable < 3 && tries < 50; tries++) {
    await sleep(200);
    const count = await page.evaluate(() => document.querySelectorAll('waspada-alert').length);
    stable = count === last ? stable + 1 : 0;
    last = count;
  }
  return last;
}

async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await sleep(150);
  }
}

async function shoot(page: Page, name: string, fullPage = true): Promise<string> {
  const path = resolve(OUTPUT_DIR, name);
  await page.screenshot({ path: path as `${string}.png`, fullPage });
  return path;
}

async function shootElement(page: Page, element: NonNullable<Awaited<ReturnType<Page['$']>>>, name: string): Promise<string> {
  const path = resolve(OUTPUT_DIR, name);
  await element.screenshot({ path: path as `${string}.png` });
  return path;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
