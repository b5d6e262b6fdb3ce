import { describe, expect, it } from 'vitest';
import { formatTime, t } from '../../src/i18n';

describe('t', () => {
  it.each([
    ['id', 'banner.level.high', 'Tanda bahaya: kemungkinan penipuan kerja'],
    ['en', 'banner.level.high', 'Danger: this looks like a job scam'],
    ['en', 'no.such.key', 'no.such.key'],
  ] as const)('%s %s', (lang, key, expected) => {
    expect(t(lang, key)).toBe(expected);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'popup.enable-site', { site: 'Facebook' })).toBe('Turn on for Facebook');
    expect(t('en', 'popup.enable-site')).toBe('Turn on for {site}');
  });

  it('formats times in the reader’s language', () => {
    const at = Date.UTC(2026, 10, 22, 14, 5);
    expect(formatTime('en', at)).toMatch(/\d{1,2}[:.]05/);
    expect(formatTime('th', at)).toMatch(/\d{1,2}[:.]05/);
  });
});
