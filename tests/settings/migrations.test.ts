import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, migrateSettings, SETTINGS_VERSION, settingsItem } from '../../src/settings';
import { settingsV1ToV2 } from '../../src/settings/migrations';

describe('settings migrations (pure)', () => {
  it.each([
    ['a v1 user who chose the Philippines keeps it, confirmed', { country: 'PH', uiLanguage: 'tl' }, { country: 'PH', uiLanguage: 'tl', countryConfirmed: true }],
    ['a v1 user still on the default country is asked again', { country: 'ID', uiLanguage: 'id' }, { country: 'ID', countryConfirmed: false }],
    ['a v1 value without a country is not taken as confirmed', { sensitivity: 'high' }, { sensitivity: 'high', countryConfirmed: false }],
    ['an existing confirmation is never overwritten', { country: 'ID', countryConfirmed: true }, { country: 'ID', countryConfirmed: true }],
  ])('v1 → v2: %s', (_name, v1, expected) => {
    expect(settingsV1ToV2(v1)).toEqual({ ...v1, ...expected });
  });

  it.each([null, 'garbage', 42, ['ID']])('v1 → v2 passes %j through without throwing', (garbage) => {
    expect(settingsV1ToV2(garbage)).toEqual(garbage);
  });

  it('migrateSettings runs every step from the stored version to the current one', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(migrateSettings({ country: 'VN' }, 1)).toEqual({ country: 'VN', countryConfirmed: true });
    expect(migrateSettings({ country: 'VN', countryConfirmed: false }, 2)).toEqual({ country: 'VN', countryConfirmed: false });
  });
});

describe('settings migrations in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('upgrades what a v1 install stored, records version 2, and reads it back valid', async () => {
    const v1 = { country: 'TH', uiLanguage: 'th', sensitivity: 'high', disabledSites: ['x'], pausedUntil: 0 };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });

    await settingsItem.migrate();

    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 2 });
    expect(stored.settings).toEqual({ ...v1, countryConfirmed: true });
    expect(await getSettings()).toEqual({ ...v1, countryConfirmed: true });
  });

  it('leaves a fresh install alone (nothing stored, nothing migrated)', async () => {
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['settings'])).toEqual({ settings: undefined });
  });
});
