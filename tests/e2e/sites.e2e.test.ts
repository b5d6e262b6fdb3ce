import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import {
  BROWSERS,
  closeBrowser,
  fixture,
  isInstalled,
  launchWithExtension,
  meetsExpectation,
  openSite,
  readPosts,
  settledPosts,
  tabToBanner,
  type PostState,
} from './harness';
import { bannersInChromium, focusedNameInChromium } from './chromium-inspect';
import { E2E_SITES } from './sites';

/** A readable line per post that is not as expected, for failure messages. */
const wrong = (posts: PostState[]) => posts.filter((post) => !meetsExpectation(post)).map((post) => JSON.stringify(post));

async function expectSettled(page: Page) {
  const { posts, strayBanners } = await settledPosts(page);
  expect(wrong(posts), 'posts not as expected').toEqual([]);
  expect(strayBanners, 'banners not attached to a post').toBe(0);
  return posts;
}

for (const spec of BROWSERS) {
  describe.skipIf(!isInstalled(spec))(`${spec.name}`, () => {
    for (const site of E2E_SITES) {
      describe(`${site.adapterId} at ${site.url}`, () => {
        let browser: Browser;
        let page: Page;

        beforeEach(async () => {
          browser = await launchWithExtension(spec);
          page = await browser.newPage();
          await openSite(page, site);
        });
        afterEach(async () => {
          if (browser) await closeBrowser(browser);
        });

        it('puts exactly one banner on each scam post and none on legitimate jobs, warnings and news', async () => {
          const posts = await expectSettled(page);
          expect(posts.filter((post) => post.expect === 'flag').length).toBeGreaterThan(0);
          expect(posts.filter((post) => post.expect === 'clean').length).toBeGreaterThan(0);
        });

        it('follows the feed: posts added later, recycled nodes, "See more", and re-renders of the site', async () => {
          await expectSettled(page);
          await fixture(page, 'append', 'flag');
          await fixture(page, 'append', 'clean');
          await expectSettled(page);
          await fixture(page, 'recycle');
          await expectSettled(page);
          await fixture(page, 'expand');
          await expectSettled(page);
          for (let round = 0; round < 3; round++) {
            await fixture(page, 'rerender');
            await expectSettled(page);
          }
        });

        it('keeps hostile post text as text: nothing in it runs', async () => {
          const posts = await expectSettled(page);
          expect(posts.some((post) => post.hostile && post.expect === 'flag')).toBe(true);
          await fixture(page, 'rerender');
          await expectSettled(page);
          expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
          if (spec.name === 'chromium') {
            // Chromium's DevTools protocol sees into closed shadow roots: read what the banner really holds.
            const hostile = (await bannersInChromium(page)).find((banner) => banner.postHostile)!;
            expect(hostile).toBeDefined();
            expect(hostile.elementNames.filter((name) => !ALLOWED_IN_BANNER.has(name))).toEqual([]);
            expect(hostile.elementsInQuotes.filter((name) => name !== 'mark')).toEqual([]);
            expect(hostile.quotes.join(' ')).toMatch(/[<>]/);
            const postText = hostile.postText.replace(/\s+/g, ' ');
            for (const quote of hostile.quotes) expect(postText).toContain(quote.replace(/…/g, '').trim());
          }
        });

        it('lets a keyboard user reach the banner buttons and dismiss a post for good', async () => {
          const posts = await expectSettled(page);
          const first = posts.find((post) => post.expect === 'flag')!;
          const host = await tabToBanner(page);
          expect(host, 'Tab never reached a banner').not.toBeNull();
          const stops: string[] = [];
          for (let stop = 0; stop < 4; stop++) {
            expect(await host!.evaluate((el) => document.activeElement === el)).toBe(true);
            if (spec.name === 'chromium') stops.push(await focusedNameInChromium(page));
            await page.keyboard.press('Tab');
          }
          // Focus moves on past the banner: no trap.
          expect(await host!.evaluate((el) => document.activeElement === el)).toBe(false);
          if (spec.name === 'chromium') {
            expect(stops).toEqual(['Apa yang harus saya lakukan?', 'Laporkan', 'Sembunyikan', 'Ini lowongan asli']);
          }
          // Back to the third stop, Dismiss, and press it.
          await page.keyboard.down('Shift');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await page.keyboard.up('Shift');
          await page.keyboard.press('Enter');

          const markDismissed = (index: number) =>
            page.evaluate((i) => document.querySelectorAll('[data-fixture-post]')[i]!.setAttribute('data-fixture-expect', 'dismissed'), index);
          await markDismissed(first.index);
          await expectSettled(page);
          await fixture(page, 'rerender');
          await expectSettled(page);

          // A new page load: the dismissal was stored.
          await page.reload({ waitUntil: 'load' });
          await markDismissed(first.index);
          const after = await expectSettled(page);
          expect(after.filter((post) => post.expect === 'flag').length).toBeGreaterThan(0);
        });

        it('leaves the page working: its clicks land, nothing is covered, and 360 px needs no sideways scroll', async () => {
          const posts = await expectSettled(page);
          const index = posts.find((post) => post.expect === 'flag')!.index;
          const item = (await page.$$('[data-fixture-post]'))[index]!;
          const like = await item.$('button');
          await like!.click();
          expect(await page.evaluate((el) => (window as unknown as { __fixture: { likes(e: Element): number } }).__fixture.likes(el), item)).toBe(1);

          const overlaps = await page.evaluate(() =>
            [...document.querySelectorAll('waspada-alert')].filter((host) => {
              const box = host.getBoundingClientRect();
              return [...document.querySelectorAll('[data-waspada-level]')].some((text) => {
                const other = text.getBoundingClientRect();
                return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
              });
            }).length,
          );
          expect(overlaps, 'banners covering post text').toBe(0);

          await page.setViewport({ width: 360, height: 800 });
          await expectSettled(page);
          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            bannerWidths: [...document.querySelectorAll('waspada-alert')].map((host) => Math.round(host.getBoundingClientRect().width)),
          }));
          expect(layout.scrollWidth).toBeLessThanOrEqual(360);
          for (const width of layout.bannerWidths) expect(width).toBeGreaterThan(250);
          for (const width of layout.bannerWidths) expect(width).toBeLessThanOrEqual(360);
          expect(await readPosts(page)).toHaveLength(posts.length);
        });
      });
    }
  });
}

/** Elements the banner is made of; anything else in it would be page markup come alive. */
const ALLOWED_IN_BANNER = new Set(['style', 'div', 'section', 'p', 'span', 'ul', 'li', 'q', 'mark', 'button', 'a', 'svg', 'path']);
