/** UI languages, Indonesian first. Kept apart from the locale files so schemas can import it without the messages. */
export const UI_LANGUAGES = ['id', 'en', 'ms', 'vi', 'th', 'tl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name in that language, so a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  id: 'Bahasa Indonesia',
  en: 'English',
  ms: 'Bahasa Melayu',
  vi: 'Tiếng Việt',
  th: 'ภาษาไทย',
  tl: 'Tagalog',
};

/**
 * BCP 47 tag for `lang` attributes and Intl formatting. Tagalog is written `tl` in our settings; browsers and Intl
 * know the standard form as Filipino (`fil`), which is also Chrome's locale folder name.
 */
export const LANGUAGE_TAGS: Record<UiLanguage, string> = { id: 'id', en: 'en', ms: 'ms', vi: 'vi', th: 'th', tl: 'fil' };

/** Chrome/Firefox `_locales/<folder>` for the manifest's name and description. */
export const MANIFEST_LOCALE_FOLDERS: Record<UiLanguage, string> = { id: 'id', en: 'en', ms: 'ms', vi: 'vi', th: 'th', tl: 'fil' };
