/**
 * End-to-end harness: the built extension in Debian's Chromium and Firefox ESR, driven by puppeteer-core (CDP for
 * Chromium, WebDriver BiDi for Firefox). Fixture pages are answered AT THE REAL ORIGINS through request interception
 * (everything else is aborted), so the production `matches` of the manifest apply and no localhost pattern is needed.
 * No tool here downloads a browser: missing browsers are reported by global-setup.ts.
 *
 * Fixture protocol, shared by every site's fixture page (the same as tests/fixtures/sites/<adapter-id>/):
 * - `expectations.json` beside the page maps its file name to `{ "<post id>": "flag" | "none" }` for every post the
 *   page can show (on load, arriving, recycled); `before-expand.json` (optional) gives the outcome of truncated posts
 *   before "See more". Post ids are the adapter's `postId`: the test reads the page through the adapter itself
 *   (probe.ts, bundled into the page), so a site's ids need no extra markup.
 * - `window.__fixture` may offer `appendPosts(n)` → ids, `appendComments(n)` → ids, `receiveMessage()` → id | null,
 *   `expandSeeMore()` → ids, `recycle()` → {from,to} | null, `navigate(route)`; the suite exercises whichever the page
 *   has. A re-render (new nodes, our marks dropped, as React does) is the probe's, so it works on every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import type { ProbedPost } from './probe';

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
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

/** What a user confirms on the welcome page at install: their country of origin and UI language. */
export interface Profile {
  country: string;
  uiLanguage: string;
}

/** The profile the site tests run with: an Indonesian job seeker. */
export const INDONESIAN: Profile = { country: 'ID', uiLanguage: 'id' };

const extensionOrigins = new WeakMap<Browser, string>();

/** `chrome-extension://<id>` or `moz-extension://<uuid>` of the extension in this browser, learnt from its welcome page. */
export function extensionOrigin(browser: Browser): string {
  const origin = extensionOrigins.get(browser);
  if (!origin) throw new Error('The welcome page was never seen in this browser');
  return origin;
}

/**
 * The extension's `runtime.id`: Chromium's id is the host of its pages; Firefox's is the gecko id of the manifest (its
 * pages live at a random per-profile UUID instead). Both are public: any page can know them.
 */
