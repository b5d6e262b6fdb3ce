/**
 * Issue 4 in real Chromium: the welcome page at install, the options page, the popup and the banner in every UI
 * language (no missing key, no English left where a translation exists, no serious or critical axe-core violation),
 * every control by keyboard, the user's country deciding the banner's channels, and the toolbar badge and popup counts.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { LANGUAGE_TAGS, UI_LANGUAGES, t } from '../../src/i18n';
import { untranslated } from '../i18n/untranslated';
import { channelsFor } from '../../src/channels';
import { BANNER_CHANNELS } from '../../src/overlay/kit';
import {
  BROWSERS,
  SitePage,
  closeBrowser,
  extensionOrigin,
  isInstalled,
  launchWithExtension,
  seriousA11yViolations,
  tabToBanner,
  welcomePage,
} from './harness';
import { bannerUiTextsInChromium, openCopiesOfBannersInChromium } from './chromium-inspect';
import { E2E_SITES } from './sites';

const chromium = BROWSERS.find((spec) => spec.name === 'chromium')!;
const FEED = E2E_SITES.find((site) => site.fixture.endsWith('facebook/feed.html'))!;
/**
 * The page's own words (what a reader sees, minus data shown as is: channel names and numbers, excerpts of posts), the
 * language a screen reader is told, and the title.
 */
async function screen(page: Page): Promise<{ text: string; lang: string; title: string }> {
  return page.evaluate(() => {
    // Each language's name is written in that language, whatever the UI language: data too.
    const DATA = '.channel strong, .channel .value, [data-step] a, .feedback-entry .excerpt, select#ui-language option';
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest(DATA)) words.push(node.nodeValue ?? '');
    return { text: words.join(' '), lang: document.documentElement.lang, title: document.title };
  });
}

/** Opens one of the extension's pages in `page` and waits until it has rendered its settings. */
async function openExtensionPage(page: Page, path: string): Promise<void> {
  await page.goto(`${extensionOrigin(page.browser())}/${path}`, { waitUntil: 'load' });
  await page.waitForSelector('main:not([aria-busy])');
}

/**
 * The browser's tab id of `page`, asked from an extension page while `page` is the active tab. (Waspada has no
 * "tabs" permission, so tabs.query cannot match the site's URL; which tab is active needs none.)
 */
async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await extensionPage.evaluate(() =>
    (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs
      .query({ active: true, lastFocusedWindow: true })
      .then((tabs) => tabs.map((tab) => tab.id)),
  );
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

async function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(
    (id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/**
 * Presses Tab from the top of the page until focus leaves the page or comes back round; returns a name for each
 * stop. Compared with `expectedStops`, it proves Tab reaches every control, in reading order.
 */
async function tabStops(page: Page, max = 120): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      return `${element.localName}#${[...document.querySelectorAll('*')].indexOf(element)}`;
    });
    if (stop === null || stops[0] === stop) break;
    stops.push(stop);
  }
  return stops;
}

/** Every control a keyboard user must reach, in document order (a radio group is one stop: its checked radio). */
async function expectedStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, textarea, [tabindex]')].filter((element) => {
      if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
      if (element.getClientRects().length === 0) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]`)];
        return element.checked || (!group.some((radio) => radio.checked) && group[0] === element);
      }
      return true;
    });
    return controls.map((element) => `${element.localName}#${all.indexOf(element)}`);
  });
}

async function focusAndPress(page: Page, selector: string, key: 'Enter' | 'Space' | 'ArrowDown' | 'ArrowUp'): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press(key);
}

