import { t, type UiLanguage } from '../i18n';
import { CountryChannelsSchema, type ChannelEntry, type Country, type OfficialChannel } from './schema';
import ID from './data/ID.json';
import PH from './data/PH.json';
import VN from './data/VN.json';
import TH from './data/TH.json';
import MM from './data/MM.json';
import MY from './data/MY.json';
import KE from './data/KE.json';
import IN from './data/IN.json';

export * from './schema';

/** Every country's data file as shipped, for tests that check the data itself. */
export const CHANNEL_DATA: readonly unknown[] = [ID, PH, VN, TH, MM, MY, KE, IN];

// Validated once at load: a malformed data file fails the build's tests, not a user's banner.
const BY_COUNTRY: Partial<Record<Country, ChannelEntry[]>> = Object.fromEntries(
  CHANNEL_DATA.map((data) => {
    const parsed = CountryChannelsSchema.parse(data);
    return [parsed.country, parsed.channels];
  }),
);

/** Stored entries of a country, most useful first; Indonesia's when the country has none. */
export function channelEntriesFor(country: Country): ChannelEntry[] {
  return BY_COUNTRY[country] ?? BY_COUNTRY.ID ?? [];
}

/**
 * Official channels of a country of origin, most useful first, with `purpose` (and `noteText`) in `lang`.
 * Indonesia's when the country has none. Pass the user's UI language; English when omitted.
 */
export function channelsFor(country: Country, lang: UiLanguage = 'en'): OfficialChannel[] {
  return channelEntriesFor(country).map((entry) => ({
    ...entry,
    purposeKey: entry.purpose,
    purpose: t(lang, `channel.purpose.${entry.purpose}`),
    ...(entry.note ? { noteText: t(lang, `channel.note.${entry.note}`) } : {}),
  }));
}

/** Whether a link dials or messages a number directly. */
export function isTapToCall(url: string | undefined): boolean {
  return !!url && /^(tel:|https:\/\/wa\.me\/)/.test(url);
}
