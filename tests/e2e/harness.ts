/**
 * End-to-end harness: the built extension in Debian's Chromium and Firefox ESR, driven by puppeteer-core (CDP for
 * Chromium, WebDriver BiDi for Firefox). Fixture pages are answered AT THE REAL ORIGINS through request interception
 * (everything else is aborted), so the production `matches` of the manifest apply and no localhost pattern is needed.
 * No tool here downloads a browser: missing browsers are reported by global-setup.ts.
 *
 * Fixture protocol, shared by every site's fixture page:
 * - each post (feed item, message row) carries `data-fixture-post` and `data-fixture-expect="flag"|"clean"`, kept
 *   up to date by the page when it changes a post; hostile posts also carry `data-fixture-hostile`;
 * - `window.__fixture` offers `append(kind: 'flag' | 'clean')`, `recycle()` (reuse nodes for other posts: new id,
 *   new text), `expand()` ("See more"), `rerender()` (the site rebuilds its posts), `likes(item)` (page clicks count).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserSpec {
  name: BrowserName;
  executable: string;
  /** The `wxt build` output this browser loads. */
  build: string;
  /** Debian package that provides it. */
  aptPackage: string;
}

export const BROWSERS: BrowserSpec[] = [
  {
    name: 'chromium',
    executable: process.env.WASPADA_CHROMIUM ?? '/usr/bin/chromium',
    build: resolve(ROOT, '.output/chrome-mv3'),
    aptPackage: 'chromium',
  },
  {
    name: 'firefox',
    executable: process.env.WASPADA_FIREFOX ?? '/usr/bin/firefox-esr',
    build: resolve(ROOT, '.output/firefox-mv2'),
    aptPackage: 'firefox-esr',
  },
];

export const isInstalled = (spec: BrowserSpec) => existsSync(spec.executable);
export const installedBrowsers = () => BROWSERS.filter(isInstalled);
export const missingBrowsers = () => BROWSERS.filter((spec) => !isInstalled(spec));

// This machine has no network: background services would only retry connections and slow the run.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Launches the browser with the built extension installed. Headless unless told otherwise. */
export async function launchWithExtension(spec: BrowserSpec, { headless = true } = {}): Promise<Browser> {
  if (!existsSync(resolve(spec.build, 'manifest.json'))) throw new Error(`No build at ${spec.build}: run npm run build`);
  if (spec.name === 'chromium') {
    return puppeteer.launch({
      executablePath: spec.executable,
      headless,
      enableExtensions: true, // otherwise puppeteer adds --disable-extensions
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${spec.build}`, `--load-extension=${spec.build}`],
      defaultViewport: headless ? { width: 1000, height: 900 } : null,
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: spec.executable,
    headless,
    defaultViewport: headless ? { width: 1000, height: 900 } : null,
  });
  try {
    await browser.installExtension(spec.build);
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
  return browser;
}

/** Closes the browser; kills its process if it does not close in time. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const process = browser.process();
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 10_000).unref());
  const result = await Promise.race([browser.close().then(() => 'closed' as const, () => 'failed' as const), timeout]);
  if (result !== 'closed' && process && process.exitCode === null) process.kill('SIGKILL');
}

/** Answers each URL (exact match, query and hash ignored) with its HTML; aborts every other request. */
export async function serveAtRealOrigins(page: Page, pages: Record<string, string>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    // Decided by URL alone: Firefox over BiDi does not report resourceType().
    const url = new URL(request.url());
    const body = pages[`${url.origin}${url.pathname}`];
    if (body !== undefined) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    else void request.abort();
  });
}

/** One row per site in the table of E2E sites: where the page lives, which fixture answers, which adapter reads it. */
export interface E2ESite {
  adapterId: string;
  /** A production URL the adapter matches; the fixture is served there. */
  url: string;
  /** Fixture page, relative to the repository root. */
  fixture: string;
}

export async function openSite(page: Page, site: E2ESite): Promise<void> {
  const html = readFileSync(resolve(ROOT, site.fixture), 'utf8');
  const url = new URL(site.url);
  await serveAtRealOrigins(page, { [`${url.origin}${url.pathname}`]: html });
  await page.goto(site.url, { waitUntil: 'load' });
}

export interface PostState {
  index: number;
  expect: string;
  hostile: boolean;
  banners: number;
  bannerLevel: string | null;
  textLevel: string | null;
}

/** Every fixture post with what Waspada did to it: banners in or right before it, and its text's level. */
export function readPosts(page: Page): Promise<PostState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-fixture-post]')].map((item, index) => {
      const hosts = [...item.querySelectorAll('waspada-alert')];
      if (item.previousElementSibling?.localName === 'waspada-alert') hosts.push(item.previousElementSibling);
      const marked = item.matches('[data-waspada-level]') ? item : item.querySelector('[data-waspada-level]');
      return {
        index,
        expect: item.getAttribute('data-fixture-expect') ?? '',
        hostile: item.hasAttribute('data-fixture-hostile'),
        banners: hosts.length,
        bannerLevel: hosts[0]?.getAttribute('level') ?? null,
        textLevel: marked?.getAttribute('data-waspada-level') ?? null,
      };
    }),
  );
}

/** Whether a post looks as its expectation says: flagged = one banner; clean = none and level "none"; dismissed = none. */
export function meetsExpectation(post: PostState): boolean {
  const flaggedLevel = post.textLevel === 'high' || post.textLevel === 'caution';
  switch (post.expect) {
    case 'flag':
      return post.banners === 1 && flaggedLevel && post.bannerLevel === post.textLevel;
    case 'clean':
      return post.banners === 0 && post.textLevel === 'none';
    case 'dismissed':
      return post.banners === 0 && flaggedLevel;
    default:
      return false;
  }
}

/**
 * Waits until every post meets its expectation and the page holds no other banner; returns the last reading so a
 * failing test shows what was wrong with which post.
 */
export async function settledPosts(page: Page, timeoutMs = 10_000): Promise<{ posts: PostState[]; strayBanners: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const posts = await readPosts(page);
    const total = await page.evaluate(() => document.querySelectorAll('waspada-alert').length);
    const strayBanners = total - posts.reduce((sum, post) => sum + post.banners, 0);
    if ((posts.every(meetsExpectation) && strayBanners === 0) || Date.now() > deadline) return { posts, strayBanners };
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Calls a `window.__fixture` helper in the page. */
export function fixture(page: Page, helper: 'append' | 'recycle' | 'expand' | 'rerender', arg?: string): Promise<void> {
  return page.evaluate(
    (name, value) => {
      const helpers = (window as unknown as { __fixture: Record<string, (v?: string) => unknown> }).__fixture;
      helpers[name]!(value);
    },
    helper,
    arg,
  );
}

/** Presses Tab until a banner has focus (focus inside a closed shadow root shows as its host); null if none does. */
export async function tabToBanner(page: Page, maxTabs = 80): Promise<ElementHandle<Element> | null> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const host = await page.evaluateHandle(() => (document.activeElement?.localName === 'waspada-alert' ? document.activeElement : null));
    const element = host.asElement() as ElementHandle<Element> | null;
    if (element) return element;
    await host.dispose();
  }
  return null;
}
