import { COUNTRIES, type Country } from '../channels/schema';
import type { UiLanguage } from '../i18n/languages';

// Guesses from the browser's languages (navigator.languages, passed in). The welcome page asks the user to confirm
// both, so a wrong guess costs one tap; Indonesia is the default because most of our users come from there.

/** Languages spoken mostly in one of our origin countries. English is deliberately absent: it names no country. */
const COUNTRY_BY_LANGUAGE: Record<string, Country> = {
  id: 'ID', in: 'ID', // `in` is the old code for Indonesian, still sent by some Android browsers
  jv: 'ID', su: 'ID', mad: 'ID', min: 'ID', ban: 'ID', bug: 'ID',
  fil: 'PH', tl: 'PH', ceb: 'PH', ilo: 'PH', hil: 'PH',
  vi: 'VN',
  th: 'TH',
  my: 'MM',
  ms: 'MY',
  sw: 'KE',
  hi: 'IN', mr: 'IN', te: 'IN', ta: 'IN', kn: 'IN', ml: 'IN', gu: 'IN', pa: 'IN', or: 'IN', as: 'IN',
};

/** Browser languages whose speakers read one of our UI languages best. */
const UI_LANGUAGE_BY_LANGUAGE: Record<string, UiLanguage> = {
  id: 'id', in: 'id', jv: 'id', su: 'id', mad: 'id', min: 'id', ban: 'id', bug: 'id',
  ms: 'ms',
  vi: 'vi',
  th: 'th',
  fil: 'tl', tl: 'tl', ceb: 'tl', ilo: 'tl', hil: 'tl',
  en: 'en',
};

function parseTag(tag: string): { language: string; region: string | null } {
  const [language = '', ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  const region = rest.find((part) => /^[a-z]{2}$/.test(part));
  return { language, region: region ? region.toUpperCase() : null };
}

function isCountry(value: string | null): value is Country {
  return value !== null && (COUNTRIES as readonly string[]).includes(value);
}

/** Country of origin from the browser's preferred languages, most preferred first: `en-PH` → PH, `vi` → VN. */
export function guessCountry(languages: readonly string[]): Country {
  for (const tag of languages) {
    const { language, region } = parseTag(tag);
    if (isCountry(region)) return region;
    const byLanguage = COUNTRY_BY_LANGUAGE[language];
    if (byLanguage) return byLanguage;
  }
  return 'ID';
}

/** UI language from the browser's preferred languages; English when none of them is ours, Indonesian when none is known. */
export function guessUiLanguage(languages: readonly string[]): UiLanguage {
  for (const tag of languages) {
    const match = UI_LANGUAGE_BY_LANGUAGE[parseTag(tag).language];
    if (match) return match;
  }
  return languages.length === 0 ? 'id' : 'en';
}

/** The browser's languages, most preferred first, from a Navigator (window or service worker). */
export function browserLanguages(nav: Pick<Navigator, 'language' | 'languages'> | null = globalThis.navigator ?? null): string[] {
  if (!nav) return [];
  if (nav.languages?.length) return [...nav.languages];
  return nav.language ? [nav.language] : [];
}
