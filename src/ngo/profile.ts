/**
 * The NGO profile: how an organisation that distributes Waspada makes it its own without a code change. It arrives
 * by enterprise policy (managed storage) or by an import in the options page; this schema is the boundary for both.
 * The committed JSON Schema (schemas/ngo-profile.schema.json) is generated from it.
 */
import { describeZodError, z } from '../zod';
import { ChannelEntrySchema, CountrySchema } from '../channels/schema';
import { UI_LANGUAGES } from '../i18n/languages';
import { SIGNAL_FAMILIES } from '../detect/types';
import { RULE_LANGS } from '../detect/rules/schema';
import { SITES } from '../sites/site-list';

export const PROFILE_FORMAT = 1;

const SITE_IDS = SITES.map((site) => site.id) as [string, ...string[]];

/** An https:// address: profiles never make the extension talk to a server in clear text. */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'must be an https:// address' }).max(2000);

/**
 * Logos are inline data: URLs, never fetched (a logo from a server would be a request while the user browses), and
 * are drawn with <img> only, where an SVG's scripts do not run.
 */
export const MAX_LOGO_CHARS = 40_000;
export const LogoSchema = z
  .string()
  .max(MAX_LOGO_CHARS, `must be at most ${MAX_LOGO_CHARS} characters (about ${Math.floor((MAX_LOGO_CHARS * 3) / 4 / 1024)} KB of image)`)
  .regex(/^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a data:image/png;base64,… or data:image/svg+xml;base64,… URL')
  .refine(looksLikeItsType, 'the data does not hold the image type it names (PNG signature or SVG markup expected)');

function looksLikeItsType(dataUrl: string): boolean {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  let head: string;
  try {
    head = atob(base64.slice(0, 64));
  } catch {
    return false;
  }
  if (dataUrl.startsWith('data:image/png')) return head.startsWith('\x89PNG\r\n\x1a\n');
  return /^\s*(?:<\?xml|<svg|<!--|<!DOCTYPE svg)/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''));
}

export const ExtraRuleSchema = z
  .object({
    /** The signal family the phrases count towards ("destination", "role", "warning", ...). */
    family: z.enum(SIGNAL_FAMILIES),
    /** Language of the posts the phrases are for; "any" matches in every language. */
    lang: z.enum(RULE_LANGS).default('any'),
    /** Strength of a match within its family, 0..1. */
    weight: z.number().min(0).max(1).default(0.8),
    /** Literal text (not regular expressions), matched like posts are read: case, accents and obfuscation folded. */
    phrases: z.array(z.string().trim().min(2, 'must be at least 2 characters').max(200)).min(1).max(500),
  })
  .strict();
export type ExtraRule = z.infer<typeof ExtraRuleSchema>;

export const KnownRecruitersSchema = z
  .object({
    /** Random hex chosen by the NGO, at least 16 bytes; the same salt for every hash of the list. */
    salt: z.string().regex(/^[0-9a-f]{32,128}$/, 'must be 32 to 128 lower-case hex digits'),
    /** SHA-256 of salt + canonical contact, lower-case hex (made by `npm run hash-contacts`). */
    hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in 64 lower-case hex digits')).max(50_000),
  })
  .strict();
export type KnownRecruiters = z.infer<typeof KnownRecruitersSchema>;

/** A raw Ed25519 public key (32 bytes) in base64, as `npm run sign-rules -- --generate-key` prints it. */
export const Ed25519PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 Ed25519 public key (44 characters ending in "=")');

export const RuleUpdatesSchema = z
  .object({
    /** Where the signed rule pack is hosted (served with Access-Control-Allow-Origin: *). */
    url: HttpsUrlSchema,
    publicKey: Ed25519PublicKeySchema,
    /** How often to look for a new pack. */
    checkEveryHours: z.number().int().min(1).max(168).default(24),
  })
  .strict();
export type RuleUpdates = z.infer<typeof RuleUpdatesSchema>;

export const NgoProfileSchema = z
  .object({
    /** Lets editors find the JSON Schema; ignored. */
    $schema: z.string().optional(),
    format: z.literal(PROFILE_FORMAT).describe('Profile format version: 1.'),
    organisation: z
      .object({
        name: z.string().trim().min(1).max(80),
        logo: LogoSchema.optional(),
        website: HttpsUrlSchema.optional(),
      })
      .strict()
      .describe('The organisation: name, logo (a small data:image/png or svg+xml URL), website.'),
    /** The organisation's own helplines and contacts, shown first in the banner, before the official channels. */
    channels: z.array(ChannelEntrySchema).max(6).default([]).describe('Its own helplines and contacts, shown first in the banner.'),
    /** Country and language used until the user chooses their own. */
    defaults: z
      .object({
        country: CountrySchema.optional(),
        language: z.enum(UI_LANGUAGES).optional(),
      })
      .strict()
      .default({})
      .describe('Country and UI language used until the user chooses their own.'),
    /** Where "Send report" delivers (the receiver contract is in the README). */
    reportEndpoint: HttpsUrlSchema.optional().describe('https:// address that receives reports sent with "Send report".'),
    extraRules: z.array(ExtraRuleSchema).max(200).default([]).describe('Extra phrases per signal family and language, with weights.'),
    knownRecruiters: KnownRecruitersSchema.optional().describe('Known recruiter contacts as salted SHA-256 hashes (npm run hash-contacts).'),
    ruleUpdates: RuleUpdatesSchema.optional().describe('Signed rule-pack updates: https:// address, Ed25519 public key, schedule.'),
    features: z
      .object({
        /** false hides Report on banners and sends nothing anywhere. */
        reporting: z.boolean().default(true),
        /** Sites where Waspada does not run, whatever the user chooses. */
        disabledSites: z.array(z.enum(SITE_IDS)).default([]),
      })
      .strict()
      .default({ reporting: true, disabledSites: [] })
      .describe('Feature switches: reporting on or off, sites turned off.'),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    profile.channels.forEach((channel, index) => {
      if (seen.has(channel.id)) ctx.addIssue({ code: 'custom', path: ['channels', index, 'id'], message: `duplicate id "${channel.id}"` });
      seen.add(channel.id);
    });
  });
export type NgoProfile = z.infer<typeof NgoProfileSchema>;

export type ProfileParse = { ok: true; profile: NgoProfile } | { ok: false; error: string };

/** Validates a profile; the error names each field and its problem, one per line ("organisation.name: …"). */
export function parseProfile(raw: unknown): ProfileParse {
  const parsed = NgoProfileSchema.safeParse(raw);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, error: describeZodError(parsed.error) };
}

/** A profile as text (an uploaded file, a downloaded one): JSON errors are named too. */
export function parseProfileText(text: string): ProfileParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `(root): not valid JSON (${(error as Error).message})` };
  }
  return parseProfile(raw);
}
