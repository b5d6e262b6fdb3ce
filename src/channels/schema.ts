import { z } from '../zod';

/** Origin countries we ship channels for (ISO 3166-1 alpha-2). */
export const COUNTRIES = ['ID', 'PH', 'VN', 'TH', 'MM', 'MY', 'KE', 'IN'] as const;
export const CountrySchema = z.enum(COUNTRIES);
export type Country = z.infer<typeof CountrySchema>;

export const OfficialChannelSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['hotline', 'whatsapp', 'web', 'app', 'embassy', 'report-site']),
  /** What the user dials, messages or opens, as printed: "0800-1000", "+855 12 813 282", "siskop2mi.bp2mi.go.id". */
  value: z.string().min(1),
  /** tel:, https://wa.me/ or https:// link; only verified numbers get a tel: or wa.me link. */
  url: z.string().url().optional(),
  /** Plain words: what this channel is for. */
  purpose: z.string().min(1),
  /** Where the fact comes from. */
  source: z.string().min(1),
  /** ISO date the entry was last checked against its source. */
  verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** False while only one source backs the number: shown, but never tap-to-call. */
  verified: z.boolean(),
});
export type OfficialChannel = z.infer<typeof OfficialChannelSchema>;

export const CountryChannelsSchema = z.object({
  country: CountrySchema,
  channels: z.array(OfficialChannelSchema).min(1),
});
export type CountryChannels = z.infer<typeof CountryChannelsSchema>;
