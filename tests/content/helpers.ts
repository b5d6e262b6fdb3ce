import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Runs `change` when storage.local is first asked for `key`, before answering: a change saved elsewhere (another tab,
 * the background) while the content script is still loading, after some of its reads and before others. Undo with
 * vi.restoreAllMocks().
 */
export function whileReading(key: string, change: () => Promise<unknown>): void {
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  let done = false;
  vi.spyOn(local, 'get').mockImplementation((async (keys?: unknown) => {
    const asked = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : [];
    if (!done && asked.includes(key)) {
      done = true;
      await change();
    }
    return get(keys as string);
  }) as typeof local.get);
}
