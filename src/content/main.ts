import { browser } from 'wxt/browser';
import { assessPost } from '../detect';
import { createOverlay } from '../overlay';
import type { SiteAdapter } from '../sites/types';
import { adapterFor, siteAdapters } from '../sites/registry';
import {
  DEFAULT_SETTINGS,
  dismissPost,
  getDismissedPosts,
  getRealJobFeedback,
  getSettings,
  markRealJob,
  watchFeedback,
  watchSettings,
  type PostFeedback,
  type Settings,
} from '../settings';
import type { OpenReportMessage, TabStatsMessage } from '../messages';
import { startWatcher, type Watcher, type WatcherStats } from '../watcher/watcher';
import { loadNgoForPage, type NgoForPage } from '../ngo/page';
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

  // Watch before the first read: whatever is saved while the page loads (the options page open in another tab, a
  // dismissal in another tab) must reach this page, not fall between the read and the watch. A value seen here is
  // newer than any read, so the read only fills what no change has told us yet.
  let watcher: Watcher | null = null;
  let ngo: NgoForPage | null = null;
  let settings: Settings | null = null;
  let dismissed: PostFeedback[] | null = null;
  let realJobs: PostFeedback[] | null = null;
  const hiddenKeys = () => [...(dismissed ?? []), ...(realJobs ?? [])].map((entry) => entry.key);
  const settingsOnPage = () => settingsUnderProfile(settings ?? DEFAULT_SETTINGS, ngo?.profile() ?? null);
  const stopWatching = [
    watchSettings((next) => {
      settings = next;
      watcher?.updateSettings(settingsOnPage());
    }),
    watchFeedback('dismissed', (entries) => {
      dismissed = entries;
      watcher?.updateHiddenKeys(hiddenKeys());
    }),
    watchFeedback('realJob', (entries) => {
      realJobs = entries;
      watcher?.updateHiddenKeys(hiddenKeys());
    }),
  ];
  signal.addEventListener('abort', () => stopWatching.forEach((stop) => stop()), { once: true });

  // Storage trouble must not cost the user their warnings: fall back to defaults and no feedback.
  const storedSettings = await getSettings().catch(() => DEFAULT_SETTINGS);
  settings ??= storedSettings;
  const [storedDismissed, storedRealJobs, loadedNgo] = await Promise.all([
    getDismissedPosts().catch(() => []),
    getRealJobFeedback().catch(() => []),
    loadNgoForPage(() => [(settings ?? storedSettings).country], signal),
  ]);
  if (signal.aborted) return;
  dismissed ??= storedDismissed;
  realJobs ??= storedRealJobs;
  ngo = loadedNgo;

  const sendStats = throttle((stats: WatcherStats) => {
    const message: TabStatsMessage = { type: 'waspada:tab-stats', ...stats, site: adapter.id };
    browser.runtime.sendMessage(message).catch(() => {});
  }, STATS_INTERVAL_MS, signal);

  const running = startWatcher({
    adapter,
    assess: (text) => assessPost(text, loadedNgo.assessOptions()),
    overlay: createOverlay(document, {
      organisation: (lang) => bannerOrganisation(loadedNgo.profile(), lang),
      canReport: () => loadedNgo.profile()?.features.reporting ?? true,
    }),
    settings: settingsOnPage(),
    hiddenKeys: hiddenKeys(),
    signal,
    onDismiss: dismissPost,
    onRealJob: markRealJob,
    onReport: openReport,
    onStats: sendStats,
  });
  watcher = running;

  // A new profile or rule pack: recompiled once by loadNgoForPage, then every post is assessed again.
  const stopWatchingNgo = loadedNgo.onChange(() => {
    running.updateSettings(settingsOnPage());
    running.reassess();
  });
  signal.addEventListener('abort', stopWatchingNgo, { once: true });
  lifetime.onLocationChange(() => running.rescan());
}

/**
 * Report: the background saves a draft and opens the report form beside this tab (src/report/background.ts). A send
 * fails only when the extension is going away (updated, removed); the page has nothing better to do then, so it is dropped.
 */
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
