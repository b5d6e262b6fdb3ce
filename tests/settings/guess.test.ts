import { describe, expect, it } from 'vitest';
import { browserLanguages, guessCountry, guessUiLanguage, guessedSettings } from '../../src/settings';

describe('guessCountry from the browser languages', () => {
  it.each([
    [['id-ID'], 'ID'],
    [['id'], 'ID'],
    [['in-ID'], 'ID'], // old Android code for Indonesian
    [['jv'], 'ID'],
    [['fil-PH'], 'PH'],
    [['tl'], 'PH'],
    [['en-PH'], 'PH'],
    [['ceb'], 'PH'],
    [['vi-VN'], 'VN'],
    [['th'], 'TH'],
    [['my-MM'], 'MM'],
    [['ms-MY'], 'MY'],
    [['zh-MY'], 'MY'],
    [['ms'], 'MY'],
    [['sw'], 'KE'],
    [['en-KE'], 'KE'],
    [['hi-IN'], 'IN'],
    [['en-IN'], 'IN'],
    [['ta'], 'IN'],
    [['en-US', 'id'], 'ID'], // English names no country: the next preference decides
    [['en-GB', 'vi'], 'VN'],
    [['en-US'], 'ID'],
    [['de-DE', 'fr'], 'ID'],
    [['EN_ph'], 'PH'], // case and underscores
    [[], 'ID'],
  ])('%j → %s', (languages, expected) => {
    expect(guessCountry(languages)).toBe(expected);
  });
});

describe('guessUiLanguage from the browser languages', () => {
  it.each([
    [['id-ID'], 'id'],
    [['jv-ID'], 'id'], // Javanese readers read Indonesian
    [['ms-MY'], 'ms'],
    [['vi'], 'vi'],
    [['th-TH'], 'th'],
    [['fil-PH'], 'tl'],
    [['tl'], 'tl'],
    [['en-PH'], 'en'],
    [['my-MM'], 'en'], // no Burmese UI yet
    [['sw-KE'], 'en'],
    [['my', 'th'], 'th'],
    [['de'], 'en'],
    [[], 'id'],
  ])('%j → %s', (languages, expected) => {
    expect(guessUiLanguage(languages)).toBe(expected);
  });

  it('guessed settings are unconfirmed', () => {
    expect(guessedSettings(['fil-PH'])).toMatchObject({ country: 'PH', uiLanguage: 'tl', countryConfirmed: false });
  });

  it('reads navigator.languages, or navigator.language when the list is empty', () => {
    expect(browserLanguages({ languages: ['th-TH', 'en'], language: 'th-TH' })).toEqual(['th-TH', 'en']);
    expect(browserLanguages({ languages: [], language: 'vi' })).toEqual(['vi']);
    expect(browserLanguages(null)).toEqual([]);
  });
});
