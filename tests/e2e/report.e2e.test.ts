/**
 * Reporting in real Chromium, with the built extension and a receiver on loopback: the user sets up the organisation
 * in options, presses Report on a warning on a Facebook-like page served at its real origin, unticks a field, writes
 * a note and sends while the receiver is down; the report stays queued; the browser restarts on the same profile;
 * the receiver comes back; the report arrives exactly once. Every connection the browser opens goes through a
 * recording proxy and every request of the browsed page through interception: the report is the only traffic.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPayloadSchema } from '../../src/report/schema';
import { BROWSERS, type E2ESite, isInstalled, ROOT, SitePage, tabToBanner } from './harness';
import { RecordingProxy } from './helpers/recording-proxy';
import { E2E_SITES } from './sites';
import { ReportReceiver } from './helpers/report-receiver';

// The extension APIs as seen from an extension page, for page.evaluate callbacks.
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};


/** A self-signed certificate for 127.0.0.1, made for this run (the extension only sends reports over https). */
function makeCertificate(dir: string): { key: string; cert: string } {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

class ChromiumSession {
  private constructor(readonly browser: Browser) {}

  /** Chromium with the built extension, on `profile` so a second launch is a restart. */
  static async launch(profile: string, proxy: RecordingProxy): Promise<ChromiumSession> {
    const browser = await puppeteer.launch({
      executablePath: chromiumSpec.executable,
      headless: true,
      userDataDir: profile,
      enableExtensions: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--no-first-run',
        '--no-default-browser-check',
        // Only for the loopback receiver's self-signed certificate: the extension itself still requires https.
        '--ignore-certificate-errors',
        // Every connection the browser opens goes through the recording proxy, from the first moment.
        ...proxy.chromiumArgs,
        `--disable-extensions-except=${chromiumSpec.build}`,
        `--load-extension=${chromiumSpec.build}`,
      ],
    });
    return new ChromiumSession(browser);
  }

  async extensionId(): Promise<string> {
    const worker = await this.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
    return new URL(worker.url()).host;
  }

  async newPage(): Promise<Page> {
    return this.browser.newPage();
  }

  async close(): Promise<void> {
    const process = this.browser.process();
    await Promise.race([this.browser.close(), new Promise((done) => setTimeout(done, 10_000))]);
    if (process && process.exitCode === null) process.kill('SIGKILL');
  }
}

/**
 * Chromium's own services (time, component and extension updates, accounts), which it contacts even with background
 * networking disabled. Waspada has no reason to talk to any of them.
 */
function isChromiumOwnService(target: string): boolean {
  const host = /^(?:[A-Z]+ )?(?:https?:\/\/)?([^/:]+)/.exec(target)?.[1] ?? '';
  return /(?:^|\.)(?:google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/.test(host);
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 250));
    value = await read();
  }
  return value;
}

/** A request the browsed tab made, with what started it (Chromium's DevTools initiator). */
interface PageRequest {
  method: string;
  url: string;
  navigation: boolean;
  initiator: ReturnType<HTTPRequest['initiator']>;
}

/** Resource addresses the fixture's own markup names (src and srcset attributes), as the page's HTML parser requests them. */
function markupResourceUrls(site: E2ESite): Set<string> {
  const html = readFileSync(join(ROOT, site.fixture), 'utf8');
  const urls = new Set<string>();
  for (const [, name, value] of html.matchAll(/\s(src|srcset)="([^"]*)"/g)) {
    const decoded = value!.replace(/&amp;/g, '&');
    const candidates = name === 'srcset' ? decoded.split(',').map((entry) => entry.trim().split(/\s+/)[0]!) : [decoded];
    for (const candidate of candidates) if (candidate) urls.add(new URL(candidate, site.url).href);
  }
  return urls;
}

/**
 * Whether the browsed tab's request is the page's own doing rather than the extension's: the navigation to the page,
 * the browser's favicon, a data: URL (never the network), or a resource named in the fixture's markup that the page's
 * HTML parser asked for. Not the page's: anything a script started (a content-script fetch has initiator "script"
 * with chrome-extension:// frames) or that has no initiator in the page (an element the extension inserts: "other").
 */
function isPageOwnRequest(request: PageRequest, site: E2ESite, markupUrls: Set<string>): boolean {
  const { url, initiator } = request;
  if (url.startsWith('data:')) return true;
  if (request.navigation && url === site.url) return true;
  if (initiator?.type === 'other' && url === new URL('/favicon.ico', site.url).href) return true;
  return initiator?.type === 'parser' && initiator.url === site.url && markupUrls.has(url);
}

type StoredView = { id: string; delivery: { state: string; reason?: string; attempts?: number } };
const storedReports = (page: Page) =>
  page.evaluate(() => chrome.storage.local.get('reports').then((x) => (x.reports ?? []) as StoredView[]));

// Missing browsers are reported by global-setup.ts (a failure under CI); the build comes from it or from `npm test`.
const chromiumSpec = BROWSERS.find((spec) => spec.name === 'chromium')!;

