import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/settings';

describe('parseSettings', () => {
  it.each([
    ['valid settings are kept', { ...DEFAULT_SETTINGS, country: 'PH', uiLanguage: 'en' }, { country: 'PH', uiLanguage: 'en' }],
    ['a bad field falls back alone', { ...DEFAULT_SETTINGS, country: 'XX', sensitivity: 'high' }, { country: 'ID', sensitivity: 'high' }],
    ['garbage gives defaults', 'not an object', DEFAULT_SETTINGS],
  ])('%s', (_name, raw, expected) => {
    expect(parseSettings(raw)).toMatchObject(expected);
  });
});
