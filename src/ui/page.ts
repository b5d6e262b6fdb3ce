import { useLayoutEffect } from 'preact/hooks';
import { LANGUAGE_TAGS, t, type UiLanguage } from '../i18n';
import { applyPalette } from './palette';

/**
 * Keeps <html lang> and the tab title in the UI language, so screen readers pronounce the page right. A layout effect,
 * so the language changes in the same frame as the text.
 */
export function usePageLanguage(lang: UiLanguage | null, titleKey: string, doc: Document = document): void {
  useLayoutEffect(() => {
    applyPalette(doc.documentElement);
  }, [doc]);
  useLayoutEffect(() => {
    if (!lang) return;
    doc.documentElement.lang = LANGUAGE_TAGS[lang];
    doc.title = t(lang, titleKey);
  }, [lang, titleKey, doc]);
}
