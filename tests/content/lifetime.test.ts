import { describe, expect, it } from 'vitest';
import { pageLifetime } from '../../src/content/lifetime';

/** A page whose extension and URL the test controls, with a timer it ticks by hand. */
function fakePage() {
  const state = { alive: true, url: 'https://web.telegram.org/a/#-1001', ticks: [] as Array<() => void>, stopped: 0 };
  const options = {
    isExtensionAlive: () => state.alive,
    currentUrl: () => state.url,
    setInterval: (callback: () => void) => {
      state.ticks.push(callback);
      return () => {
        state.stopped++;
      };
    },
  };
  const tick = () => state.ticks.forEach((callback) => callback());
  return { state, options, tick };
}

describe('pageLifetime', () => {
  it('ignores an abort of WXT\'s context while the extension lives (a page can forge it)', () => {
    const page = fakePage();
    const wxt = new AbortController();
    const lifetime = pageLifetime(wxt.signal, page.options);
    wxt.abort();
    page.tick();
    expect(lifetime.signal.aborted).toBe(false);
  });

  it('ends at WXT\'s abort when the extension is really gone, and stops its timer', () => {
    const page = fakePage();
    const wxt = new AbortController();
    const lifetime = pageLifetime(wxt.signal, page.options);
    page.state.alive = false;
    wxt.abort();
    expect(lifetime.signal.aborted).toBe(true);
    expect(page.state.stopped).toBe(1);
  });

  it('ends on its own timer when the extension was disabled or removed without a newer script starting', () => {
    const page = fakePage();
    const lifetime = pageLifetime(new AbortController().signal, page.options);
    page.tick();
    expect(lifetime.signal.aborted).toBe(false);
    page.state.alive = false;
    page.tick();
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('starts ended when the extension is already gone', () => {
    const page = fakePage();
    page.state.alive = false;
    expect(pageLifetime(new AbortController().signal, page.options).signal.aborted).toBe(true);
  });

  it('reports single-page-app navigation once per URL change, also after a forged abort', () => {
    const page = fakePage();
    const wxt = new AbortController();
    const lifetime = pageLifetime(wxt.signal, page.options);
    const seen: string[] = [];
    lifetime.onLocationChange(() => seen.push(page.state.url));
    page.tick();
    wxt.abort();
    page.state.url = 'https://web.telegram.org/a/#-1002';
    page.tick();
    page.tick();
    expect(seen).toEqual(['https://web.telegram.org/a/#-1002']);
  });
});
