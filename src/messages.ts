import { z } from './zod';

/**
 * Messages between extension contexts. Every receiver parses with these schemas and ignores anything else.
 * Content scripts only talk to the background, never to the page.
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
