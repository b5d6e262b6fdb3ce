import { channelsFor, type Country } from '../channels';
import { LANGUAGE_TAGS, LOCALES, UI_LANGUAGES, t, type UiLanguage } from '../i18n';
import { bannerOrganisation } from '../ngo/organisation';
import type { NgoProfile } from '../ngo/profile';
import type { BannerKit } from './banner';

/** How many official channels a banner lists: it stays short on a phone. */
export const BANNER_CHANNELS = 4;

/** Keys of the strings a banner uses: its own, the reasons', and the note on unverified channels. */
export function isBannerKey(key: string): boolean {
  return key.startsWith('banner.') || key.startsWith('reason.') || key === 'channel.unverified-short';
}

/** The UI language the banner can speak: the user's when we have its strings, else English. */
export function bannerLanguage(uiLanguage: string): UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(uiLanguage) ? (uiLanguage as UiLanguage) : 'en';
}

/**
 * Everything a banner says in `uiLanguage` for a user from `country`, under the organisation `profile` if one applies.
 * Made where the locales, channel data and profile live (the background, the tests), so the content script that
 * shows banners on every page carries none of them.
 */
export function bannerKit(country: Country, uiLanguage: string, profile: NgoProfile | null = null): BannerKit {
  const lang = bannerLanguage(uiLanguage);
  const text: Record<string, string> = {};
  // English has every key; t() falls back to it for a key a language lacks; {placeholders} stay for the banner
  for (const key of Object.keys(LOCALES.en)) if (isBannerKey(key)) text[key] = t(lang, key);
  return {
    lang: LANGUAGE_TAGS[lang],
    text,
    channels: channelsFor(country, lang).slice(0, BANNER_CHANNELS),
    organisation: bannerOrganisation(profile, lang),
    canReport: profile?.features.reporting ?? true,
  };
}
