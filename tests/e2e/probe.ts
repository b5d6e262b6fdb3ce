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
  /**
   * The site re-renders every post from its own state, as React does: new nodes with the same content, and anything
   * the site did not put there (our banners, our level marks) gone. Returns the ids of the posts re-rendered.
   */
  rerender(): string[];
  /** Writes a `<waspada-alert level="high">` of the page's own into each post's text block, as a forger would. */
  forgeBanners(ids: string[]): void;
}

declare global {
  interface Window {
    __waspadaProbe?: Probe;
  }
}

/**
 * Each `<waspada-alert>` belongs to one post: the innermost post holding it, or the post right after it (a banner
 * placed before its post). A comment's banner is the comment's, not its parent post's.
 */
function ownersOfBanners(posts: readonly Element[]): Map<Element, Element[]> {
  const owners = new Map<Element, Element[]>(posts.map((post) => [post, []]));
  for (const host of document.querySelectorAll('waspada-alert')) {
    let owner: Element | undefined;
    for (const post of posts) if (post.contains(host) && (!owner || owner.contains(post))) owner = post;
    const next = host.nextElementSibling;
    if (!owner && next && owners.has(next)) owner = next;
    if (owner) owners.get(owner)!.push(host);
  }
  return owners;
}

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
    posts: () => {
      const all = posts();
      const owners = ownersOfBanners(all);
      return all.map((post) => {
        const hosts = owners.get(post)!;
        return {
          id: adapter.postId(post),
          banners: hosts.length,
          bannerLevel: hosts[0]?.getAttribute('level') ?? null,
          textLevel: adapter.textElement(post)?.getAttribute('data-waspada-level') ?? null,
        };
      });
    },
    strayBanners: () => {
      const owned = [...ownersOfBanners(posts()).values()].reduce((sum, hosts) => sum + hosts.length, 0);
      return document.querySelectorAll('waspada-alert').length - owned;
    },
    focusedBannerPost() {
      const focused = document.activeElement;
      if (focused?.localName !== 'waspada-alert') return null;
      const post = [...ownersOfBanners(posts())].find(([, hosts]) => hosts.includes(focused))?.[0];
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
    forgeBanners(ids) {
      for (const id of ids) {
        const text = byId(id) && adapter.textElement(byId(id)!);
        if (!text?.parentElement) continue;
        const fake = document.createElement('waspada-alert');
        fake.setAttribute('level', 'high');
        fake.textContent = 'Fake warning written by the page';
        text.parentElement.insertBefore(fake, text);
      }
    },
    rerender() {
      const all = posts();
      const outermost = all.filter((post) => !all.some((other) => other !== post && other.contains(post)));
      for (const post of outermost) {
        const fresh = post.cloneNode(true) as Element;
        for (const host of fresh.querySelectorAll('waspada-alert')) host.remove();
        for (const marked of fresh.querySelectorAll('[data-waspada-level]')) marked.removeAttribute('data-waspada-level');
        post.replaceWith(fresh);
      }
      return outermost.map((post) => adapter.postId(post) ?? '(no id)');
    },
  };
}