describe.runIf(isInstalled(chromiumSpec))('reporting in real Chromium', () => {
  let work: string;
  let receiver: ReportReceiver;
  let chromium: ChromiumSession | null = null;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'waspada-report-e2e-'));
    receiver = await ReportReceiver.start({ tls: makeCertificate(work) });
    proxy = await RecordingProxy.start();
  });
  afterAll(async () => {
    await chromium?.close();
    await receiver?.stop();
    await proxy?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('queues while the receiver is down, survives a browser restart, and delivers exactly once', async () => {
    const profile = join(work, 'profile');
    chromium = await ChromiumSession.launch(profile, proxy);
    const extensionId = await chromium.extensionId();
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

    // The organisation's receiver, set up the way a user would: in the options page's reports section.
    const options = await chromium.newPage();
    await options.goto(extensionUrl('options.html#reports'));
    await options.waitForSelector('form.destination input[name=url]');
    // The welcome page opens on install; a tab in the background gets no frames, so clicks there never finish.
    await options.bringToFront();
    await options.type('form.destination input[name=name]', 'Test NGO');
    await options.type('form.destination input[name=url]', receiver.url);
    await options.click('form.destination button[type=submit]');
    await waitFor('the destination to be saved', () => options.evaluate(() => chrome.storage.local.get('reportDestination')), (v) => Boolean(v.reportDestination));

    // The user browses a Facebook-like page served at its real origin and presses Report on a warning.
    await receiver.stop();
    const site = E2E_SITES.find((row) => row.adapterId === 'facebook')!;
    const browsing = await chromium.newPage();
    // What the page and the content script ask for while browsing (answered or aborted by interception).
    const pageRequests: PageRequest[] = [];
    browsing.on('request', (request) => {
      pageRequests.push({ method: request.method(), url: request.url(), navigation: request.isNavigationRequest(), initiator: request.initiator() });
    });
    const sitePage = await SitePage.open(browsing, site);
    expect(await sitePage.problems()).toEqual([]);
    await browsing.bringToFront();
    expect(await tabToBanner(browsing), 'Tab never reached a banner').not.toBeNull();
    const reportedPost = await browsing.evaluate(() => window.__waspadaProbe!.focusedBannerPost());
    expect(reportedPost).not.toBeNull();
    await browsing.keyboard.press('Tab'); // the banner's second stop: Report
    await browsing.keyboard.press('Enter');

    // The background saved a draft and opened the form with only its id in the URL.
    const formTarget = await chromium.browser.waitForTarget((t) => t.url().startsWith(extensionUrl('report.html?id=')), { timeout: 15_000 });
    const draftId = new URL(formTarget.url()).searchParams.get('id')!;
    const drafts = await storedReports((await formTarget.page())!);
    expect(drafts).toMatchObject([{ id: draftId, delivery: { state: 'saved' } }]);
    expect(receiver.requests).toHaveLength(0);

    const form = (await formTarget.page())!;
    await form.waitForSelector('[data-field=author] input[type=checkbox]');
    await form.bringToFront();
    await form.click('[data-field=author] input[type=checkbox]');
    await form.type('[data-field=note] textarea', 'Saw it in a job group');
    await form.click('[data-action=send-ngo]');

    const failed = await waitFor('a failed first attempt', () => storedReports(form), (r) => r[0]?.delivery.state === 'failed');
    expect(failed[0]!.delivery).toMatchObject({ state: 'failed', attempts: 1, reason: expect.stringContaining('Could not reach') });
    await form.waitForSelector('[data-status=failed]');
    expect(receiver.requests).toHaveLength(0);

    await chromium.close();
    await receiver.listen();
    chromium = await ChromiumSession.launch(profile, proxy);
    const afterRestart = await chromium.newPage();
    await chromium.extensionId();
    await afterRestart.goto(extensionUrl(`report.html?id=${draftId}`));

    const delivered = await waitFor('delivery after the restart', () => storedReports(afterRestart), (r) => r[0]?.delivery.state === 'delivered', 90_000);
    expect(delivered[0]!.delivery).toMatchObject({ state: 'delivered', receipt: draftId });
    await afterRestart.waitForSelector('[data-status=delivered]');
    const list = await chromium.newPage();
    await list.goto(extensionUrl('options.html#reports'));
    await list.waitForSelector(`[data-report-id="${draftId}"][data-status=delivered]`);

    // Give a duplicate every chance to show up, then count by idempotency key and by raw successful requests.
    await new Promise((done) => setTimeout(done, 3_000));
    expect([...receiver.accepted.keys()]).toEqual([draftId]);
    expect(receiver.successfulRequests).toHaveLength(1);
    const request = receiver.successfulRequests[0]!;
    expect(request.headers['idempotency-key']).toBe(draftId);
    const payload = ReportPayloadSchema.parse(JSON.parse(request.body));
    expect(payload.note).toBe('Saw it in a job group');
    expect(payload.post.author).toBeUndefined();
    expect(payload).toMatchObject({ site: 'facebook', post: { pageUrl: site.url } });
    expect(payload.post.text?.length).toBeGreaterThan(20);
    expect(payload.reasons?.length).toBeGreaterThan(0);

    // The only network traffic: connections to the receiver, for the report (the failed attempt could not connect).
    const receiverHost = new URL(receiver.url).host;
    expect(proxy.seen).toContain(receiverHost);
    // Connections to the browsed page's own origin are Chromium preconnecting for the navigation: every request to that
    // origin is answered by interception and checked below, so none of them left the browser.
    const browsedOrigin = `${new URL(site.url).hostname}:443`;
    expect(proxy.seen.filter((target) => target !== receiverHost && target !== browsedOrigin && !isChromiumOwnService(target))).toEqual([]);
    // In the browsed tab: the page's own requests (its navigation, the resources its markup names) and nothing the
    // extension started, intercepted or not. The Facebook fixtures reproduce Facebook's emoji images: those are the page's.
    const markupUrls = markupResourceUrls(site);
    expect(pageRequests.some((r) => r.navigation)).toBe(true);
    const notPageOwn = pageRequests.filter((r) => !isPageOwnRequest(r, site, markupUrls));
    expect(notPageOwn.map((r) => `${r.method} ${r.url} (initiator: ${JSON.stringify(r.initiator)})`)).toEqual([]);
  });
});
