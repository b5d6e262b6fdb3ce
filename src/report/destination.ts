import { storage } from '@wxt-dev/storage';
import { describeZodError, z } from '../zod';
import { getEffectiveProfile } from '../ngo/store';

/**
 * Where "Send to <NGO>" delivers reports: the user's setting, unless an NGO profile names its endpoint.
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

export type DestinationRead = {
  destination: ReportDestination | null;
  problem: string | null;
  /** The organisation whose profile (policy or import) sets the destination; the user's own setting then waits. */
  fromProfile?: string | null;
};

export function parseDestination(raw: unknown): DestinationRead {
  if (raw == null) return { destination: null, problem: null };
  const parsed = ReportDestinationSchema.safeParse(raw);
  return parsed.success ? { destination: parsed.data, problem: null } : { destination: null, problem: describeZodError(parsed.error) };
}

/** Where reports go: the NGO profile's endpoint when one applies (issue 6), else the user's own setting. */
export async function getReportDestination(): Promise<DestinationRead> {
  const { profile } = await getEffectiveProfile();
  if (profile?.reportEndpoint) {
    const name = profile.organisation.name;
    return { destination: { name, url: profile.reportEndpoint }, problem: null, fromProfile: name };
  }
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
