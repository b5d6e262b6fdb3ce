import { z } from './zod';
import type { Assessment } from './detect/types';
import type { BannerKit } from './overlay/banner';
import { PostFeedbackSchema, type Settings } from './settings/schema';
import { MAX_ASSESS_BATCH, MAX_ASSESSED_CHARS } from './message-constants';

/**
 * Messages between extension contexts. Every receiver parses with these schemas and ignores anything else.
 * Content scripts only talk to the background, never to the page.
 *
 * content script → background: TabStatsMessage, sent whenever its counts change (cumulative since the page loaded).
 *   The background takes the tab from the sender, keeps the numbers and sets the toolbar badge. No reply.
 * popup → background: GetTabStatsMessage → TabStats | null (null: no content script has reported for that tab).
 * content script → background: PageStateMessage → PageState; AssessMessage → AssessReply; FeedbackMessage → null.
 *   The content script keeps no detector, schema, locale or channel data of its own (it runs on every page, so it
 *   must stay small and cheap): the background validates what is stored and does the work, and the content script
 *   trusts only what the extension's own background sends it.
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
 * Content script → background: the user pressed Report on a banner. The background saves a draft and opens the
 * report form (src/report/background.ts). The page URL is taken from the sender's tab, not from this message.
 */
export const OpenReportMessageSchema = z.object({
  type: z.literal('waspada:open-report'),
  /** Site adapter id. */
  site: z.string().min(1).max(100),
  /** Same key as the user's dismiss / real-job feedback for this post. */
  postKey: z.string().min(1).max(300),
  /** Permalink when the page shows one, else the page's URL. */
  url: z.string().max(2_000),
  /** The start of the post's text. */
  excerpt: z.string().max(300),
  level: z.enum(['high', 'caution']),
  /** Detector signal ids behind the warning. */
  signals: z.array(z.string()),
  /** The post's whole text, as assessed. */
  text: z.string().max(20_000).optional(),
  /** The site's own id for the post, when it has one. */
  postId: z.string().max(300).nullable().optional(),
  /** Permalink when the page shows one (null when `url` is only the page's address). */
  permalink: z.string().max(2_000).nullable().optional(),
  /** Author name and profile link when the page shows them. */
  author: z.object({ name: z.string().max(200), url: z.string().max(2_000).optional() }).nullable().optional(),
});
export type OpenReportMessage = z.infer<typeof OpenReportMessageSchema>;

/** Content script → background: what it needs to run on a page. */
export const PageStateMessageSchema = z.object({ type: z.literal('waspada:page-state') });
export type PageStateMessage = z.infer<typeof PageStateMessageSchema>;

/** The reply to PageStateMessage: validated settings, the keys of posts the user hid, and what banners say. */
export interface PageState {
  /** As they apply on pages (sites an organisation turned off are off). */
  settings: Settings;
  hiddenKeys: string[];
  banner: BannerKit;
  /** Names the detector in force (rules, NGO profile): when it changes, every post is assessed again. */
  detector: string;
}

export { ASSESS_PORT, MAX_ASSESS_BATCH, MAX_ASSESSED_CHARS } from './message-constants';

/**
 * Content script → background: assess these posts' texts. Sent on the 'waspada:assess' port with an `id` the reply
 * repeats (or, without one, as a runtime message answered directly).
 */
export const AssessMessageSchema = z.object({
  type: z.literal('waspada:assess'),
  id: z.number().int().nonnegative().optional(),
  texts: z.array(z.string().max(MAX_ASSESSED_CHARS)).min(1).max(MAX_ASSESS_BATCH),
});
export type AssessMessage = z.infer<typeof AssessMessageSchema>;

/** The reply to AssessMessage: one assessment per text, in order (signals only for flagged posts). */
export interface AssessReply {
  id?: number;
  assessments: Assessment[];
}

/** Content script → background: the user dismissed a banner or said the post is a real job; the background stores it. */
export const FeedbackMessageSchema = z.object({
  type: z.literal('waspada:feedback'),
  kind: z.enum(['dismissed', 'realJob']),
  entry: PostFeedbackSchema,
});
export type FeedbackMessage = z.infer<typeof FeedbackMessageSchema>;
