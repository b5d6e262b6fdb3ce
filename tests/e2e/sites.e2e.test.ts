import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { BROWSERS, SitePage, closeBrowser, isInstalled, launchWithExtension, tabToBanner, type Outcome } from './harness';
import { bannersInChromium, focusedNameInChromium } from './chromium-inspect';
import { E2E_SITES } from './sites';

/** Elements the banner is made of; anything else in it would be page markup come alive. */
const BANNER_ELEMENTS = new Set(['style', 'div', 'section', 'p', 'span', 'ul', 'li', 'q', 'mark', 'button', 'a', 'svg', 'path']);

for (const spec of BROWSERS) {
  describe.skipIf(!isInstalled(spec))(spec.name, () => {
    for (const site of E2E_SITES) {
      describe(`${site.adapterId}: ${site.fixture} at ${site.url}`, () => {
        // One browser per page of the table (a launch costs seconds on two cores); each test opens its own tab.
        let browser: Browser | undefined;
        let sitePage: SitePage;
        const remembered = new Map<string, Outcome>();

        beforeAll(async () => {
          browser = await launchWithExtension(spec);
        });
        afterAll(async () => {
          if (browser) await closeBrowser(browser);
          browser = undefined;
        });
        beforeEach(async () => {
          sitePage = await SitePage.open(await browser!.newPage(), site, remembered);
        });
        afterEach(async () => {
          await sitePage?.page.close().catch(() => {});
        });

        it('puts exactly one banner on each scam post and none on legitimate jobs, warnings and news', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const outcomes = (await sitePage.posts()).map((post) => sitePage.expected(post.id!));
          expect(outcomes).toContain('flag');
          expect(outcomes).toContain('none');
        });

        it('follows the page: posts arriving, "See more", recycled nodes, re-renders and navigation', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const steps: string[] = [];
          if (await sitePage.hasHelper('appendPosts')) {
            const added = await sitePage.call<string[]>('appendPosts', 3);
            expect(added.length, 'appendPosts added nothing').toBeGreaterThan(0);
            steps.push('appendPosts');
            expect(await sitePage.problems(), 'after posts arrived').toEqual([]);
          }
          if (await sitePage.hasHelper('appendComments')) {
            const added = await sitePage.call<string[]>('appendComments', 3);
            expect(added.length, 'appendComments added nothing').toBeGreaterThan(0);
            steps.push('appendComments');
            expect(await sitePage.problems(), 'after comments arrived').toEqual([]);
          }
          if (await sitePage.hasHelper('receiveMessage')) {
            for (let step = 0; step < 3 && (await sitePage.call('receiveMessage')) !== null; step++) {
              expect(await sitePage.problems(), `after message ${step + 1} arrived`).toEqual([]);
            }
            steps.push('receiveMessage');
          }
          if (await sitePage.hasHelper('expandSeeMore')) {
            await sitePage.call('expandSeeMore');
            steps.push('expandSeeMore');
            expect(await sitePage.problems(), 'after See more').toEqual([]);
          }
          if (await sitePage.hasHelper('recycle')) {
            for (let step = 0; step < 10 && (await sitePage.call('recycle')) !== null; step++) {
              expect(await sitePage.problems(), `after recycling ${step + 1}`).toEqual([]);
            }
            steps.push('recycle');
          }
          for (let round = 0; round < 3; round++) {
            expect((await sitePage.rerender()).length).toBeGreaterThan(0);
            expect(await sitePage.problems(), `after re-render ${round + 1}`).toEqual([]);
          }
          steps.push('rerender');
          for (const route of site.navigate ?? []) {
            await sitePage.call('navigate', route);
            expect(await sitePage.problems(), `after navigating to ${route}`).toEqual([]);
            steps.push(`navigate ${route}`);
          }
          expect(steps.length, 'the fixture offers no dynamic behaviour of its own to test').toBeGreaterThan(1);
        });

        it('keeps hostile post text as text: nothing in it runs', async () => {
          expect(await sitePage.problems()).toEqual([]);
          await sitePage.rerender();
          expect(await sitePage.problems()).toEqual([]);
          expect(await sitePage.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
          if (spec.name !== 'chromium') return;
          // Chromium's DevTools protocol sees into closed shadow roots: read what each banner really holds.
          const banners = await bannersInChromium(sitePage.page);
          expect(banners.length).toBeGreaterThan(0);
          for (const banner of banners) {
            expect(banner.elementNames.filter((name) => !BANNER_ELEMENTS.has(name))).toEqual([]);
            expect(banner.elementsInQuotes.filter((name) => name !== 'mark')).toEqual([]);
            // Quotes are the post's own words (compared without whitespace: the adapter puts line breaks between blocks).
            const bare = (text: string) => text.replace(/[\s…]+/g, '');
            // Sites draw emoji as an image plus an aria-hidden copy: the adapter reads one of them.
            for (const quote of banner.quotes) {
              expect([bare(banner.postText), bare(banner.visiblePostText)].some((text) => text.includes(bare(quote))), quote).toBe(true);
            }
          }
          // The hostile post's markup shows up in its quotes as characters.
          if (site.hostile) expect(banners.some((banner) => banner.quotes.some((quote) => /<\w+[/ ]/.test(quote)))).toBe(true);
        });

        it('lets a keyboard user reach the banner buttons and dismiss a post for good', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const host = await tabToBanner(sitePage.page);
          expect(host, 'Tab never reached a banner').not.toBeNull();
          const postId = await sitePage.page.evaluate(() => window.__waspadaProbe!.focusedBannerPost());
          expect(postId).not.toBeNull();
          const stops: string[] = [];
          for (let stop = 0; stop < 4; stop++) {
            expect(await host!.evaluate((el) => document.activeElement === el), `stop ${stop + 1} is in the banner`).toBe(true);
            if (spec.name === 'chromium') stops.push(await focusedNameInChromium(sitePage.page));
            await sitePage.page.keyboard.press('Tab');
          }
          expect(await host!.evaluate((el) => document.activeElement === el), 'focus moves on past the banner').toBe(false);
          if (spec.name === 'chromium') expect(stops).toEqual(['Apa yang harus saya lakukan?', 'Laporkan', 'Sembunyikan', 'Ini lowongan asli']);
          // Back to the third stop, Dismiss, and press it.
          await sitePage.page.keyboard.down('Shift');
          await sitePage.page.keyboard.press('Tab');
          await sitePage.page.keyboard.press('Tab');
          await sitePage.page.keyboard.up('Shift');
          await sitePage.page.keyboard.press('Enter');

          sitePage.dismissed(postId!);
          expect(await sitePage.problems(), 'after Dismiss').toEqual([]);
          await sitePage.rerender();
          expect(await sitePage.problems(), 'after a re-render').toEqual([]);
          await sitePage.reload();
          expect(await sitePage.problems(), 'after a new page load').toEqual([]);
        });

        it('leaves the page working: its clicks land on the post, nothing is covered, and 360 px gets no sideways scroll', async () => {
          expect(await sitePage.problems()).toEqual([]);
          const flagged = (await sitePage.posts()).find((post) => sitePage.expected(post.id!) === 'flag')!;
          const point = await sitePage.page.evaluate((id) => window.__waspadaProbe!.textPoint(id), flagged.id!);
          expect(point).not.toBeNull();
          await sitePage.page.mouse.click(point!.x, point!.y);
          expect(await sitePage.page.evaluate(() => window.__waspadaProbe!.lastClickedPost())).toBe(flagged.id);
          expect(await sitePage.page.evaluate(() => window.__waspadaProbe!.coveredTexts()), 'post texts covered').toEqual([]);

          await sitePage.page.setViewport({ width: 360, height: 800 });
          expect(await sitePage.problems()).toEqual([]);
          expect(await sitePage.page.evaluate(() => window.__waspadaProbe!.overflowFromBanners()), 'sideways scroll caused by banners').toBeLessThanOrEqual(0);
          // Desktop-only layouts (WhatsApp Web, the chat list beside a Telegram chat) squeeze posts at 360 px whatever we do.
          if (!site.phoneLayout) return;
          expect(await sitePage.page.evaluate(() => window.__waspadaProbe!.coveredTexts()), 'post texts covered at 360 px').toEqual([]);
          const widths = await sitePage.page.evaluate(() =>
            [...document.querySelectorAll('waspada-alert')].map((host) => Math.round(host.getBoundingClientRect().width)),
          );
          expect(widths.length).toBeGreaterThan(0);
          for (const width of widths) expect(width, 'banner width at 360 px').toBeGreaterThan(280);
        });
      });
    }
  });
}
