import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { TabStatsStore, badgeText, startBackground, WELCOME_PAGE } from '../../src/background';
import type { SessionArea } from '../../src/background/tab-stats';
import type { TabStatsMessage } from '../../src/messages';
import { getSettings, updateSettings } from '../../src/settings';

const report = (checked: number, flagged: number, site = 'facebook'): TabStatsMessage => ({
  type: 'waspada:tab-stats',
  checked,
  flagged,
  active: true,
  site,
});
const FB = 'https://www.facebook.com/groups/123';

/** What a content script in tab `tabId` sends. */
async function fromTab(tabId: number, message: unknown, url = FB, frameId = 0) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, {
    id: fakeBrowser.runtime.id,
    tab: { id: tabId, url } as never,
    url,
    frameId,
  });
  await flush();
  return replies;
}
/** What the popup (no tab) asks. */
async function fromPopup(message: unknown, senderId = fakeBrowser.runtime.id) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, { id: senderId, url: 'chrome-extension://x/popup.html' });
  return replies.find((r) => r !== undefined);
}
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The fake browser has no ports: the assess port is tested in page-service.test.ts. */
const withoutPorts = () => vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
  ])('%d flagged → %j', (flagged, text) => {
    expect(badgeText(flagged)).toBe(text);
  });
});

describe('background: tab stats and badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    withoutPorts();
    startBackground(browser, { languages: () => ['id-ID'] });
  });

  it('shows each tab’s own flagged count on the badge, empty when none', async () => {
    await fromTab(1, report(10, 3));
    await fromTab(2, report(4, 0));
    expect(await badge(1)).toBe('3');
    expect(await badge(2)).toBe('');
    await fromTab(1, report(12, 5));
    expect(await badge(1)).toBe('5');
  });

  it('answers the popup with the tab’s counts, and null for a tab nobody reported', async () => {
    await fromTab(7, report(20, 2, 'telegram-k'), 'https://web.telegram.org/k/#@channel');
    expect(await fromPopup({ type: 'waspada:get-tab-stats', tabId: 7 })).toMatchObject({
      checked: 20,
      flagged: 2,
      active: true,
      site: 'telegram-k',
      origin: 'https://web.telegram.org',
    });
    expect(await fromPopup({ type: 'waspada:get-tab-stats', tabId: 8 })).toBeNull();
  });

  it('ignores malformed reports, iframes and messages from other extensions', async () => {
    await fromTab(1, { type: 'waspada:tab-stats', checked: -1, flagged: 2, active: true, site: null });
    await fromTab(1, { ...report(5, 9) }, FB, 3);
    await fakeBrowser.runtime.onMessage.trigger(report(5, 9), { id: 'another-extension', tab: { id: 1 } as never });
    await flush();
    expect(await badge(1)).toBe('');
    expect(await fromPopup({ type: 'waspada:get-tab-stats', tabId: 1 }, 'another-extension')).toBeUndefined();
  });

  it('forgets a tab when it closes', async () => {
    await fromTab(1, report(3, 1));
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 0, isWindowClosing: false });
    await flush();
    expect(await fromPopup({ type: 'waspada:get-tab-stats', tabId: 1 })).toBeNull();
  });

  it.each([
    ['a reload (no new URL) clears the counts', undefined, null],
    ['a load of another site clears the counts', 'https://example.com/', null],
    ['a same-site single-page navigation keeps them', 'https://www.facebook.com/groups/456', '2'],
  ])('%s', async (_name, newUrl, expectedBadge) => {
    await fromTab(1, report(9, 2));
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', ...(newUrl ? { url: newUrl } : {}) }, { id: 1 } as never);
    await flush();
    const stats = await fromPopup({ type: 'waspada:get-tab-stats', tabId: 1 });
    if (expectedBadge === null) {
      expect(stats).toBeNull();
      expect(await badge(1)).toBe('');
    } else {
      expect(stats).toMatchObject({ flagged: 2 });
      expect(await badge(1)).toBe(expectedBadge);
    }
  });
});

describe('TabStatsStore across a service-worker restart', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('restores the counts from session storage, so the popup and badge agree after a restart', async () => {
    const session = fakeBrowser.storage.session as unknown as SessionArea;
    const first = new TabStatsStore(session, fakeBrowser.action as never, () => 1000);
    await first.record(4, report(30, 6), FB);

    const afterRestart = new TabStatsStore(session, fakeBrowser.action as never);
    expect(await afterRestart.get(4)).toEqual({ checked: 30, flagged: 6, active: true, site: 'facebook', origin: 'https://www.facebook.com', updatedAt: 1000 });
    await afterRestart.clear(4, { tabClosed: true });
    expect(await new TabStatsStore(session, undefined).get(4)).toBeNull();
  });

  it('skips damaged session entries instead of failing', async () => {
    await fakeBrowser.storage.session.set({ 'tabStats:5': { checked: 'many' }, 'tabStats:6': { checked: 1, flagged: 0, active: true, site: null, origin: null, updatedAt: 1 }, other: 1 });
    const store = new TabStatsStore(fakeBrowser.storage.session as unknown as SessionArea, undefined);
    expect(await store.get(5)).toBeNull();
    expect(await store.get(6)).toMatchObject({ checked: 1 });
  });

  it('works where session storage does not exist', async () => {
    const store = new TabStatsStore(undefined, fakeBrowser.action as never);
    await store.record(1, report(1, 1));
    expect(await store.get(1)).toMatchObject({ flagged: 1 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('1');
  });
});

describe('background: first install', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    withoutPorts();
  });

  it('stores the guessed country and language and opens the welcome page once', async () => {
    startBackground(browser, { languages: () => ['vi-VN', 'en'] });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(created).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}${WELCOME_PAGE}` });
    expect(await getSettings()).toMatchObject({ country: 'VN', uiLanguage: 'vi', countryConfirmed: false });

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await flush();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('keeps settings already stored and skips the welcome page when the country is confirmed', async () => {
    await updateSettings({ country: 'KE', countryConfirmed: true, uiLanguage: 'en' });
    startBackground(browser, { languages: () => ['th'] });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await flush();
    await flush();
    expect(created).not.toHaveBeenCalled();
    expect(await getSettings()).toMatchObject({ country: 'KE', uiLanguage: 'en' });
  });
});
