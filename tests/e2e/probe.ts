/**
 * Runs INSIDE the fixture page (main world), bundled with the site adapters by harness.ts: the test reads the page
 * through the same adapter the extension uses, so expectations can be keyed by the site's own post ids.
 * Test-only: it reads the page and Waspada's public marks (the <waspada-alert> hosts and data-waspada-level), nothing else.
 */
import type { SiteAdapter } from '../../src/sites/types';

export interface ProbedPost {
  id: string | null;
  /** `<waspada-alert>` hosts inside the post or right before it. */
  banners: number;
  bannerLevel: string | null;
  textLevel: string | null;
}

export interface Probe {
  posts(): ProbedPost[];
  /** Banners in the page that belong to no post. */
  strayBanners(): number;
  /** Id of the post whose banner has keyboard focus. */
  focusedBannerPost(): string | null;
  /** Scrolls the post's text into view and returns the middle of its first line, in viewport pixels. */
  textPoint(id: string): { x: number; y: number } | null;
  /** Ids of posts whose text, scrolled into view, is covered by something at its first line. */
  coveredTexts(): string[];
  /** Id of the post whose text received the last click on the page, or null. */
  lastClickedPost(): string | null;
  /** Widest horizontal overflow of the document with banners shown minus with banners hidden. */
  overflowFromBanners(): number;
}

declare global {
  interface Window {
    __waspadaProbe?: Probe;
  }
}

const hostsOf = (post: Element) => {
  const hosts = [...post.querySelectorAll('waspada-alert')];
  if (post.previousElementSibling?.localName === 'waspada-alert') hosts.push(post.previousElementSibling);
  return hosts;
};

export function installProbe(adapters: readonly SiteAdapter[], adapterId: string): void {
  const adapter = adapters.find((candidate) => candidate.id === adapterId);
  if (!adapter) throw new Error(`No adapter ${adapterId}`);
  const posts = () => adapter.findPosts(document);
  const byId = (id: string) => posts().find((post) => adapter.postId(post) === id) ?? null;
  let lastClicked: string | null = null;
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Node;
      const post = posts().find((candidate) => adapter.textElement(candidate)?.contains(target));
      lastClicked = post ? adapter.postId(post) : null;
    },
    true,
  );

  function firstLinePoint(text: Element): { x: number; y: number } | null {
    text.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(text);
    const line = [...range.getClientRects()].find((rect) => rect.width > 4 && rect.height > 4) ?? text.getBoundingClientRect();
    if (line.width === 0) return null;
    return { x: Math.round(line.left + Math.min(line.width / 2, 40)), y: Math.round(line.top + line.height / 2) };
  }

  window.__waspadaProbe = {
    posts: () =>
      posts().map((post) => {
        const hosts = hostsOf(post);
        return {
          id: adapter.postId(post),
          banners: hosts.length,
          bannerLevel: hosts[0]?.getAttribute('level') ?? null,
          textLevel: adapter.textElement(post)?.getAttribute('data-waspada-level') ?? null,
        };
      }),
    strayBanners: () => document.querySelectorAll('waspada-alert').length - posts().reduce((sum, post) => sum + hostsOf(post).length, 0),
    focusedBannerPost() {
      const focused = document.activeElement;
      if (focused?.localName !== 'waspada-alert') return null;
      const post = posts().find((candidate) => hostsOf(candidate).includes(focused));
      return post ? adapter.postId(post) : null;
    },
    textPoint(id) {
      const text = byId(id) && adapter.textElement(byId(id)!);
      return text ? firstLinePoint(text) : null;
    },
    coveredTexts() {
      const covered: string[] = [];
      for (const post of posts()) {
        const text = adapter.textElement(post);
        const point = text && firstLinePoint(text);
        if (!text || !point) continue;
        const hit = document.elementFromPoint(point.x, point.y);
        if (!hit || !text.contains(hit)) covered.push(adapter.postId(post) ?? '(no id)');
      }
      return covered;
    },
    lastClickedPost: () => lastClicked,
    overflowFromBanners() {
      const width = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;
      const shown = width();
      const hosts = [...document.querySelectorAll<HTMLElement>('waspada-alert')];
      for (const host of hosts) host.style.setProperty('display', 'none', 'important');
      const hidden = width();
      for (const host of hosts) host.style.removeProperty('display');
      return shown - hidden;
    },
  };
}
