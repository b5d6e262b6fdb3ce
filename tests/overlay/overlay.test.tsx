import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { Assessment } from '../../src/detect/types';
import type { OfficialChannel } from '../../src/channels/schema';
import { Banner } from '../../src/overlay/banner';
import { BANNER_TAG, createOverlay, shadowRootOf, type BannerContent } from '../../src/overlay';
import { BANNER_CHANNELS, bannerKit, bannerLanguage, isBannerKey } from '../../src/overlay/kit';
import { channelsFor, type Country } from '../../src/channels';
import { LOCALES, UI_LANGUAGES, t } from '../../src/i18n';

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
/** What the watcher hands the overlay; the banner kit is made as the background makes it. */
const content = ({ country = 'ID', uiLanguage = 'en', ...patch }: Partial<BannerContent> & { country?: Country; uiLanguage?: string } = {}): BannerContent => ({
  assessment: scam,
  text,
  kit: bannerKit(country, uiLanguage),
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

  it.each([
    ['id', 'Tanda bahaya: kemungkinan penipuan kerja', 'Laporkan', 'id'],
    ['en', 'Danger: this looks like a job scam', 'Report', 'en'],
    ['ms', 'Bahaya: ini seperti penipuan kerja', 'Laporkan', 'ms'],
    ['vi', 'Nguy hiểm: tin này giống lừa đảo việc làm', 'Báo cáo', 'vi'],
    ['th', 'อันตราย: โพสต์นี้เหมือนหลอกลวงหางาน', 'รายงาน', 'th'],
    ['tl', 'Panganib: mukhang scam na trabaho ito', 'I-report', 'fil'],
  ] as const)('speaks %s: title, buttons and the lang attribute screen readers use', (uiLanguage, title, report, tag) => {
    const overlay = createOverlay(document);
    const root = shadowRootOf(overlay.show(post, { parent: post, before: null }, content({ uiLanguage })))!;
    expect(root.querySelector('.title')!.textContent).toBe(title);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain(report);
    expect(root.querySelector('[role="region"]')!.getAttribute('lang')).toBe(tag);
  });

  it('falls back to English for a language it has no strings for', () => {
    expect(bannerLanguage('id')).toBe('id');
    expect(bannerLanguage('tl')).toBe('tl');
    expect(bannerLanguage('xx')).toBe('en');
    expect(bannerKit('ID', 'xx').text['banner.button.report']).toBe('Report');
  });

  it.each(UI_LANGUAGES)('gets every string it shows in %s from its kit, and nothing else', (lang) => {
    const kit = bannerKit('ID', lang);
    const bannerKeys = Object.keys(LOCALES.en).filter(isBannerKey);
    expect(Object.keys(kit.text).sort()).toEqual(bannerKeys.sort());
    expect(bannerKeys).toEqual(expect.arrayContaining(['banner.level.high', 'banner.button.report', 'reason.destination', 'channel.unverified-short']));
    for (const key of bannerKeys) expect(kit.text[key]).toBe(t(lang, key));
    expect(kit.channels).toEqual(channelsFor('ID', lang).slice(0, BANNER_CHANNELS));
  });

  it('lists the channels of the user\'s country with their purpose in the UI language', async () => {
    const overlay = createOverlay(document);
    const ph = shadowRootOf(overlay.show(post, { parent: post, before: null }, content({ country: 'PH', uiLanguage: 'tl' })))!;
    ph.querySelector<HTMLButtonElement>('button.link')!.click();
    await nextRender();
    const items = [...ph.querySelectorAll('#waspada-advice li')].map((li) => li.textContent ?? '');
    const expected = channelsFor('PH', 'tl').slice(0, BANNER_CHANNELS);
    expect(expected.length).toBeGreaterThan(1);
    for (const channel of expected) {
      expect(items.some((item) => item.includes(channel.name) && item.includes(t('tl', `channel.purpose.${channel.purposeKey}`)))).toBe(true);
    }
    expect(items.join('\n')).toContain('DMW');
    expect(items.join('\n')).not.toContain('KP2MI');
    // Purposes are never left in English when the language has them.
    expect(t('tl', `channel.purpose.${expected[0]!.purposeKey}`)).not.toBe(t('en', `channel.purpose.${expected[0]!.purposeKey}`));
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
      name: 'Rumoured hotline',
      kind: 'hotline',
      value: '0800-0000',
      url: 'tel:08000000',
      purpose: 'Ask about a job abroad',
      purposeKey: 'ask-or-report-job',
      source: 'one post',
      verifiedOn: '2026-11-22',
      verified: false,
    };
    const mount = document.createElement('div');
    render(<Banner level="caution" reasons={[]} kit={{ ...bannerKit('ID', 'en'), channels: [unverified] }} actions={actions()} />, mount);
    mount.querySelector<HTMLButtonElement>('button.link')!.click();
    await nextRender();
    expect(mount.textContent).toContain('Rumoured hotline: 0800-0000 — Ask about a job abroad (not checked yet)');
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

  it('takes away banner hosts the page copied into an unflagged post, and keeps real ones', () => {
    const flagged = document.createElement('article');
    feed.append(flagged);
    const overlay = createOverlay(document);
    const real = overlay.show(flagged, { parent: flagged, before: null }, content());
    // The site builds a new post by cloning a flagged one, our host included (as the Facebook fixtures' feed does).
    const copy = flagged.cloneNode(true) as Element;
    post.append(...copy.childNodes);
    expect(post.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    overlay.hide(post, { parent: post, before: null });
    expect(post.querySelectorAll(BANNER_TAG)).toHaveLength(0);
    expect(real.isConnected).toBe(true);
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
