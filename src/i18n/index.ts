import en from './locales/en.json';
import id from './locales/id.json';
import ms from './locales/ms.json';
import vi from './locales/vi.json';
import th from './locales/th.json';
import tl from './locales/tl.json';
import { LANGUAGE_TAGS, type UiLanguage } from './languages';

export * from './languages';

type Messages = Record<string, string>;
export const LOCALES: Record<UiLanguage, Messages> = { id, en, ms, vi, th, tl };

/** Translate `key` into `lang`, filling `{name}` placeholders; falls back to English, then to the key. */
export function t(lang: UiLanguage, key: string, params: Record<string, string | number> = {}): string {
  const template = LOCALES[lang]?.[key] || LOCALES.en[key] || key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Clock time ("14:05") in the reader's language. */
export function formatTime(lang: UiLanguage, epochMs: number): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** Day and month ("22 Nov 2026") in the reader's language. */
export function formatDate(lang: UiLanguage, epochMs: number): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(epochMs);
}
