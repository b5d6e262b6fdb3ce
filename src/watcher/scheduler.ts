/** Runs a slice of work later. Returns a function that cancels it. Injected so tests drive slices by hand. */
export type Scheduler = (slice: () => void) => () => void;

type IdleWindow = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Idle time when the browser has some, at the latest after `timeoutMs` so a busy feed still gets its banners.
 * Falls back to a timer where requestIdleCallback is missing (Safari-like engines).
 */
export function idleScheduler(win: IdleWindow = globalThis as IdleWindow, timeoutMs = 150): Scheduler {
  return (slice) => {
    if (win.requestIdleCallback && win.cancelIdleCallback) {
      const handle = win.requestIdleCallback(slice, { timeout: timeoutMs });
      return () => win.cancelIdleCallback?.(handle);
    }
    const handle = win.setTimeout(slice, 16);
    return () => win.clearTimeout(handle);
  };
}
