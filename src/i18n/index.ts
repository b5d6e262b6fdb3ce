import en from './locales/en.json';
import id from './locales/id.json';

/** UI languages. Indonesian first; the settings issue adds ms, vi, th, tl. */
export const UI_LANGUAGES = ['id', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

type Messages = Record<string, string>;
const LOCALES: Record<UiLanguage, Messages> = { id, en };

/** Translate `key` into `lang`, filling `{name}` placeholders; falls back to English, then to the key. */
export function t(lang: UiLanguage, key: string, params: Record<string, string | number> = {}): string {
  const template = LOCALES[lang]?.[key] ?? LOCALES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
