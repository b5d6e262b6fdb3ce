import type { OfficialChannel } from '../channels/schema';
import { t, type UiLanguage } from '../i18n';
import type { BannerOrganisation } from '../overlay/banner';
import type { Settings } from '../settings/schema';
import type { NgoProfile } from './profile';

/** The organisation's own channels as the UI shows channels (purpose in the reader's language). */
export function organisationChannels(profile: NgoProfile, lang: UiLanguage): OfficialChannel[] {
  return profile.channels.map((entry) => ({
    ...entry,
    purposeKey: entry.purpose,
    purpose: t(lang, `channel.purpose.${entry.purpose}`),
    ...(entry.note ? { noteText: t(lang, `channel.note.${entry.note}`) } : {}),
  }));
}

/** What the banner says about the organisation, or null without a profile. */
export function bannerOrganisation(profile: NgoProfile | null, lang: UiLanguage): BannerOrganisation | null {
  if (!profile) return null;
  return {
    name: profile.organisation.name,
    ...(profile.organisation.logo ? { logo: profile.organisation.logo } : {}),
    channels: organisationChannels(profile, lang),
  };
}

/** Settings as they apply on pages: sites the organisation turned off are off whatever the user chose. */
export function settingsUnderProfile(settings: Settings, profile: NgoProfile | null): Settings {
  const forced = profile?.features.disabledSites ?? [];
  if (forced.length === 0) return settings;
  return { ...settings, disabledSites: [...new Set([...settings.disabledSites, ...forced])] };
}
