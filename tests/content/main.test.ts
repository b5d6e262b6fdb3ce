import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runOnPage } from '../../src/content/main';
import { TabStatsMessageSchema } from '../../src/messages';
import { BANNER_TAG, shadowRootOf } from '../../src/overlay';
import { dismissPost, getDismissedPosts, updateSettings } from '../../src/settings';
import type { SiteAdapter } from '../../src/sites/types';

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
const ctx = () => ({ signal: controller.signal, addEventListener: vi.fn() });
const banners = () => document.querySelectorAll(BANNER_TAG);

beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
  document.body.innerHTML = `<article id="p1"><p>${SCAM}</p></article><article id="p2"><p>${SCAM}</p></article>`;
});
afterEach(() => controller.abort());

describe('runOnPage', () => {
  it('shows banners in the stored language and keeps stored dismissals hidden', async () => {
    await updateSettings({ uiLanguage: 'en' });
    await dismissPost({ key: 'facebook:p2', site: 'facebook', excerpt: SCAM, url: 'https://www.facebook.com/', at: 1 });
    await runOnPage(ctx(), [adapter]);
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    expect(banners()[0]!.parentElement!.id).toBe('p1');
    expect(shadowRootOf(banners()[0]!)!.textContent).toContain('Danger: this looks like a job scam');
  });

  it('stores a dismissal made on the banner', async () => {
    await runOnPage(ctx(), [adapter]);
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    const dismiss = [...shadowRootOf(banners()[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Sembunyikan')!;
    dismiss.click();
    expect(banners()).toHaveLength(1);
    await vi.waitFor(async () => expect((await getDismissedPosts()).map((entry) => entry.key)).toEqual(['facebook:p1']));
  });

  it('follows settings changes and reports its counts to the background', async () => {
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      messages.push(message);
    });
    await runOnPage(ctx(), [adapter]);
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    await vi.waitFor(() =>
      expect(messages.map((m) => TabStatsMessageSchema.parse(m)).at(-1)).toEqual({
        type: 'waspada:tab-stats',
        checked: 2,
        flagged: 2,
        active: true,
        site: 'facebook',
      }),
    );

    await updateSettings({ disabledSites: ['facebook'] });
    await vi.waitFor(() => expect(banners()).toHaveLength(0));
    await vi.waitFor(() => expect(messages.at(-1)).toMatchObject({ active: false, flagged: 0 }), { timeout: 3000 });
  });

  it('stops for good when its context is invalidated', async () => {
    await runOnPage(ctx(), [adapter]);
    await vi.waitFor(() => expect(banners()).toHaveLength(2));
    controller.abort();
    expect(banners()).toHaveLength(0);
    await updateSettings({ uiLanguage: 'en' });
    document.body.insertAdjacentHTML('beforeend', `<article id="p3"><p>${SCAM}</p></article>`);
    await new Promise((done) => setTimeout(done, 100));
    expect(banners()).toHaveLength(0);
  });

  it('does nothing on a page no adapter reads', async () => {
    await runOnPage(ctx(), [{ ...adapter, isActive: () => false }]);
    await new Promise((done) => setTimeout(done, 100));
    expect(banners()).toHaveLength(0);
  });
});
