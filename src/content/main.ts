import { browser } from 'wxt/browser';
import { assessPost } from '../detect';
import { createOverlay } from '../overlay';
import type { SiteAdapter } from '../sites/types';
import { interimAdapters } from '../sites/interim';
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

/** What the content script needs from WXT's ContentScriptContext. */
export interface PageContext {
  signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

const STATS_INTERVAL_MS = 1000;

/** Runs Waspada on the current page: picks the site's adapter, starts the watcher, wires settings and messages. */
export async function runOnPage(ctx: PageContext, adapters: SiteAdapter[] = interimAdapters): Promise<void> {
  const adapter = adapters.find((candidate) => candidate.isActive(new URL(location.href)));
  if (!adapter) return;

  // Storage trouble must not cost the user their warnings: fall back to defaults and no feedback.
  const [settings, dismissed, realJobs] = await Promise.all([
    getSettings().catch(() => DEFAULT_SETTINGS),
    getDismissedPosts().catch(() => []),
    getRealJobFeedback().catch(() => []),
  ]);
  if (ctx.signal.aborted) return;
  const hiddenKeys = () => Promise.all([getDismissedPosts(), getRealJobFeedback()]).then((lists) => lists.flat().map((entry) => entry.key));

  const sendStats = throttle((stats: WatcherStats) => {
    const message: TabStatsMessage = { type: 'waspada:tab-stats', ...stats, site: adapter.id };
    browser.runtime.sendMessage(message).catch(() => {});
  }, STATS_INTERVAL_MS, ctx.signal);

  const watcher = startWatcher({
    adapter,
    assess: (text) => assessPost(text),
    overlay: createOverlay(document),
    settings,
    hiddenKeys: [...dismissed, ...realJobs].map((entry) => entry.key),
    signal: ctx.signal,
    onDismiss: dismissPost,
    onRealJob: markRealJob,
    onReport: openReport,
    onStats: sendStats,
  });

  const stopWatchingSettings = watchSettings((next) => watcher.updateSettings(next));
  const refreshHidden = () => {
    hiddenKeys()
      .then((keys) => watcher.updateHiddenKeys(keys))
      .catch(() => {});
  };
  const stopWatchingDismissed = dismissedPostsItem.watch(refreshHidden);
  const stopWatchingRealJobs = realJobFeedbackItem.watch(refreshHidden);
  ctx.signal.addEventListener('abort', () => {
    stopWatchingSettings();
    stopWatchingDismissed();
    stopWatchingRealJobs();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.rescan());
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
