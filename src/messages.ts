import { z } from './zod';

/**
 * Messages between extension contexts. Every receiver parses with these schemas and ignores anything else.
 * Content scripts only talk to the background, never to the page.
 *
 * content script → background: TabStatsMessage, sent whenever its counts change (cumulative since the page loaded).
 *   The background takes the tab from the sender, keeps the numbers and sets the toolbar badge. No reply.
 * popup → background: GetTabStatsMessage → TabStats | null (null: no content script has reported for that tab).
 */
export const TabStatsMessageSchema = z.object({
  type: z.literal('waspada:tab-stats'),
  /** Posts assessed in this tab since it loaded. */
  checked: z.number().int().nonnegative(),
  /** Posts assessed high or caution (and shown per the user's sensitivity). */
  flagged: z.number().int().nonnegative(),
  /** Whether Waspada runs on this page (site supported, enabled, not paused). */
  active: z.boolean(),
  site: z.string().nullable(),
});
export type TabStatsMessage = z.infer<typeof TabStatsMessageSchema>;

export const GetTabStatsMessageSchema = z.object({ type: z.literal('waspada:get-tab-stats'), tabId: z.number().int() });
export type GetTabStatsMessage = z.infer<typeof GetTabStatsMessageSchema>;

/** What the background knows about one tab; the reply to GetTabStatsMessage. */
export const TabStatsSchema = z.object({
  checked: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
  active: z.boolean(),
  site: z.string().nullable(),
  /** Origin of the page that reported, to tell a navigation to another site from one within the site. */
  origin: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type TabStats = z.infer<typeof TabStatsSchema>;

/**
 * Content script → background: the user pressed Report on a banner. The report flow is a later issue; until it
 * lands nothing receives this message (sending it then fails quietly, and the content script ignores that).
 */
export const OpenReportMessageSchema = z.object({
  type: z.literal('waspada:open-report'),
  /** Site adapter id. */
  site: z.string(),
  /** Same key as the user's dismiss / real-job feedback for this post. */
  postKey: z.string().min(1),
  /** Permalink when the page shows one, else the page's URL. */
  url: z.string(),
  /** The start of the post's text, for the reporter to confirm. */
  excerpt: z.string().max(300),
  level: z.enum(['high', 'caution']),
  /** Detector signal ids behind the warning. */
  signals: z.array(z.string()),
});
export type OpenReportMessage = z.infer<typeof OpenReportMessageSchema>;
