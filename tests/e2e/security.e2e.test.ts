/**
 * The page is hostile: it must not be able to switch Waspada off, forge or hide a warning through anything Waspada
 * listens to or leaves in the page. (It can always delete or restyle its own DOM, our hosts included: that residual
 * risk is in README.md.)
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { BROWSERS, SitePage, closeBrowser, extensionOrigin, extensionRuntimeId, isInstalled, launchWithExtension } from './harness';
import { E2E_SITES } from './sites';

// A feed with posts arriving and SPA navigation, and a chat client that recycles its message nodes.
const SITES = E2E_SITES.filter((site) => site.fixture.endsWith('facebook/feed.html') || site.adapterId === 'telegram-k');

for (const spec of BROWSERS) {
  describe.skipIf(!isInstalled(spec))(spec.name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchWithExtension(spec);
    });
    afterAll(async () => {
      if (browser) await closeBrowser(browser);
      browser = undefined;
    });

    for (const site of SITES) {
      describe(`${site.adapterId}: ${site.fixture}`, () => {
        let sitePage: SitePage;
        beforeEach(async () => {
          sitePage = await SitePage.open(await browser!.newPage(), site);
        });
        afterEach(async () => {
          await sitePage?.page.close().catch(() => {});
        });

        it('cannot be switched off by a page dispatching WXT\'s "content-script-started" event', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const before = await sitePage.page.evaluate(() => document.querySelectorAll('waspada-alert').length);
          expect(before).toBeGreaterThan(0);
          // WXT's ContentScriptContext invalidates itself when this event names its script with another instance id.
          // The event name is public (extension id + entrypoint name), so any page can send it.
          const eventName = `${extensionRuntimeId(browser!, spec)}:content:wxt:content-script-started`;
          await sitePage.page.evaluate((name) => {
            const detail = { contentScriptName: 'content', messageId: 'forged-by-the-page' };
            document.dispatchEvent(new CustomEvent(name, { detail }));
            window.dispatchEvent(new CustomEvent(name, { detail }));
            window.postMessage({ type: name, ...detail }, '*');
          }, eventName);
          await new Promise((done) => setTimeout(done, 1500));
          expect(await sitePage.page.evaluate(() => document.querySelectorAll('waspada-alert').length), 'banners after the event').toBe(before);
          expect(await sitePage.problems()).toEqual([]);
          // New posts are still assessed, recycled nodes re-assessed, navigation followed.
          const added = await sitePage.call<string[]>('appendPosts', 3);
          expect(added.length).toBeGreaterThan(0);
          expect(await sitePage.problems(), 'posts arriving after the event').toEqual([]);
          if (await sitePage.hasHelper('recycle')) {
            while ((await sitePage.call('recycle')) !== null) expect(await sitePage.problems(), 'after recycling').toEqual([]);
          }
          for (const route of site.navigate ?? []) {
            await sitePage.call('navigate', route);
            expect(await sitePage.problems(), `after navigating to ${route}`).toEqual([]);
          }
        });

        it('ignores level marks and banner hosts the page writes, and events it fires at the banners', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const posts = await sitePage.posts();
          const flagged = posts.filter((post) => sitePage.expected(post.id!) === 'flag').map((post) => post.id!);
          const clean = posts.filter((post) => sitePage.expected(post.id!) === 'none').map((post) => post.id!);
          expect(flagged.length).toBeGreaterThan(0);
          expect(clean.length).toBeGreaterThan(0);
          await sitePage.page.evaluate(() => {
            // Claim every post is clean, forge a banner host into every post, and poke at the real banners.
            for (const marked of document.querySelectorAll('[data-waspada-level]')) marked.setAttribute('data-waspada-level', 'none');
            for (const host of document.querySelectorAll('waspada-alert')) {
              host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
              host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
              host.setAttribute('level', 'none');
            }
          });
          await sitePage.page.evaluate((ids) => window.__waspadaProbe!.forgeBanners(ids), clean);
          await new Promise((done) => setTimeout(done, 1000));
          const after = await sitePage.posts();
          for (const post of after) {
            const expected = sitePage.expected(post.id!) === 'flag' ? 1 : 0;
            expect(post.banners, `banners on ${post.id} after the page forged some`).toBe(expected);
          }
          // The banners' own buttons were never pressed: after a reload every scam post still has its warning.
          await sitePage.reload();
          expect(await sitePage.problems()).toEqual([]);
        });
      });
    }
  });
}

// Chromium only: its extension can reload itself from its service worker. (Under puppeteer the reloaded version does
// not inject content scripts again, so this test has its own browser and ends with the teardown.)
describe.skipIf(!isInstalled(BROWSERS[0]!))('chromium: the extension really goes', () => {
  it('takes its banners with it when reloaded (updated), so no dead buttons stay on the page', async () => {
    const browser = await launchWithExtension(BROWSERS[0]!);
    try {
      const sitePage = await SitePage.open(await browser.newPage(), E2E_SITES.find((site) => site.adapterId === 'telegram-k')!);
      expect(await sitePage.problems()).toEqual([]);
      const worker = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith(extensionOrigin(browser)));
      // The old content script's runtime id disappears; its own timer notices and it removes everything it made.
      const reload = () => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
      await (await worker.worker())!.evaluate(reload).catch(() => {});
      await sitePage.page.waitForFunction(() => document.querySelectorAll('waspada-alert, [data-waspada-level]').length === 0, { timeout: 10_000 });
    } finally {
      await closeBrowser(browser);
    }
  });
});
