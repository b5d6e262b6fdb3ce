import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { Assessment } from '../../src/detect/types';
import type { OfficialChannel } from '../../src/channels/schema';
import { Banner } from '../../src/overlay/banner';
import { BANNER_TAG, bannerLanguage, createOverlay, shadowRootOf, type BannerContent } from '../../src/overlay';

const text = 'Dibutuhkan CS di Kamboja, gaji 15jt per bulan, tiket ditanggung.';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word });
const scam: Assessment = {
  level: 'high',
  score: 0.9,
  lang: 'id',
  signals: [
    { id: 'destination.country', family: 'destination', weight: 0.5, evidence: [at('Kamboja')] },
    { id: 'pay.high', family: 'pay', weight: 0.4, evidence: [at('gaji 15jt')] },
  ],
};
const actions = () => ({ onReport: vi.fn(), onDismiss: vi.fn(), onRealJob: vi.fn() });
const content = (patch: Partial<BannerContent> = {}): BannerContent => ({
  assessment: scam,
  text,
  country: 'ID',
  uiLanguage: 'en',
  actions: actions(),
  ...patch,
});
const nextRender = () => new Promise((resolve) => setTimeout(resolve, 0));

let feed: HTMLElement;
let post: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="feed"><article id="p1"><h3>Author</h3><p>post</p></article></div>';
  feed = document.getElementById('feed')!;
  post = document.getElementById('p1')!;
});

describe('banner', () => {
  it('says the level in words, why with the post’s own words, and offers three named buttons', () => {
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: post, before: post.firstChild }, content());
    const root = shadowRootOf(host)!;
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Waspada warning about this post');
    expect(region.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.title')!.textContent).toBe('Danger: this looks like a job scam');
    const reasons = [...root.querySelectorAll('.reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual([
      'Work in a place where many people are trapped in scam companies — Dibutuhkan CS di Kamboja, gaji 15jt per bulan, tiket…',
      'Very high pay for easy work — Dibutuhkan CS di Kamboja, gaji 15jt per bulan, tiket ditanggung.',
    ]);
    expect(root.querySelector('.reasons mark')!.textContent).toBe('Kamboja');
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.every((b) => b.getAttribute('type') === 'button')).toBe(true);
    expect(buttons.map((b) => b.textContent)).toEqual(['What should I do?', 'Report', 'Dismiss', 'This is a real job']);
  });

  it('speaks Indonesian by default and falls back to English for languages it has no strings for', () => {
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: post, before: null }, content({ uiLanguage: 'id' }));
    expect(shadowRootOf(host)!.querySelector('.title')!.textContent).toBe('Tanda bahaya: kemungkinan penipuan kerja');
    expect(bannerLanguage('id')).toBe('id');
    expect(bannerLanguage('vi')).toBe('vi');
    expect(bannerLanguage('de')).toBe('en');
  });

  it('opens the advice with the official channels, verified ones as tap-to-call or links', async () => {
    const overlay = createOverlay(document);
    const root = shadowRootOf(overlay.show(post, { parent: post, before: null }, content()))!;
    const toggle = root.querySelector<HTMLButtonElement>('button.link')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('a')).toBeNull();
    toggle.click();
    await nextRender();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
    const links = [...root.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toContainEqual(['0800-1000', 'tel:08001000']);
    expect(links).toContainEqual(['+855 12 813 282', 'https://wa.me/85512813282']);
  });

  it('never links an unverified channel', async () => {
    const unverified: OfficialChannel = {
      id: 'rumoured-hotline',
      purposeKey: 'ask-or-report-job',
      name: 'Rumoured hotline',
      kind: 'hotline',
      value: '0800-0000',
      url: 'tel:08000000',
      purpose: 'test',
      source: 'one post',
      verifiedOn: '2026-11-22',
      verified: false,
    };
    const mount = document.createElement('div');
    render(<Banner level="caution" reasons={[]} channels={[unverified]} lang="en" actions={actions()} />, mount);
    mount.querySelector<HTMLButtonElement>('button.link')!.click();
    await nextRender();
    expect(mount.textContent).toContain('Rumoured hotline: 0800-0000');
    expect(mount.querySelector('a')).toBeNull();
  });

  it('calls the handlers of its buttons', () => {
    const handlers = actions();
    const overlay = createOverlay(document);
    const root = shadowRootOf(overlay.show(post, { parent: post, before: null }, content({ actions: handlers })))!;
    const byName = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
    byName('Report').click();
    byName('Dismiss').click();
    byName('This is a real job').click();
    expect([handlers.onReport, handlers.onDismiss, handlers.onRealJob].map((fn) => fn.mock.calls.length)).toEqual([1, 1, 1]);
  });
});

describe('overlay', () => {
  it('keeps one host per post, updating its level in place', () => {
    const overlay = createOverlay(document);
    const first = overlay.show(post, { parent: post, before: post.firstChild }, content());
    const again = overlay.show(post, { parent: post, before: post.firstChild }, content({ assessment: { ...scam, level: 'caution' } }));
    expect(again).toBe(first);
    expect(post.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    expect(first.getAttribute('level')).toBe('caution');
    expect(post.firstElementChild).toBe(first);
  });

  it('re-attaches its host when the site removed it', () => {
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: post, before: post.firstChild }, content());
    host.remove();
    overlay.show(post, { parent: post, before: post.firstChild }, content());
    expect(post.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    expect(host.isConnected).toBe(true);
  });

  it('removes a banner placed before its post once the post is gone', () => {
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: feed, before: post }, content());
    expect(post.previousElementSibling).toBe(host);
    post.remove();
    overlay.prune();
    expect(feed.querySelectorAll(BANNER_TAG)).toHaveLength(0);
  });

  it('replaces hosts left behind by an earlier content script', () => {
    const stale = document.createElement(BANNER_TAG);
    post.prepend(stale);
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: post, before: post.firstChild }, content());
    expect([...post.querySelectorAll(BANNER_TAG)]).toEqual([host]);
    expect(post.firstElementChild).toBe(host);
  });

  it('does not take the banners of neighbouring posts for strays', () => {
    const second = document.createElement('article');
    feed.append(second);
    const overlay = createOverlay(document);
    overlay.show(post, { parent: feed, before: post }, content());
    overlay.show(second, { parent: feed, before: second }, content());
    expect(feed.querySelectorAll(BANNER_TAG)).toHaveLength(2);
  });

  it('hides and clears', () => {
    const second = document.createElement('article');
    feed.append(second);
    const overlay = createOverlay(document);
    overlay.show(post, { parent: post, before: null }, content());
    overlay.show(second, { parent: second, before: null }, content());
    overlay.hide(post);
    expect(document.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    expect(overlay.hostOf(post)).toBeUndefined();
    overlay.clear();
    expect(document.querySelectorAll(BANNER_TAG)).toHaveLength(0);
  });

  it('does not cover the page: the host sits in the flow and the page still gets its clicks', () => {
    const pageClicks = vi.fn();
    document.body.addEventListener('click', pageClicks);
    const overlay = createOverlay(document);
    const host = overlay.show(post, { parent: post, before: null }, content());
    const style = shadowRootOf(host)!.querySelector('style')!.textContent!;
    expect(style).toMatch(/:host \{[^}]*display: block/);
    expect(style).not.toMatch(/position:\s*(fixed|absolute)/);
    expect(style).not.toMatch(/\drem\b/);
    shadowRootOf(host)!.querySelector<HTMLButtonElement>('button')!.click();
    post.click();
    expect(pageClicks).toHaveBeenCalledTimes(2);
  });
});
