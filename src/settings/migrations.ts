/**
 * Stored settings versions and their migrations. Pure: each step takes what an older version stored (which may be
 * anything, even garbage) and returns the next version's shape without throwing; zod validation on read does the rest.
 *
 * v1 (first release): { country, uiLanguage, sensitivity, disabledSites, pausedUntil }
 * v2: adds `countryConfirmed`, set when the welcome page or options confirm the country of origin.
 */
export const SETTINGS_VERSION = 2;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 had no confirmation step. A v1 user who picked a country other than the default clearly chose it; one still on the
 * default may never have looked, so they are asked again.
 */
export function settingsV1ToV2(v1: unknown): unknown {
  if (!isRecord(v1)) return v1;
  if (typeof v1.countryConfirmed === 'boolean') return v1;
  return { ...v1, countryConfirmed: typeof v1.country === 'string' && v1.country !== 'ID' };
}

/** Keyed by the version each function migrates TO, as @wxt-dev/storage expects. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: settingsV1ToV2,
};

/** Runs the migrations from `fromVersion` up to `toVersion` in order, like the storage item does on load. */
export function migrateSettings(value: unknown, fromVersion: number, toVersion = SETTINGS_VERSION): unknown {
  let migrated = value;
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    const step = SETTINGS_MIGRATIONS[version];
    if (step) migrated = step(migrated);
  }
  return migrated;
}
