import { browser } from 'wxt/browser';
import { assessPost } from '../detect';
import { createOverlay } from '../overlay';
import type { SiteAdapter } from '../sites/types';
import { adapterFor, siteAdapters } from '../sites/registry';
import {
  DEFAULT_SETTINGS,
  dismissPost,
  dismissedPostsItem,
  getDismissedPosts,
  getRealJobFeedback,
  getSettings,
  markRealJob,
  realJobFeedbackItem,
  watchSettings,
} from '../settings';
import type { OpenReportMessage, TabStatsMessage } from '../messages';
import { startWatcher, type WatcherStats } from '../watcher/watcher';
import { loadNgoForPage } from '../ngo/page';
import { bannerOrganisation, settingsUnderProfile } from '../ngo/organisation';
import { pageLifetime, type PageLifetimeOptions } from './lifetime';

/** What the content script takes from WXT's ContentScriptContext: its signal, as a hint only (see lifetime.ts). */
export interface PageContext {
  signal: AbortSignal;
}

const STATS_INTERVAL_MS = 1000;

/** Runs Waspada on the current page: picks the site's adapter, starts the watcher, wires settings and messages. */
export async function runOnPage(
  ctx: PageContext,
  adapters: readonly SiteAdapter[] = siteAdapters,
  lifetimeOptions?: PageLifetimeOptions,
): Promise<void> {
  const adapter = adapterFor(new URL(location.href), adapters);
  if (!adapter) return;
  // Teardown follows the extension's real lifetime, never WXT's page-forgeable signal alone.
  const lifetime = pageLifetime(ctx.signal, lifetimeOptions);
  const signal = lifetime.signal;

  // Storage trouble must not cost the user their warnings: fall back to defaults and no feedback.
  let settings = await getSettings().catch(() => DEFAULT_SETTINGS);
  const [dismissed, realJobs, ngo] = await Promise.all([
    getDismissedPosts().catch(() => []),
    getRealJobFeedback().catch(() => []),
    loadNgoForPage(() => [settings.country]),
  ]);
  if (signal.aborted) return;
  const hiddenKeys = () => Promise.all([getDismissedPosts(), getRealJobFeedback()]).then((lists) => lists.flat().map((entry) => entry.key));

  const sendStats = throttle((stats: WatcherStats) => {
    const message: TabStatsMessage = { type: 'waspada:tab-stats', ...stats, site: adapter.id };
    browser.runtime.sendMessage(message).catch(() => {});
  }, STATS_INTERVAL_MS, signal);

  const watcher = startWatcher({
    adapter,
    assess: (text) => assessPost(text, ngo.assessOptions()),
    overlay: createOverlay(document, {
      organisation: (lang) => bannerOrganisation(ngo.profile(), lang),
      canReport: () => ngo.profile()?.features.reporting ?? true,
    }),
    settings: settingsUnderProfile(settings, ngo.profile()),
    hiddenKeys: [...dismissed, ...realJobs].map((entry) => entry.key),
    signal,
    onDismiss: dismissPost,
    onRealJob: markRealJob,
    onReport: openReport,
    onStats: sendStats,
  });

  const stopWatchingSettings = watchSettings((next) => {
    settings = next;
    watcher.updateSettings(settingsUnderProfile(next, ngo.profile()));
  });
  // A new profile or rule pack: recompiled once by loadNgoForPage, then every post is assessed again.
  const stopWatchingNgo = ngo.onChange(() => {
    watcher.updateSettings(settingsUnderProfile(settings, ngo.profile()));
    watcher.reassess();
  });
  const refreshHidden = () => {
    hiddenKeys()
      .then((keys) => watcher.updateHiddenKeys(keys))
      .catch(() => {});
  };
  const stopWatchingDismissed = dismissedPostsItem.watch(refreshHidden);
  const stopWatchingRealJobs = realJobFeedbackItem.watch(refreshHidden);
  signal.addEventListener('abort', () => {
    stopWatchingSettings();
    stopWatchingNgo();
    stopWatchingDismissed();
    stopWatchingRealJobs();
  });
  lifetime.onLocationChange(() => watcher.rescan());
}

/** Default Report handler. The report flow is a later issue: nothing receives this message yet, so failures are ignored. */
function openReport(report: OpenReportMessage): void {
  browser.runtime.sendMessage(report).catch(() => {});
}

/** Calls `send` at most once per `intervalMs` with the latest value. */
function throttle<T>(send: (value: T) => void, intervalMs: number, signal: AbortSignal): (value: T) => void {
  let latest: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -Infinity;
  signal.addEventListener('abort', () => clearTimeout(timer));
  const flush = () => {
    timer = undefined;
    lastSent = Date.now();
    if (!signal.aborted) send(latest as T);
  };
  return (value) => {
    latest = value;
    if (timer !== undefined) return;
    const wait = lastSent + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}
