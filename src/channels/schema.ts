import { z } from '../zod';

/** Origin countries we ship channels for (ISO 3166-1 alpha-2). */
export const COUNTRIES = ['ID', 'PH', 'VN', 'TH', 'MM', 'MY', 'KE', 'IN'] as const;
export const CountrySchema = z.enum(COUNTRIES);
export type Country = z.infer<typeof CountrySchema>;

export const CHANNEL_KINDS = ['hotline', 'whatsapp', 'web', 'app', 'embassy', 'report-site'] as const;

/**
 * What a channel is for. Each is a message key `channel.purpose.<id>` in every UI language, so the banner and the
 * options page say it in the reader's language; many channels share one purpose.
 */
export const CHANNEL_PURPOSES = [
  'ask-or-report-job', // ask about a job offer abroad, or report one
  'check-job-and-agency', // check a job order and whether an agency is licensed
  'check-agency', // check whether an agency is licensed
  'check-job-order', // check whether a job order is approved
  'report-recruiter', // report an illegal recruiter or a fake job post
  'work-abroad-info', // how to work abroad legally
  'job-portal', // official job portal
  'migrant-app', // app for migrant workers
  'help-abroad', // the Foreign Ministry's help for citizens abroad
  'register-trip', // register a trip abroad so the embassy can find you
  'embassy-help', // your embassy in a risky country: help for citizens there
  'embassy-consular', // your embassy's consular office: passports and documents
  'report-trafficking', // report human trafficking
  'report-cybercrime', // report online crime to the police
  'report-content', // report a harmful post or site
  'report-number', // report a scam phone number
  'report-scam-money', // lost money to a scam: call at once
] as const;
export type ChannelPurpose = (typeof CHANNEL_PURPOSES)[number];

/** Extra line shown under a channel, message key `channel.note.<id>`. */
export const CHANNEL_NOTES = ['free-call', 'from-abroad', 'embassy-help-free', 'press-2'] as const;
export type ChannelNote = (typeof CHANNEL_NOTES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** One channel as stored in `data/<country>.json`. */
export const ChannelEntrySchema = z
  .object({
    /** Stable id within the country ("kp2mi-call"); checklists refer to channels by it. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    name: z.string().min(1),
    kind: z.enum(CHANNEL_KINDS),
    /** What the user dials, messages or opens, as printed: "0800-1000", "+855 12 813 282", "siskop2mi.bp2mi.go.id". */
    value: z.string().min(1),
    /** tel:, https://wa.me/ or https:// link; only verified numbers get a tel: or wa.me link. */
    url: z.string().url().optional(),
    purpose: z.enum(CHANNEL_PURPOSES),
    note: z.enum(CHANNEL_NOTES).optional(),
    /** Where the fact comes from: publisher, date, address. */
    source: z.string().min(1),
    /** ISO date the entry was last reviewed against its sources. */
    verifiedOn: isoDate,
    /**
     * True only when at least two independent public sources agree on the value. Unverified entries are shown with a
     * "not checked yet" note and are never tap-to-call.
     */
    verified: z.boolean(),
  })
  .superRefine((entry, ctx) => {
    if (!entry.verified && entry.url && /^(tel:|https:\/\/wa\.me\/)/.test(entry.url)) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'an unverified number must not be tap-to-call (tel: or wa.me)' });
    }
  });
export type ChannelEntry = z.infer<typeof ChannelEntrySchema>;

export const CountryChannelsSchema = z
  .object({
    country: CountrySchema,
    channels: z.array(ChannelEntrySchema).min(1),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.channels.forEach((channel, index) => {
      if (seen.has(channel.id)) ctx.addIssue({ code: 'custom', path: ['channels', index, 'id'], message: `duplicate id "${channel.id}"` });
      seen.add(channel.id);
    });
  });
export type CountryChannels = z.infer<typeof CountryChannelsSchema>;

/**
 * A channel as the UI shows it: the stored entry with `purpose` in the reader's language (the stored key moves to
 * `purposeKey`) and `noteText` when the entry has a note.
 */
export const OfficialChannelSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  kind: z.enum(CHANNEL_KINDS),
  value: z.string().min(1),
  url: z.string().url().optional(),
  purpose: z.string().min(1),
  purposeKey: z.enum(CHANNEL_PURPOSES),
  note: z.enum(CHANNEL_NOTES).optional(),
  noteText: z.string().optional(),
  source: z.string().min(1),
  verifiedOn: isoDate,
  verified: z.boolean(),
});
export type OfficialChannel = z.infer<typeof OfficialChannelSchema>;
