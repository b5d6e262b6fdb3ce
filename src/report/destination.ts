import { storage } from '@wxt-dev/storage';
import { describeZodError, z } from '../zod';

/**
 * Where "Send to <NGO>" delivers reports. A setting for now; the NGO profile (issue 6) will set it too.
 * HTTPS only: a report carries what a user saw and wrote, and must not cross the network in clear text.
 */
export const ReportDestinationSchema = z.object({
  /** The organisation's name as shown on the send button. */
  name: z.string().trim().min(1).max(80),
  url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }),
  /** Optional address for "Send by email". */
  email: z.email().optional(),
});
export type ReportDestination = z.infer<typeof ReportDestinationSchema>;

export const reportDestinationItem = storage.defineItem<unknown>('local:reportDestination', { fallback: null, version: 1 });

export type DestinationRead = { destination: ReportDestination | null; problem: string | null };

export function parseDestination(raw: unknown): DestinationRead {
  if (raw == null) return { destination: null, problem: null };
  const parsed = ReportDestinationSchema.safeParse(raw);
  return parsed.success ? { destination: parsed.data, problem: null } : { destination: null, problem: describeZodError(parsed.error) };
}

export async function getReportDestination(): Promise<DestinationRead> {
  return parseDestination(await reportDestinationItem.getValue());
}

/** Saves a valid destination (or clears it with null); an invalid one throws a message naming the field. */
export async function setReportDestination(value: unknown): Promise<ReportDestination | null> {
  if (value == null) {
    await reportDestinationItem.setValue(null);
    return null;
  }
  const parsed = ReportDestinationSchema.safeParse(value);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  await reportDestinationItem.setValue(parsed.data);
  return parsed.data;
}
