import { browser } from 'wxt/browser';
import { createOverlay } from '../overlay';
import type { SiteAdapter } from '../sites/types';
import { adapterFor, siteAdapters } from '../sites/registry';
import type { OpenReportMessage, PageState, TabStatsMessage } from '../messages';
import { startWatcher, type Watcher, type WatcherStats } from '../watcher/watcher';
import { portTransport, remoteAssessor, requestPageState, sendFeedback, type PortLike, type SendMessage } from './background';
import { pageLifetime, type PageLifetimeOptions } from './lifetime';

/** What the content script takes from WXT's ContentScriptContext: its signal, as a hint only (see lifetime.ts). */
export interface PageContext {
  signal: AbortSignal;
}

const STATS_INTERVAL_MS = 1000;
/** A background that is starting (an MV3 service worker waking up) may miss the first request. */
const PAGE_STATE_RETRIES_MS = [500, 2000];

/** How the content script reaches its background: messages, and a port for assessments. */
export interface BackgroundLink {
  send: SendMessage;
  connect(name: string): PortLike;
}

const extensionBackground: BackgroundLink = {
  send: (message) => browser.runtime.sendMessage(message),
  connect: (name) => browser.runtime.connect({ name }),
};

/**
 * Runs Waspada on the current page: picks the site's adapter, gets its settings and banner strings from the
 * background, and starts the watcher with the detector in the background. Nothing here reads storage or carries a
 * schema: this script runs on every page of every supported site, so it stays small (see issue 7).
 */
export async function runOnPage(
  ctx: PageContext,
  adapters: readonly SiteAdapter[] = siteAdapters,
  lifetimeOptions?: PageLifetimeOptions,
  background: BackgroundLink = extensionBackground,
): Promise<void> {
  const { send } = background;
  const adapter = adapterFor(new URL(location.href), adapters);
  if (!adapter) return;
  // Teardown follows the extension's real lifetime, never WXT's page-forgeable signal alone.
  const lifetime = pageLifetime(ctx.signal, lifetimeOptions);
  const signal = lifetime.signal;

  // Listen before the first read: whatever is saved while the page loads (the options page in another tab, a
  // dismissal in another tab, an NGO update) must reach this page, not fall between the read and the listening.
  let watcher: Watcher | null = null;
  let changedWhileLoading = false;
  let refreshing: ReturnType<typeof setTimeout> | undefined;
  const onStorageChanged = (_changes: unknown, area: string) => {
    if (area !== 'local') return;
    if (!watcher) {
      changedWhileLoading = true;
      return;
    }
    if (refreshing !== undefined) return;
    refreshing = setTimeout(() => {
      refreshing = undefined;
      refresh();
    }, 50);
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(refreshing);
      browser.storage.onChanged.removeListener(onStorageChanged);
    },
    { once: true },
  );

  const state = await pageState(send, signal);
  if (!state || signal.aborted) return;
  let detector = state.detector;

  const sendStats = throttle((stats: WatcherStats) => {
    const message: TabStatsMessage = { type: 'waspada:tab-stats', ...stats, site: adapter.id };
    send(message).catch(() => {});
  }, STATS_INTERVAL_MS, signal);

  const running = startWatcher({
    adapter,
    assess: remoteAssessor(portTransport((name) => background.connect(name))),
    overlay: createOverlay(document),
    settings: state.settings,
    banner: state.banner,
    hiddenKeys: state.hiddenKeys,
    signal,
    onDismiss: (entry) => sendFeedback(send, 'dismissed', entry),
    onRealJob: (entry) => sendFeedback(send, 'realJob', entry),
    onReport: (report) => openReport(send, report),
    onStats: sendStats,
  });
  watcher = running;

  // Settings, feedback, an NGO profile or rule pack stored elsewhere (options page, popup, another tab, the
  // background's updates): the background reads them again; new rules mean every post is assessed again.
  function refresh() {
    requestPageState(send)
      .then((next) => {
        if (signal.aborted) return;
        running.updateHiddenKeys(next.hiddenKeys);
        running.updateSettings(next.settings, next.banner);
        if (next.detector !== detector) {
          detector = next.detector;
          running.reassess();
        }
      })
      .catch(() => {});
  }
  if (changedWhileLoading) refresh();
  lifetime.onLocationChange(() => running.rescan());
}

/** The page state, asked again a couple of times while the background starts; undefined when it never answers. */
async function pageState(send: SendMessage, signal: AbortSignal): Promise<PageState | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestPageState(send);
    } catch {
      const wait = PAGE_STATE_RETRIES_MS[attempt];
      if (wait === undefined || signal.aborted) return undefined;
      await new Promise((done) => setTimeout(done, wait));
    }
  }
}

/** Default Report handler. The report flow is a later issue: nothing receives this message yet, so failures are ignored. */
function openReport(send: SendMessage, report: OpenReportMessage): void {
  send(report).catch(() => {});
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
