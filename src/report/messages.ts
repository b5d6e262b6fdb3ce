import { z } from '../zod';
import { IncludedFieldsSchema, UserShareSchema } from './schema';

/**
 * Messages of the report flow. Until the overlay branch lands, `waspada:open-report` is defined here; the banner's
 * Report button sends it from the content script. The background parses each with these schemas and ignores anything else.
 */

/** Content script → background: the user pressed Report on a post. The page URL comes from the sender's tab, not from here. */
export const OpenReportMessageSchema = z.object({
  type: z.literal('waspada:open-report'),
  site: z.string().min(1).max(100),
  postId: z.string().max(300).nullable().optional(),
  text: z.string().max(20_000),
  permalink: z.string().max(2_000).nullable().optional(),
  author: z.object({ name: z.string().max(200), url: z.string().max(2_000).nullable().optional() }).nullable().optional(),
});
export type OpenReportMessage = z.infer<typeof OpenReportMessageSchema>;

/** Report form and options page → background. The background is the only writer of stored reports. */
export const ReportActionMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('waspada:report-edit'),
    id: z.string(),
    note: z.string().max(2_000).optional(),
    included: IncludedFieldsSchema.partial().optional(),
  }),
  z.object({ type: z.literal('waspada:report-send'), id: z.string() }),
  z.object({ type: z.literal('waspada:report-delete'), id: z.string() }),
  z.object({ type: z.literal('waspada:report-shared'), id: z.string(), channel: UserShareSchema.shape.channel }),
  z.object({ type: z.literal('waspada:report-destination'), destination: z.unknown() }),
]);
export type ReportActionMessage = z.infer<typeof ReportActionMessageSchema>;

export type ReportActionReply = { ok: true } | { ok: false; error: string };
