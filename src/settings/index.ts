import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, PostFeedbackSchema, SettingsSchema, type PostFeedback, type Settings } from './schema';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { guessCountry, guessUiLanguage } from './guess';

export * from './schema';
export { SETTINGS_VERSION, migrateSettings } from './migrations';
export { guessCountry, guessUiLanguage, browserLanguages } from './guess';

/** Stored as `local:settings` with the version in `local:settings$` ({ v: 2 }); see migrations.ts. */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Stored settings, validated; a stored value that fails validation falls back field by field to the defaults. */
export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export function parseSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const [key, field] of Object.entries(SettingsSchema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (field.safeParse(value).success) merged[key] = value;
    }
  }
  return SettingsSchema.parse(merged);
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}

/** Whether anything was ever saved (false on a fresh install, before the guess is stored). */
export async function hasStoredSettings(): Promise<boolean> {
  return (await storage.getItem('local:settings')) != null;
}

/** Settings guessed from the browser's languages, not yet confirmed. */
export function guessedSettings(languages: readonly string[]): Settings {
  return { ...DEFAULT_SETTINGS, country: guessCountry(languages), uiLanguage: guessUiLanguage(languages) };
}

/** On install: store the guess so every screen and the banner use it until the user confirms or changes it. */
export async function seedSettingsFromBrowser(languages: readonly string[]): Promise<Settings> {
  if (await hasStoredSettings()) return getSettings();
  const guessed = guessedSettings(languages);
  await settingsItem.setValue(guessed);
  return guessed;
}

export const PAUSE_FOR_ONE_HOUR_MS = 60 * 60 * 1000;

export function isPaused(settings: Pick<Settings, 'pausedUntil'>, now = Date.now()): boolean {
  return settings.pausedUntil > now;
}
export function pause(durationMs = PAUSE_FOR_ONE_HOUR_MS, now = Date.now()): Promise<Settings> {
  return updateSettings({ pausedUntil: now + durationMs });
}
export function resume(): Promise<Settings> {
  return updateSettings({ pausedUntil: 0 });
}

/** Turns a site adapter on or off; `siteId` is an adapter id ('facebook', 'telegram-k', ...). */
export async function setSiteEnabled(siteId: string, enabled: boolean): Promise<Settings> {
  const others = (await getSettings()).disabledSites.filter((id) => id !== siteId);
  return updateSettings({ disabledSites: enabled ? others : [...others, siteId] });
}

// Feedback lists: posts the user dismissed, and posts they said are real jobs. Newest last, capped so storage stays small.
export const FEEDBACK_LIMIT = 500;
export const dismissedPostsItem = storage.defineItem<unknown>('local:dismissedPosts', { fallback: [], version: 1 });
export const realJobFeedbackItem = storage.defineItem<unknown>('local:realJobFeedback', { fallback: [], version: 1 });
export type FeedbackKind = 'dismissed' | 'realJob';
const FEEDBACK_ITEMS = { dismissed: dismissedPostsItem, realJob: realJobFeedbackItem } as const;

/** Keeps every valid entry of a stored list; a bad entry is dropped alone, a list that is not an array reads as empty. */
export function parseFeedback(raw: unknown): PostFeedback[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = PostFeedbackSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getFeedback(kind: FeedbackKind): Promise<PostFeedback[]> {
  return parseFeedback(await FEEDBACK_ITEMS[kind].getValue());
}
async function addFeedback(kind: FeedbackKind, entry: PostFeedback): Promise<void> {
  const valid = PostFeedbackSchema.parse(entry);
  const list = (await getFeedback(kind)).filter((e) => e.key !== valid.key);
  await FEEDBACK_ITEMS[kind].setValue([...list, valid].slice(-FEEDBACK_LIMIT));
}
/** Undo: removes the entry with this key; the banner shows again on that post. */
export async function removeFeedback(kind: FeedbackKind, key: string): Promise<void> {
  const list = await getFeedback(kind);
  const kept = list.filter((e) => e.key !== key);
  if (kept.length !== list.length) await FEEDBACK_ITEMS[kind].setValue(kept);
}
export function watchFeedback(kind: FeedbackKind, callback: (entries: PostFeedback[]) => void): () => void {
  return FEEDBACK_ITEMS[kind].watch((value) => callback(parseFeedback(value)));
}

export const getDismissedPosts = (): Promise<PostFeedback[]> => getFeedback('dismissed');
export const getRealJobFeedback = (): Promise<PostFeedback[]> => getFeedback('realJob');
export const dismissPost = (entry: PostFeedback): Promise<void> => addFeedback('dismissed', entry);
export const markRealJob = (entry: PostFeedback): Promise<void> => addFeedback('realJob', entry);
export const undoDismissPost = (key: string): Promise<void> => removeFeedback('dismissed', key);
export const undoMarkRealJob = (key: string): Promise<void> => removeFeedback('realJob', key);
