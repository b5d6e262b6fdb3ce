import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { untranslated } from './untranslated';

describe('untranslated (the check the end-to-end tests run on every screen)', () => {
  it('passes a screen written in its language', () => {
    const screen = `${t('th', 'popup.count.checked')} 12 ${t('th', 'popup.status.active', { site: 'Facebook' })}`;
    expect(untranslated(screen, 'th')).toEqual([]);
  });

  it('catches a message key shown instead of words', () => {
    expect(untranslated('Posts checked: 3 popup.count.flagged', 'en')).toEqual(['raw key popup.count.flagged']);
  });

  it('catches English left where the language has its own message, also around a placeholder', () => {
    expect(untranslated(`${t('vi', 'popup.settings')} Posts checked`, 'vi')).toEqual(['English "Posts checked" (popup.count.checked)']);
    expect(untranslated(t('en', 'popup.status.active', { site: 'X' }), 'tl')).toContain('English "Waspada is checking posts on" (popup.status.active)');
  });
});
