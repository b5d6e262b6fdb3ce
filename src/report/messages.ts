import { z } from '../zod';
import { IncludedFieldsSchema, UserShareSchema } from './schema';

/**
 * Messages of the report flow from extension pages. The banner's `waspada:open-report` is in src/messages.ts. The
 * background parses each with these schemas and ignores anything else.
 */

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
