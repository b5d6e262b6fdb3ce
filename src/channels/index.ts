import { CountryChannelsSchema, type Country, type OfficialChannel } from './schema';
import ID from './data/ID.json';

export * from './schema';

// Validated once at load: a malformed data file fails the build's tests, not a user's banner.
const BY_COUNTRY: Partial<Record<Country, OfficialChannel[]>> = Object.fromEntries(
  [ID].map((data) => {
    const parsed = CountryChannelsSchema.parse(data);
    return [parsed.country, parsed.channels];
  }),
);

/** Official channels of a country of origin, most useful first; Indonesia's when the country has none yet. */
export function channelsFor(country: Country): OfficialChannel[] {
  return BY_COUNTRY[country] ?? BY_COUNTRY.ID ?? [];
}