describe.skipIf(!isInstalled(chromium))('chromium: welcome, options, popup and banner in the user\'s language and country', () => {
  let browser: Browser;
  let options: Page;
  let feed: SitePage;

  beforeAll(async () => {
    // No profile: the welcome page the extension opens on install is the first test's to answer.
    browser = await launchWithExtension(chromium, { profile: null });
  });
  afterAll(async () => {
    if (browser) await closeBrowser(browser);
  });

  it('opens the welcome page on install, in the browser\'s language; a keyboard user confirms country and language', async () => {
    const welcome = await welcomePage(browser);
    await welcome.waitForSelector('main:not([aria-busy])');
    const first = await screen(welcome);
    const guessed = UI_LANGUAGES.find((lang) => LANGUAGE_TAGS[lang] === first.lang)!;
    expect(guessed, `page language ${first.lang}`).toBeDefined();
    expect(first.text).toContain(t(guessed, 'welcome.title'));

    expect(await tabStops(welcome)).toEqual(await expectedStops(welcome));
    // Country: Indonesia is first in the list; language: Bahasa Indonesia is first. Keys only, no mouse.
    await welcome.focus('select#country');
    for (let i = 0; i < 10; i++) await welcome.keyboard.press('ArrowUp');
    await welcome.focus('select#ui-language');
    for (let i = 0; i < 10; i++) await welcome.keyboard.press('ArrowUp');
    expect(await welcome.$eval('select#country', (select) => (select as HTMLSelectElement).value)).toBe('ID');
    expect(await welcome.$eval('select#ui-language', (select) => (select as HTMLSelectElement).value)).toBe('id');
    await focusAndPress(welcome, 'button[type="submit"]', 'Enter');
    await welcome.waitForSelector('[role="status"]');
    const saved = await screen(welcome);
    expect(saved.lang).toBe('id');
    expect(saved.text).toContain(t('id', 'welcome.saved'));

    options = await browser.newPage();
    await openExtensionPage(options, 'options.html');
    expect(await options.$eval('select#country', (select) => (select as HTMLSelectElement).value)).toBe('ID');
    expect(await options.$('#country-unconfirmed'), 'the country counts as confirmed').toBeNull();
    await welcome.close();
    feed = await SitePage.open(await browser.newPage(), FEED);
    expect(await feed.problems()).toEqual([]);
  });

  it.each(UI_LANGUAGES.map((lang) => [lang]))(
    'in %s: options, popup, welcome and the banner show every string in that language, with no serious or critical axe violation',
    async (lang) => {
      // Each language starts from a freshly loaded feed with focus at the top, pass or fail: a case that stopped with
      // focus inside a banner would make the next one's Tab land on a channel's tel: link, and Enter would leave the page.
      onTestFinished(() => feed.reload());
      await options.bringToFront();
      await options.select('select#ui-language', lang);
      await options.waitForFunction((tag) => document.documentElement.lang === tag, {}, LANGUAGE_TAGS[lang]);
      const tabId = await tabIdOf(options, feed.page);

      const pages: Array<[string, string]> = [
        ['options', 'options.html'],
        ['popup', `popup.html?tabId=${tabId}`],
        ['welcome', 'welcome.html'],
      ];
      for (const [name, path] of pages) {
        const page = name === 'options' ? options : await browser.newPage();
        if (page !== options) await openExtensionPage(page, path);
        const shown = await screen(page);
        expect(shown.lang, `${name} page language`).toBe(LANGUAGE_TAGS[lang]);
        expect(untranslated(`${shown.title}\n${shown.text}`, lang), `${name} in ${lang}`).toEqual([]);
        expect(await seriousA11yViolations(page), `axe on ${name} in ${lang}`).toEqual([]);
        if (page !== options) await page.close();
      }

      // The banner follows the setting live; open its advice (channels) from the keyboard, then read and check it.
      await feed.page.bringToFront();
      await feed.page.evaluate(() => window.scrollTo(0, 0));
      await feed.page.waitForFunction(() => document.querySelectorAll('waspada-alert').length > 0);
      const host = await tabToBanner(feed.page);
      expect(host, 'Tab reached a banner').not.toBeNull();
      await feed.page.keyboard.press('Enter');
      const [firstBanner] = await bannerUiTextsInChromium(feed.page);
      expect(firstBanner).toContain(t(lang, 'banner.todo.money'));
      // The official channels say what they are for in the reader's language.
      for (const channel of channelsFor('ID', lang).slice(0, BANNER_CHANNELS)) expect(firstBanner).toContain(channel.purpose);
      for (const text of await bannerUiTextsInChromium(feed.page)) {
        expect(text).toContain(t(lang, 'banner.button.report'));
        expect(untranslated(text, lang), `banner in ${lang}`).toEqual([]);
      }
      // axe walks open shadow roots only: check exact copies of what the extension rendered (see chromium-inspect.ts).
      const copies = await openCopiesOfBannersInChromium(feed.page);
      expect(await seriousA11yViolations(feed.page, copies), `axe on the banners in ${lang}`).toEqual([]);
    },
  );

  it('changing the country in options changes the channels in the next banner (Philippines: DMW, not KP2MI)', async () => {
    await options.bringToFront();
    await options.select('select#ui-language', 'en');
    await options.waitForFunction(() => document.documentElement.lang === 'en');
    await options.select('select#country', 'PH');
    await options.waitForFunction(() => document.body.innerText.includes('DMW'));

    const next = await SitePage.open(await browser.newPage(), FEED);
    expect(await next.problems()).toEqual([]);
    expect(await tabToBanner(next.page)).not.toBeNull();
    await next.page.keyboard.press('Space');
    const [banner] = await bannerUiTextsInChromium(next.page);
    expect(banner).toContain('DMW');
    expect(banner).not.toContain('KP2MI');
    await next.page.close();

    await options.bringToFront();
    await options.select('select#country', 'ID');
    await options.waitForFunction(() => document.body.innerText.includes('KP2MI'));
  });

  it('shows the flagged count on the toolbar badge, and the tab\'s checked and flagged posts in its popup', async () => {
    await feed.reload();
    expect(await feed.problems()).toEqual([]);
    const tabId = await tabIdOf(options, feed.page);
    const counts = async () => {
      const posts = await feed.posts();
      return { checked: posts.length, flagged: posts.filter((post) => post.banners === 1).length };
    };
    const expectCounts = async (expected: { checked: number; flagged: number }) => {
      const deadline = Date.now() + 10_000;
      while ((await badgeText(options, tabId)) !== String(expected.flagged) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      expect(await badgeText(options, tabId), 'badge text').toBe(String(expected.flagged));
      const popup = await browser.newPage();
      await openExtensionPage(popup, `popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-count="flagged"]');
      const shown = await popup.evaluate(() => ({
        checked: Number(document.querySelector('[data-count="checked"]')!.textContent),
        flagged: Number(document.querySelector('[data-count="flagged"]')!.textContent),
        state: document.querySelector('main')!.getAttribute('data-state'),
      }));
      expect(shown).toEqual({ ...expected, state: 'active' });
      await popup.close();
    };

    const initial = await counts();
    expect(initial.flagged).toBeGreaterThan(0);
    await expectCounts(initial);
    expect(await badgeText(options, tabId)).toBe(String(initial.flagged));

    // More posts arrive while the user scrolls: the badge and the popup follow.
    await feed.page.bringToFront();
    await feed.call('appendPosts', 3);
    expect(await feed.problems()).toEqual([]);
    const later = await counts();
    expect(later.checked).toBeGreaterThan(initial.checked);
    await expectCounts(later);
  });

  it('lets a keyboard user reach every control of options and popup with Tab and use them with Enter, Space and arrows', async () => {
    const tabId = await tabIdOf(options, feed.page);
    await options.bringToFront();
    await openExtensionPage(options, 'options.html');
    expect(await tabStops(options)).toEqual(await expectedStops(options));

    // Sensitivity: arrow keys move the choice; it is saved.
    const sensitivity = () => options.$eval('input[name="sensitivity"]:checked', (radio) => (radio as HTMLInputElement).value);
    const before = await sensitivity();
    await focusAndPress(options, 'input[name="sensitivity"]:checked', before === 'all' ? 'ArrowDown' : 'ArrowUp');
    await options.waitForFunction((old) => document.querySelector<HTMLInputElement>('input[name="sensitivity"]:checked')?.value !== old, {}, before);
    // A site's checkbox: Space turns it off; it is saved.
    await focusAndPress(options, 'input[name="site"][value="x"]', 'Space');
    await options.waitForFunction(() => !document.querySelector<HTMLInputElement>('input[name="site"][value="x"]')!.checked);
    await openExtensionPage(options, 'options.html');
    expect(await sensitivity()).not.toBe(before);
    expect(await options.$eval('input[name="site"][value="x"]', (box) => (box as HTMLInputElement).checked)).toBe(false);
    // Back as they were, by keyboard too.
    await focusAndPress(options, 'input[name="sensitivity"]:checked', before === 'all' ? 'ArrowUp' : 'ArrowDown');
    await focusAndPress(options, 'input[name="site"][value="x"]', 'Space');
    await options.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="site"][value="x"]')!.checked);
    // Pause from the options page with Enter, resume with Space.
    const pauseButton = '#pause button';
    await focusAndPress(options, pauseButton, 'Enter');
    await options.waitForFunction(() => document.querySelector('#pause button')?.classList.contains('primary'));
    await focusAndPress(options, pauseButton, 'Space');
    await options.waitForFunction(() => !document.querySelector('#pause button')?.classList.contains('primary'));

    const popup = await browser.newPage();
    await openExtensionPage(popup, `popup.html?tabId=${tabId}`);
    await popup.waitForSelector('main[data-state="active"]');
    expect(await tabStops(popup)).toEqual(await expectedStops(popup));
    // Pause for an hour with Space, turn on again with Enter: the same button, focus stays on it.
    await focusAndPress(popup, '.actions button', 'Space');
    await popup.waitForSelector('main[data-state="paused"]');
    expect(await popup.evaluate(() => document.activeElement === document.querySelector('.actions button'))).toBe(true);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('main[data-state="active"]');
    await popup.close();
  });
});
