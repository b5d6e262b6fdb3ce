import { z } from '../zod';
import { SIGNAL_FAMILIES } from '../detect/types';

/**
 * A report of a job posting. Two shapes:
 * - `StoredReport`: what stays on the device (everything captured, the user's choices, delivery state).
 * - `ReportPayload`: what is POSTed to an NGO, built from a stored report with only the fields the user left ticked.
 * Receivers build against the payload's JSON Schema (schemas/report.schema.json, `npm run schemas`).
 */

export const REPORT_SCHEMA_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });
const webUrl = z.url({ protocol: /^https?$/ });

export const ContactSchema = z.object({
  /** phone: a number in the text; whatsapp / telegram: the text or a link says so; handle: an @name; email. */
  kind: z.enum(['phone', 'whatsapp', 'telegram', 'handle', 'email']),
  /** Normalised: E.164 ("+6281234567890") for numbers when possible, "@name" for handles, lower-case email, or a link. */
  value: z.string().min(1).max(300),
  /** As written in the post. */
  raw: z.string().min(1).max(300),
  /** True when `value` is a number in E.164 form. */
  e164: z.boolean(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ReportReasonSchema = z.object({
  signalId: z.string().min(1).max(100),
  family: z.enum(SIGNAL_FAMILIES),
  /** The post's own words that triggered the signal. */
  evidence: z.array(z.string().max(500)).max(20),
});
export type ReportReason = z.infer<typeof ReportReasonSchema>;

export const AuthorSchema = z.object({
  name: z.string().min(1).max(200),
  url: webUrl.optional(),
});

/** Fields the user can untick in the form. */
export const REPORT_FIELDS = ['postText', 'permalink', 'pageUrl', 'author', 'seenAt', 'contacts', 'reasons', 'note'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export const IncludedFieldsSchema = z.object(
  Object.fromEntries(REPORT_FIELDS.map((field) => [field, z.boolean()])) as Record<ReportField, z.ZodBoolean>,
);
export type IncludedFields = z.infer<typeof IncludedFieldsSchema>;
export const ALL_FIELDS_INCLUDED: IncludedFields = Object.fromEntries(REPORT_FIELDS.map((f) => [f, true])) as IncludedFields;

/** What was captured from the page when the user asked to report. */
export const CapturedPostSchema = z.object({
  /** Site adapter id ("facebook", "telegram-k", ...) or the page's host name for the context menu elsewhere. */
  site: z.string().min(1).max(100),
  /** The site's own post or message id, when the page shows one. */
  sitePostId: z.string().max(300).nullable(),
  text: z.string().max(20_000),
  permalink: webUrl.nullable(),
  pageUrl: webUrl,
  author: AuthorSchema.nullable(),
  seenAt: isoDateTime,
  level: z.enum(['high', 'caution', 'none']),
  reasons: z.array(ReportReasonSchema).max(50),
  contacts: z.array(ContactSchema).max(100),
});
export type CapturedPost = z.infer<typeof CapturedPostSchema>;

/** Why an attempt failed, for the user in their language; `reason` keeps the technical detail (exports, NGOs). */
export const FAILURE_CODES = ['no-destination', 'not-https', 'unreachable', 'timeout', 'redirect', 'no-ack', 'server-error', 'refused'] as const;
export const FailureCodeSchema = z.enum(FAILURE_CODES);
export type FailureCode = z.infer<typeof FailureCodeSchema>;

export const DeliveryStatusSchema = z.discriminatedUnion('state', [
  /** On this device only; nothing sent. */
  z.object({ state: z.literal('saved') }),
  /** The user pressed send: waiting for (or in) an attempt. */
  z.object({
    state: z.literal('sending'),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: z.number().int().nonnegative(),
  }),
  /** The receiver acknowledged it (2xx with a JSON ack). */
  z.object({
    state: z.literal('delivered'),
    attempts: z.number().int().positive(),
    deliveredAt: z.number().int().nonnegative(),
    /** The receiver's id for the report, from its ack. */
    receipt: z.string().max(300),
  }),
  /** The last attempt failed. Retried at `nextAttemptAt` unless `permanent`. */
  z.object({
    state: z.literal('failed'),
    code: FailureCodeSchema,
    attempts: z.number().int().positive(),
    reason: z.string().max(500),
    permanent: z.boolean(),
    nextAttemptAt: z.number().int().nonnegative().nullable(),
  }),
]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** Something the user sent themselves (we only know they pressed the link). */
export const UserShareSchema = z.object({
  channel: z.enum(['whatsapp', 'email', 'platform']),
  at: z.number().int().nonnegative(),
});

export const StoredReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** Random UUID; also the idempotency key sent to the receiver. */
  id: z.uuid(),
  /** Same post, same key: permalink, site post id or a hash of the normalised text. See `reportKey`. */
  key: z.string().min(1).max(300),
  source: z.enum(['banner', 'context-menu']),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  post: CapturedPostSchema,
  note: z.string().max(2_000),
  included: IncludedFieldsSchema,
  delivery: DeliveryStatusSchema,
  shares: z.array(UserShareSchema).max(100),
});
export type StoredReport = z.infer<typeof StoredReportSchema>;

/** The JSON body POSTed to an NGO endpoint. Fields the user unticked are absent. */
export const ReportPayloadSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('Version of this payload format.'),
    id: z.uuid().describe('Report id; also sent as the Idempotency-Key header. The same id may arrive more than once.'),
    createdAt: isoDateTime.describe('When the user first reported this post.'),
    updatedAt: isoDateTime.describe('When the user last changed the report.'),
    site: z.string().min(1).max(100).describe('Where the post was seen: facebook, facebook-mobile, telegram-k, telegram-a, whatsapp, x, or a host name.'),
    level: z.enum(['high', 'caution', 'none']).describe("Waspada's warning level for the post."),
    post: z
      .object({
        text: z.string().max(20_000).optional().describe("The post's text."),
        permalink: webUrl.optional().describe("Link to the post itself."),
        pageUrl: webUrl.optional().describe('The page the user was on.'),
        author: AuthorSchema.optional().describe("The post's author as the page shows it."),
        seenAt: isoDateTime.optional().describe('When the user saw the post.'),
      })
      .describe('The post, as far as the user chose to include it.'),
    contacts: z.array(ContactSchema).max(100).optional().describe('Contacts found in the post text.'),
    reasons: z.array(ReportReasonSchema).max(50).optional().describe("The detector's reasons, each quoting the post."),
    note: z.string().max(2_000).optional().describe("The user's own note."),
  })
  .describe('A job posting reported by a Waspada user as a possible scam-compound recruitment.');
export type ReportPayload = z.infer<typeof ReportPayloadSchema>;

/** The payload a stored report sends: only the fields the user left ticked, and empty ones left out. */
export function buildPayload(report: StoredReport): ReportPayload {
  const { post, included } = report;
  const payload: ReportPayload = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: report.id,
    createdAt: new Date(report.createdAt).toISOString(),
    updatedAt: new Date(report.updatedAt).toISOString(),
    site: post.site,
    level: post.level,
    post: {},
  };
  if (included.postText && post.text) payload.post.text = post.text;
  if (included.permalink && post.permalink) payload.post.permalink = post.permalink;
  if (included.pageUrl) payload.post.pageUrl = post.pageUrl;
  if (included.author && post.author) payload.post.author = post.author;
  if (included.seenAt) payload.post.seenAt = post.seenAt;
  if (included.contacts && post.contacts.length) payload.contacts = post.contacts;
  if (included.reasons && post.reasons.length) payload.reasons = post.reasons;
  if (included.note && report.note.trim()) payload.note = report.note.trim();
  return ReportPayloadSchema.parse(payload);
}

/** The JSON Schema receivers build against (committed as schemas/report.schema.json). */
export function reportPayloadJsonSchema(): unknown {
  return z.toJSONSchema(ReportPayloadSchema, { target: 'draft-2020-12', io: 'input' });
}
