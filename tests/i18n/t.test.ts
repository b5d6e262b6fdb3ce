import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';

describe('t', () => {
  it.each([
    ['id', 'banner.level.high', 'Tanda bahaya: kemungkinan penipuan kerja'],
    ['en', 'banner.level.high', 'Danger: this looks like a job scam'],
    ['en', 'no.such.key', 'no.such.key'],
  ] as const)('%s %s', (lang, key, expected) => {
    expect(t(lang, key)).toBe(expected);
  });
});
