import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, PostFeedbackSchema, SettingsSchema, type PostFeedback, type Settings } from './schema';
import { z } from '../zod';

export * from './schema';

// Version 1. The settings issue adds migrations; every read goes through zod.
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

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

const FeedbackListSchema = z.array(PostFeedbackSchema);
export const dismissedPostsItem = storage.defineItem<unknown>('local:dismissedPosts', { fallback: [], version: 1 });
export const realJobFeedbackItem = storage.defineItem<unknown>('local:realJobFeedback', { fallback: [], version: 1 });

function parseFeedback(raw: unknown): PostFeedback[] {
  const parsed = FeedbackListSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export async function getDismissedPosts(): Promise<PostFeedback[]> {
  return parseFeedback(await dismissedPostsItem.getValue());
}
export async function getRealJobFeedback(): Promise<PostFeedback[]> {
  return parseFeedback(await realJobFeedbackItem.getValue());
}
export async function dismissPost(entry: PostFeedback): Promise<void> {
  const list = (await getDismissedPosts()).filter((e) => e.key !== entry.key);
  await dismissedPostsItem.setValue([...list, PostFeedbackSchema.parse(entry)]);
}
export async function markRealJob(entry: PostFeedback): Promise<void> {
  const list = (await getRealJobFeedback()).filter((e) => e.key !== entry.key);
  await realJobFeedbackItem.setValue([...list, PostFeedbackSchema.parse(entry)]);
}