export function extensionRuntimeId(browser: Browser, spec: BrowserSpec): string {
  if (spec.name === 'chromium') return new URL(extensionOrigin(browser)).host;
  const manifest = JSON.parse(readFileSync(resolve(spec.build, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * Launches the browser with the built extension installed, headless unless told otherwise. The extension opens its
 * welcome page on install; with a `profile` the launch answers it as a user would (country, language, save) and
 * closes it, so that tests start from a known, confirmed profile. `profile: null` leaves the page open. `args` go to Chromium.
 */
export async function launchWithExtension(
  spec: BrowserSpec,
  { headless = true, profile = INDONESIAN as Profile | null, args = [] as string[] } = {},
): Promise<Browser> {
  const browser = await launchBare(spec, headless, args);
  try {
    const welcome = await welcomePage(browser);
    if (profile) {
      await confirmWelcome(welcome, profile);
      await welcome.close();
    }
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
  return browser;
}

async function launchBare(spec: BrowserSpec, headless: boolean, args: string[]): Promise<Browser> {
  if (!existsSync(resolve(spec.build, 'manifest.json'))) throw new Error(`No build at ${spec.build}: run npm run build`);
  if (spec.name === 'chromium') {
    return puppeteer.launch({
      executablePath: spec.executable,
      headless,
      enableExtensions: true, // otherwise puppeteer adds --disable-extensions
      args: [...CHROMIUM_ARGS, ...args, `--disable-extensions-except=${spec.build}`, `--load-extension=${spec.build}`],
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

const WELCOME_URL = /^(chrome|moz)-extension:\/\/[^/]+\/welcome\.html/;

/** The welcome page the extension opens by itself on install. */
export async function welcomePage(browser: Browser, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      // Firefox over BiDi reports moz-extension pages as about:blank: ask the page itself.
      const url = WELCOME_URL.test(page.url()) ? page.url() : await page.evaluate(() => location.href).catch(() => '');
      if (!WELCOME_URL.test(url)) continue;
      const parsed = new URL(url);
      // Node gives extension URLs an opaque origin ("null"): build it from scheme and host.
      extensionOrigins.set(browser, `${parsed.protocol}//${parsed.host}`);
      return page;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('The welcome page did not open on install');
}

/** Picks the country and language on the welcome page and saves them. */
export async function confirmWelcome(page: Page, profile: Profile): Promise<void> {
  await page.waitForSelector('select#country');
  await page.select('select#country', profile.country);
  await page.select('select#ui-language', profile.uiLanguage);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[role="status"]');
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
  /** Fixture page, relative to the repository root; expectations.json (and before-expand.json) sit beside it. */
  fixture: string;
  /** Routes for `window.__fixture.navigate`, when the page has SPA navigation. */
  navigate?: string[];
  /** The page has a post whose text is markup (script tags, event handlers): its banner must quote it as characters. */
  hostile?: boolean;
  /** The page lays itself out for phone widths (360 px), so banners there must stay readable, not just not overflow. */
  phoneLayout?: boolean;
}

/** Where the content script gets its adapters; the probe reads pages with the same ones. */
export const ADAPTER_SOURCE = { module: 'src/sites/registry.ts', exportName: 'siteAdapters' };

const probeScripts = new Map<string, Promise<string>>();

/** The probe bundled with the site adapters, as a script to evaluate in the page. */
export function probeScript(adapterId: string): Promise<string> {
  let script = probeScripts.get(adapterId);
  if (!script) {
    const entry = [
      `import { ${ADAPTER_SOURCE.exportName} as adapters } from ${JSON.stringify(resolve(ROOT, ADAPTER_SOURCE.module))};`,
      `import { installProbe } from ${JSON.stringify(resolve(ROOT, 'tests/e2e/probe.ts'))};`,
      `installProbe(adapters, ${JSON.stringify(adapterId)});`,
    ].join('\n');
    script = build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2022',
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    probeScripts.set(adapterId, script);
  }
  return script;
}

export type Outcome = 'flag' | 'none' | 'dismissed';
type Expectations = Record<string, Outcome>;

function readExpectations(fixture: string, file: string): Expectations {
  const path = resolve(ROOT, dirname(fixture), file);
  if (!existsSync(path)) return {};
  const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Expectations>;
  return all[basename(fixture)] ?? {};
}

/** Whether a post looks as expected: flag = one banner at the text's level; none = no banner, level "none"; dismissed = no banner. */
export function meetsOutcome(post: ProbedPost, outcome: Outcome | undefined): boolean {
  const flaggedLevel = post.textLevel === 'high' || post.textLevel === 'caution';
  if (outcome === 'flag') return post.banners === 1 && flaggedLevel && post.bannerLevel === post.textLevel;
  if (outcome === 'none') return post.banners === 0 && post.textLevel === 'none';
  if (outcome === 'dismissed') return post.banners === 0 && flaggedLevel;
  return false;
}

/** A fixture page open in a browser tab, with what each of its posts should look like. */
export class SitePage {
  private readonly final: Expectations;
  private readonly beforeExpand: Expectations;
  private readonly expanded = new Set<string>();

  /**
   * @param remembered what the browser profile remembers across pages (the user's dismissals): the same map for every
   *   page opened in one browser, so a later test expects what an earlier one left behind.
   */
  constructor(
    readonly page: Page,
    readonly site: E2ESite,
    private readonly remembered: Map<string, Outcome> = new Map(),
  ) {
    this.final = readExpectations(site.fixture, 'expectations.json');
    this.beforeExpand = readExpectations(site.fixture, 'before-expand.json');
  }

  static async open(page: Page, site: E2ESite, remembered?: Map<string, Outcome>): Promise<SitePage> {
    const html = readFileSync(resolve(ROOT, site.fixture), 'utf8');
    const url = new URL(site.url);
    await serveAtRealOrigins(page, { [`${url.origin}${url.pathname}`]: html });
    const sitePage = new SitePage(page, site, remembered);
    // Waspada pauses in hidden tabs: the page under test is the one in front.
    await page.bringToFront();
    await page.goto(site.url, { waitUntil: 'load' });
    await sitePage.installProbe();
    return sitePage;
  }

  async reload(): Promise<void> {
    this.expanded.clear();
    await this.page.bringToFront();
    await this.page.reload({ waitUntil: 'load' });
    await this.installProbe();
  }

  private async installProbe() {
    await this.page.evaluate(await probeScript(this.site.adapterId));
  }

  expected(id: string): Outcome | undefined {
    const override = this.remembered.get(id);
    if (override) return override;
    if (id in this.beforeExpand && !this.expanded.has(id)) return this.beforeExpand[id];
    return this.final[id];
  }

  /** The user dismissed this post: from now on it should show no banner. */
  dismissed(id: string): void {
    this.remembered.set(id, 'dismissed');
  }

  /** The site re-renders every post (probe.ts): returns the ids re-rendered. */
  rerender(): Promise<string[]> {
    return this.page.evaluate(() => window.__waspadaProbe!.rerender());
  }

  posts(): Promise<ProbedPost[]> {
    return this.page.evaluate(() => window.__waspadaProbe!.posts());
  }

  /**
   * Waits until every post meets its expectation and no banner is loose; returns what is still wrong (one line per
   * post, empty when all is well) so a failing test says which post and how.
   */
  async problems(timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [posts, stray] = await Promise.all([this.posts(), this.page.evaluate(() => window.__waspadaProbe!.strayBanners())]);
      const wrong = posts
        .filter((post) => post.id === null || !meetsOutcome(post, this.expected(post.id)))
        .map((post) => `post ${post.id}: expected ${post.id === null ? '(no id)' : (this.expected(post.id) ?? '(no expectation)')}, got ${JSON.stringify(post)}`);
      if (stray !== 0) wrong.push(`${stray} banner(s) attached to no post`);
      if (wrong.length === 0 || Date.now() > deadline) return wrong;
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  async hasHelper(name: string): Promise<boolean> {
    return this.page.evaluate((helper) => typeof (window as unknown as { __fixture?: Record<string, unknown> }).__fixture?.[helper] === 'function', name);
  }

  /** Calls a `window.__fixture` helper; records posts that "See more" expanded. */
  async call<T = unknown>(helper: string, ...args: unknown[]): Promise<T> {
    const result = await this.page.evaluate(
      (name, values) => (window as unknown as { __fixture: Record<string, (...v: unknown[]) => unknown> }).__fixture[name]!(...values),
      helper,
      args,
    );
    if (helper === 'expandSeeMore' && Array.isArray(result)) for (const id of result) this.expanded.add(String(id));
    return result as T;
  }
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

let axeSource: string | undefined;

/**
 * Serious and critical accessibility violations axe-core finds on the page (or in the elements `include` selects,
 * open shadow trees included), one line each. axe-core is injected from node_modules: no network.
 */
export async function seriousA11yViolations(page: Page, include?: string): Promise<string[]> {
  axeSource ??= readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    interface AxeResult {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, include ?? null);
}
