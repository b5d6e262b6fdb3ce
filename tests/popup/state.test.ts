import { describe, expect, it } from 'vitest';
import type { TabStats } from '../../src/messages';
import { popupStateFor } from '../../src/popup/state';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';

const NOW = 1_800_000_000_000;
const stats: TabStats = { checked: 12, flagged: 2, active: true, site: 'facebook', origin: 'https://www.facebook.com', updatedAt: NOW };
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('popupStateFor', () => {
  it.each([
    ['a supported page that reported', 'https://www.facebook.com/', stats, settings(), 'active', 'facebook'],
    ['Telegram Web A by its path', 'https://web.telegram.org/a/#123', null, settings(), 'not-loaded', 'telegram-a'],
    ['a supported page opened before install', 'https://x.com/home', null, settings(), 'not-loaded', 'x'],
    ['a page we do not check', 'https://example.com/', null, settings(), 'unsupported', null],
    ['a page whose URL is hidden from us', undefined, null, settings(), 'unsupported', null],
    ['Telegram Web but neither client', 'https://web.telegram.org/', null, settings(), 'unsupported', null],
    ['a site the user turned off', 'https://web.whatsapp.com/', null, settings({ disabledSites: ['whatsapp'] }), 'site-off', 'whatsapp'],
    ['paused, on a supported page', 'https://www.facebook.com/', stats, settings({ pausedUntil: NOW + 60_000 }), 'paused', 'facebook'],
    ['paused, on any page', 'https://example.com/', null, settings({ pausedUntil: NOW + 1 }), 'paused', null],
    ['a pause that has ended', 'https://www.facebook.com/', stats, settings({ pausedUntil: NOW - 1 }), 'active', 'facebook'],
    ['the URL hidden but the content script reported', undefined, stats, settings(), 'active', 'facebook'],
  ] as const)('%s → %s', (_name, url, tabStats, userSettings, kind, siteId) => {
    const state = popupStateFor({ url, stats: tabStats, settings: userSettings, now: NOW });
    expect(state.kind).toBe(kind);
    expect('site' in state ? (state.site?.id ?? null) : null).toBe(siteId);
  });
});
