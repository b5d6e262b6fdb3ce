import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runOnPage } from '../../src/content/main';
import { backgroundLink } from '../helpers/background-link';
import { TabStatsMessageSchema } from '../../src/messages';
import { BANNER_TAG, shadowRootOf } from '../../src/overlay';
import { dismissPost, getDismissedPosts, updateSettings } from '../../src/settings';
import type { SiteAdapter } from '../../src/sites/types';
import { whileReading } from './helpers';

const adapter: SiteAdapter = {
  id: 'facebook',
  name: 'Test site',
  matches: ['https://www.facebook.com/*'],
  isActive: () => true,
  findPosts: (root) => [...root.querySelectorAll('article')],
  textElement: (post) => post.querySelector('p'),
  readText: (post) => post.querySelector('p')?.textContent ?? '',
  postId: (post) => post.id,
  bannerSlot: (post) => ({ parent: post, before: post.firstChild }),
};

const SCAM = 'Dibutuhkan CS di Kamboja, gaji 15 juta per bulan, tiket dan mess gratis, tanpa pengalaman. Japri WA.';
let controller: AbortController;
/** Whether the extension still exists; the content script checks it when WXT says its context is invalid. */
let extensionAlive: boolean;
const ctx = () => ({ signal: controller.signal });
const lifetime = () => ({ isExtensionAlive: () => extensionAlive, intervalMs: 20 });
const banners = () => document.querySelectorAll(BANNER_TAG);
/** Every message the content script sent, in order. */
let sent: unknown[];
let background: ReturnType<typeof backgroundLink>;
const run = (adapters: SiteAdapter[] = [adapter]) => runOnPage(ctx(), adapters, lifetime(), background);

beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
  extensionAlive = true;
  background = backgroundLink();
  sent = background.sent;
  document.body.innerHTML = `<article id="p1"><p>${SCAM}</p></article><article id="p2"><p>${SCAM}</p></article>`;
});
afterEach(() => {
  extensionAlive = false;
  controller.abort();
  vi.restoreAllMocks();
});

describe('runOnPage', () => {
  it('shows banners in the stored language and keeps stored dismissals hidden', async () => {
    await updateSettings({ uiLanguage: 'en' });
    await dismissPost({ key: 'facebook:p2', site: 'facebook', excerpt: SCAM, url: 'https://www.facebook.com/', at: 1 });
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    expect(banners()[0]!.parentElement!.id).toBe('p1');
    expect(shadowRootOf(banners()[0]!)!.textContent).toContain('Danger: this looks like a job scam');
  });

  it('applies a language and a dismissal saved in another tab while the page was still loading', async () => {
    // The last thing the page reads: by then its settings and dismissals were read once already.
    whileReading('ngoRulePack', async () => {
      await updateSettings({ uiLanguage: 'en' });
      await dismissPost({ key: 'facebook:p2', site: 'facebook', excerpt: SCAM, url: 'https://www.facebook.com/', at: 1 });
    });
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    expect(banners()[0]!.parentElement!.id).toBe('p1');
    await vi.waitFor(() => expect(shadowRootOf(banners()[0]!)!.textContent).toContain('Danger: this looks like a job scam'));
  });

  it('stores a dismissal made on the banner', async () => {
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    const dismiss = [...shadowRootOf(banners()[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Sembunyikan')!;
    dismiss.click();
    expect(banners()).toHaveLength(1);
    await vi.waitFor(async () => expect((await getDismissedPosts()).map((entry) => entry.key)).toEqual(['facebook:p1']));
  });

  it('follows settings changes and reports its counts to the background', async () => {
    await run();
    const messages = () => sent.filter((m) => (m as { type?: string }).type === 'waspada:tab-stats');
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    await vi.waitFor(() =>
      expect(messages().map((m) => TabStatsMessageSchema.parse(m)).at(-1)).toEqual({
        type: 'waspada:tab-stats',
        checked: 2,
        flagged: 2,
        active: true,
        site: 'facebook',
      }),
    );

    await updateSettings({ disabledSites: ['facebook'] });
    await vi.waitFor(() => expect(banners()).toHaveLength(0));
    await vi.waitFor(() => expect(messages().at(-1)).toMatchObject({ active: false, flagged: 0 }), { timeout: 3000 });
  });

  it('stops for good when the extension is gone (updated, reloaded, removed)', async () => {
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    extensionAlive = false;
    controller.abort();
    expect(banners()).toHaveLength(0);
    await updateSettings({ uiLanguage: 'en' });
    document.body.insertAdjacentHTML('beforeend', `<div><article id="p3"><p>${SCAM}</p></article></div>`);
    await new Promise((done) => setTimeout(done, 100));
    expect(banners()).toHaveLength(0);
  });

  it('notices a disabled or removed extension by itself, with no word from WXT', async () => {
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    extensionAlive = false;
    await vi.waitFor(() => expect(banners()).toHaveLength(0));
  });

  it('keeps warning when the page forges WXT\'s "a newer script started" event (the context aborts, the extension lives)', async () => {
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    controller.abort();
    expect(banners()).toHaveLength(2);
    document.body.insertAdjacentHTML('beforeend', `<div><article id="p3"><p>${SCAM}</p></article></div>`);
    await vi.waitFor(() => expect(banners()).toHaveLength(3));
    await updateSettings({ disabledSites: ['facebook'] });
    await vi.waitFor(() => expect(banners()).toHaveLength(0));
  });

  it('asks the background to assess the posts: one message per slice, each text once', async () => {
    const other = 'Selamat pagi semua, jangan lupa sarapan ya.';
    document.body.insertAdjacentHTML('beforeend', `<article id="p3"><p>${other}</p></article>`);
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    const asks = sent.filter((m) => (m as { type?: string }).type === 'waspada:assess');
    expect(asks).toEqual([{ type: 'waspada:assess', id: 1, texts: [SCAM, other] }]);
    expect(document.querySelector('#p3 p')!.getAttribute('data-waspada-level')).toBe('none');
  });

  it('shows nothing and throws nothing when the background never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const silent = vi.fn(() => Promise.reject(new Error('Could not establish connection')));
      const running = runOnPage(ctx(), [adapter], lifetime(), { send: silent, connect: background.connect });
      await vi.runAllTimersAsync();
      await running;
      expect(silent).toHaveBeenCalledTimes(3);
      expect(banners()).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing on a page no adapter reads', async () => {
    await runOnPage(ctx(), [{ ...adapter, isActive: () => false }]);
    await new Promise((done) => setTimeout(done, 100));
    expect(banners()).toHaveLength(0);
  });
});
