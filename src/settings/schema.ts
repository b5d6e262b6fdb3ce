import { z } from '../zod';
import { CountrySchema } from '../channels/schema';
import { UI_LANGUAGES } from '../i18n/languages';

export const UiLanguageSchema = z.enum(UI_LANGUAGES);

export const SettingsSchema = z.object({
  /** Country of origin: decides which official channels the banner shows. */
  country: CountrySchema,
  /** True once the user confirmed the country (welcome page or options); until then it is only a guess. */
  countryConfirmed: z.boolean(),
  uiLanguage: UiLanguageSchema,
  /** 'all' shows caution and high; 'high' shows only high. */
  sensitivity: z.enum(['all', 'high']),
  /** Site adapter ids the user turned off. */
  disabledSites: z.array(z.string()),
  /** Epoch ms until which Waspada is paused; 0 when running. */
  pausedUntil: z.number().int().nonnegative(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  country: 'ID',
  countryConfirmed: false,
  uiLanguage: 'id',
  sensitivity: 'all',
  disabledSites: [],
  pausedUntil: 0,
};

/** A post the user dismissed or marked as a real job. `key` is the site's post id or a hash of the text. */
export const PostFeedbackSchema = z.object({
  key: z.string().min(1),
  site: z.string(),
  excerpt: z.string().max(300),
  url: z.string(),
  at: z.number().int(),
});
export type PostFeedback = z.infer<typeof PostFeedbackSchema>;
