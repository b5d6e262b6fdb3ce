import { browser } from 'wxt/browser';

/** How long Waspada runs on a page, and where the page is. */
export interface PageLifetime {
  /** Aborts only when the extension itself is gone (updated, reloaded, disabled or removed). */
  signal: AbortSignal;
  /** Calls `handler` after the page's URL changed without a new document (single-page apps). */
  onLocationChange(handler: () => void): void;
}

export interface PageLifetimeOptions {
  /** Whether the extension behind this content script still exists: its runtime id is gone once it is not. */
  isExtensionAlive?: () => boolean;
  currentUrl?: () => string;
  /** How often to look at both; a property read each, nothing more. */
  intervalMs?: number;
  setInterval?: (callback: () => void, ms: number) => () => void;
}

/**
 * The content script's lifetime, owned by us rather than by WXT's ContentScriptContext.
 *
 * WXT 0.20 aborts `ctx.signal` when `document` receives a CustomEvent named
 * `<runtime id>:<entrypoint>:wxt:content-script-started` with another instance's id. That name is public (the id is in
 * the store listing, the gecko id in the manifest), so any page can send it and would switch Waspada off. So WXT's
 * abort is only a hint: we stop when the runtime is really gone, checked at that hint and on a slow timer (which also
 * catches a disabled or removed extension, where no newer script ever sends the event). SPA navigation is watched on
 * the same timer instead of `ctx.addEventListener(window, 'wxt:locationchange')`, which dies with `ctx.signal`.
 */
export function pageLifetime(wxtSignal: AbortSignal, options: PageLifetimeOptions = {}): PageLifetime {
  const {
    isExtensionAlive = () => browser.runtime?.id != null,
    currentUrl = () => location.href,
    intervalMs = 1000,
    setInterval: every = (callback, ms) => {
      const handle = globalThis.setInterval(callback, ms);
      return () => globalThis.clearInterval(handle);
    },
  } = options;
  const controller = new AbortController();
  const locationHandlers: Array<() => void> = [];
  let lastUrl = currentUrl();

  const stopIfGone = () => {
    if (controller.signal.aborted || isExtensionAlive()) return false;
    controller.abort();
    return true;
  };
  const stopTimer = every(() => {
    if (stopIfGone()) return;
    const url = currentUrl();
    if (url === lastUrl) return;
    lastUrl = url;
    for (const handler of locationHandlers) handler();
  }, intervalMs);
  controller.signal.addEventListener('abort', stopTimer, { once: true });
  wxtSignal.addEventListener('abort', stopIfGone, { once: true });
  stopIfGone();

  return {
    signal: controller.signal,
    onLocationChange(handler) {
      locationHandlers.push(handler);
    },
  };
}
