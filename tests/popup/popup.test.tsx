import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { UI_LANGUAGES, t } from '../../src/i18n';
import type { TabStats } from '../../src/messages';
import { PopupApp, PopupView } from '../../src/popup/Popup';
import type { PopupState } from '../../src/popup/state';
import { PAUSE_FOR_ONE_HOUR_MS, getSettings, updateSettings } from '../../src/settings';
import { SITES } from '../../src/sites/site-list';
import { buttonNamed, click, renderInto, spokenText, unlabelledControls, visibleText } from '../helpers/render';

const facebook = SITES.find((s) => s.id === 'facebook')!;
const stats: TabStats = { checked: 12, flagged: 3, active: true, site: 'facebook', origin: 'https://www.facebook.com', updatedAt: 0 };
const STATES: Record<PopupState['kind'], PopupState> = {
  active: { kind: 'active', site: facebook, stats },
  paused: { kind: 'paused', until: Date.UTC(2026, 10, 22, 15, 30), site: facebook, stats },
  'site-off': { kind: 'site-off', site: facebook, stats: null },
  'not-loaded': { kind: 'not-loaded', site: facebook },
  unsupported: { kind: 'unsupported' },
};
const noop = () => undefined;
const buttons = (root: Element) => [...root.querySelectorAll('button')].map(spokenText);

describe('PopupView, one state at a time', () => {
  it('active: says Waspada is on for the site, with the tab’s counts, and offers pause and settings', async () => {
    const { container } = await renderInto(<PopupView lang="en" state={STATES.active} onPause={noop} onResume={noop} onEnableSite={noop} onOpenSettings={noop} />);
    expect(spokenText(container.querySelector('#popup-status')!)).toBe('Waspada is checking posts on Facebook.');
    expect(visibleText(container.querySelector('[data-count="checked"]')!)).toBe('12');
    expect(visibleText(container.querySelector('[data-count="flagged"]')!)).toBe('3');
    expect(buttons(container)).toEqual(['Pause for 1 hour', 'Settings']);
  });

  it('paused: says until when, and offers to turn it on again', async () => {
    const { container } = await renderInto(<PopupView lang="en" state={STATES.paused} onPause={noop} onResume={noop} onEnableSite={noop} onOpenSettings={noop} />);
    expect(spokenText(container.querySelector('#popup-status')!)).toMatch(/^Waspada is paused until \d{1,2}[:.]30/);
    expect(buttons(container)).toEqual(['Turn on again', 'Settings']);
  });

  it('site turned off: says so and offers to turn it on for that site', async () => {
    const onEnableSite = vi.fn();
    const { container } = await renderInto(<PopupView lang="en" state={STATES['site-off']} onPause={noop} onResume={noop} onEnableSite={onEnableSite} onOpenSettings={noop} />);
    expect(spokenText(container.querySelector('#popup-status')!)).toBe('You turned Waspada off for Facebook.');
    expect(container.querySelector('dl')).toBeNull();
    await click(buttonNamed(container, 'Turn on for Facebook'));
    expect(onEnableSite).toHaveBeenCalledWith('facebook');
  });

  it('not loaded: asks to reload the page', async () => {
    const { container } = await renderInto(<PopupView lang="en" state={STATES['not-loaded']} onPause={noop} onResume={noop} onEnableSite={noop} onOpenSettings={noop} />);
    expect(spokenText(container.querySelector('#popup-status')!)).toBe('Reload this page so Waspada can check it.');
  });

  it('unsupported: says which sites Waspada checks, without counts', async () => {
    const { container } = await renderInto(<PopupView lang="en" state={STATES.unsupported} onPause={noop} onResume={noop} onEnableSite={noop} onOpenSettings={noop} />);
    expect(spokenText(container.querySelector('#popup-status')!)).toMatch(/does not check this page.*Facebook, Telegram, WhatsApp and X/);
    expect(container.querySelector('dl')).toBeNull();
  });

  it.each(UI_LANGUAGES.flatMap((lang) => (Object.keys(STATES) as PopupState['kind'][]).map((kind) => [lang, kind] as const)))(
    '%s, %s: every word is translated, every control named, icons hidden from screen readers',
    async (lang, kind) => {
      const { container } = await renderInto(<PopupView lang={lang} state={STATES[kind]} onPause={noop} onResume={noop} onEnableSite={noop} onOpenSettings={noop} />);
      expect(visibleText(container)).not.toMatch(/\b(popup|common)\.[\w.-]+/);
      expect(visibleText(container)).not.toMatch(/\{\w+\}/);
      expect(unlabelledControls(container)).toEqual([]);
      for (const icon of container.querySelectorAll('.icon')) expect(icon.getAttribute('aria-hidden')).toBe('true');
      expect(visibleText(container)).toContain(t(lang, 'popup.settings'));
    },
  );
});

