import { LOCALES, type UiLanguage } from '../../src/i18n';

const en = LOCALES.en;

/**
 * What a reader of `lang` would see wrong in `text`: a message key instead of words, or an English message where
 * `lang` has its own. Messages are compared by their literal parts (placeholders filled at run time are skipped).
 */
export function untranslated(text: string, lang: UiLanguage): string[] {
  const problems = Object.keys(en)
    .filter((key) => text.includes(key))
    .map((key) => `raw key ${key}`);
  if (lang === 'en') return problems;
  for (const [key, english] of Object.entries(en)) {
    const own = LOCALES[lang][key] ?? '';
    for (const fragment of english.split(/\{\w+\}/).map((part) => part.trim())) {
      if (fragment.length >= 6 && !own.includes(fragment) && text.includes(fragment)) problems.push(`English "${fragment}" (${key})`);
    }
  }
  return problems;
}

