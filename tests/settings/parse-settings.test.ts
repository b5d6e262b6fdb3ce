import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, parseSettings, updateSettings } from '../../src/settings';

describe('parseSettings', () => {
  it.each([
    ['valid settings are kept', { ...DEFAULT_SETTINGS, country: 'PH', uiLanguage: 'en' }, { country: 'PH', uiLanguage: 'en' }],
    ['a bad field falls back alone', { ...DEFAULT_SETTINGS, country: 'XX', sensitivity: 'high' }, { country: 'ID', sensitivity: 'high' }],
    ['an unknown UI language falls back', { ...DEFAULT_SETTINGS, uiLanguage: 'fr', country: 'VN' }, { uiLanguage: 'id', country: 'VN' }],
    ['a negative pause is dropped', { ...DEFAULT_SETTINGS, pausedUntil: -5 }, { pausedUntil: 0 }],
    ['disabled sites that are not a list are dropped', { ...DEFAULT_SETTINGS, disabledSites: 'x' }, { disabledSites: [] }],
    ['missing fields take defaults', { country: 'KE' }, { ...DEFAULT_SETTINGS, country: 'KE' }],
    ['garbage gives defaults', 'not an object', DEFAULT_SETTINGS],
    ['null gives defaults', null, DEFAULT_SETTINGS],
  ])('%s', (_name, raw, expected) => {
    expect(parseSettings(raw)).toMatchObject(expected);
  });
});

describe('getSettings on stored data', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives the defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs bad stored fields field by field instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      settings: { country: 'MY', countryConfirmed: 'yes', uiLanguage: 'ms', sensitivity: 'none', disabledSites: [1], pausedUntil: 'soon' },
      settings$: { v: 2 },
    });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, country: 'MY', uiLanguage: 'ms' });
  });

  it('rejects an invalid update with a field-level error and keeps what was stored', async () => {
    await updateSettings({ country: 'IN' });
    await expect(updateSettings({ country: 'XX' as never })).rejects.toThrow(/country/);
    expect((await getSettings()).country).toBe('IN');
  });
});