describe('PopupApp in the extension', () => {
  const NOW = Date.UTC(2026, 10, 22, 12, 0);

  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.lang = '';
  });

  async function openPopupFor(url: string, reply: TabStats | null) {
    const tab = await fakeBrowser.tabs.create({ url });
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const query = message as { type?: string; tabId?: number };
      return query.type === 'waspada:get-tab-stats' && query.tabId === tab.id ? Promise.resolve(reply) : undefined;
    });
    return renderInto(<PopupApp api={browser} tabId={tab.id} refreshMs={0} now={() => NOW} closeWindow={noop} />);
  }

  it('shows the counts the background keeps for the tab, in the user’s language', async () => {
    await updateSettings({ uiLanguage: 'id' });
    const { container } = await openPopupFor('https://www.facebook.com/groups/1', stats);
    await vi.waitFor(() => expect(container.querySelector('[data-state="active"]')).not.toBeNull());
    expect(visibleText(container.querySelector('[data-count="flagged"]')!)).toBe('3');
    expect(visibleText(container)).toContain('Waspada sedang memeriksa postingan di Facebook.');
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('id'));
  });

  it('pause for one hour is stored, and the popup then offers to resume; resume clears it', async () => {
    const { container } = await openPopupFor('https://www.facebook.com/', stats);
    await vi.waitFor(() => expect(container.querySelector('[data-state="active"]')).not.toBeNull());
    await click(buttonNamed(container, t('id', 'common.pause-hour')));
    await vi.waitFor(async () => expect((await getSettings()).pausedUntil).toBe(NOW + PAUSE_FOR_ONE_HOUR_MS));
    await vi.waitFor(() => expect(container.querySelector('[data-state="paused"]')).not.toBeNull());

    await click(buttonNamed(container, t('id', 'common.resume')));
    await vi.waitFor(async () => expect((await getSettings()).pausedUntil).toBe(0));
  });

  it('turning a site back on from the popup removes it from the disabled sites', async () => {
    await updateSettings({ uiLanguage: 'en', disabledSites: ['whatsapp', 'x'] });
    const { container } = await openPopupFor('https://web.whatsapp.com/', null);
    await vi.waitFor(() => expect(container.querySelector('[data-state="site-off"]')).not.toBeNull());
    await click(buttonNamed(container, 'Turn on for WhatsApp Web'));
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['x']));
  });

  it('Settings opens the options page and closes the popup', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const openOptionsPage = vi.fn(() => Promise.resolve());
    const closeWindow = vi.fn();
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const api = { ...browser, runtime: { ...browser.runtime, openOptionsPage, sendMessage: () => Promise.resolve(null) } } as typeof browser;
    const { container } = await renderInto(<PopupApp api={api} tabId={tab.id} refreshMs={0} closeWindow={closeWindow} />);
    await vi.waitFor(() => expect(container.querySelector('[data-state="unsupported"]')).not.toBeNull());
    await click(buttonNamed(container, 'Settings'));
    await vi.waitFor(() => expect(closeWindow).toHaveBeenCalled());
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });
});
