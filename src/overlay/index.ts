import { h, render } from 'preact';
import type { Assessment } from '../detect/types';
import { Banner, type BannerActions, type BannerKit } from './banner';
import { topReasons } from './reasons';
import { BANNER_CSS } from './styles';

export type { BannerActions, BannerKit, BannerOrganisation } from './banner';

/** Tag of the banner host: the contract for tests and outside checks (`<waspada-alert level="high">`). */
export const BANNER_TAG = 'waspada-alert';

export interface BannerSlot {
  parent: Element;
  before: Node | null;
}

export interface BannerContent {
  assessment: Assessment;
  /** The post's text the assessment was made on (evidence offsets point into it). */
  text: string;
  /** Strings and channels in the user's language (see ./kit.ts). */
  kit: BannerKit;
  actions: BannerActions;
}

export interface Overlay {
  /** Shows or updates the post's banner at `slot`; re-attaches it if the site removed it. One host per post. */
  show(post: Element, slot: BannerSlot, content: BannerContent): Element;
  /**
   * Removes the post's banner. With its `slot`, also removes banner hosts there that this overlay does not own (copied
   * by the site with the post's nodes, or placed by the page), so an unflagged post never carries one.
   */
  hide(post: Element, slot?: BannerSlot): void;
  /** Removes banners whose post has left the document (a banner placed before its post outlives it otherwise). */
  prune(): void;
  /** Removes every banner this overlay made. */
  clear(): void;
  /** The host showing the post's banner, if any. */
  hostOf(post: Element): Element | undefined;
  /** Whether `element` is a banner host this overlay made (not one the page wrote). */
  owns(element: Element): boolean;
}

interface HostRecord {
  host: HTMLElement;
  mount: HTMLElement;
}

// Closed roots keep the page from reading or driving the banner; tests reach them through this map only.
const shadowRoots = new WeakMap<Element, ShadowRoot>();

/** The banner's closed shadow root, for tests in this realm. The page has no way to call this. */
export function shadowRootOf(host: Element): ShadowRoot | undefined {
  return shadowRoots.get(host);
}

export function createOverlay(doc: Document = document): Overlay {
  const records = new Map<Element, HostRecord>();
  const postOfHost = new WeakMap<Element, Element>();

  function createHost(level: string): HostRecord {
    const host = doc.createElement(BANNER_TAG);
    host.setAttribute('level', level);
    // attachShadow works on any valid custom-element name without customElements.define (absent in Chrome content scripts).
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = BANNER_CSS;
    const mount = doc.createElement('div');
    root.append(style, mount);
    shadowRoots.set(host, root);
    return { host, mount };
  }

  /** Removes hosts left by an earlier instance of the content script (extension update) or copied by the site. */
  function removeStrays(slot: BannerSlot, keep: Element | null): Node | null {
    let before = slot.before;
    for (const child of Array.from(slot.parent.children)) {
      if (child.localName !== BANNER_TAG || child === keep || isOwnedByLivePost(child)) continue;
      if (child === before) before = child.nextSibling;
      child.remove();
    }
    return before;
  }

  /** Hosts inside the post that no live post owns: copies the site made of a flagged post's nodes, or the page's fakes. */
  function removeForeignHosts(post: Element) {
    for (const host of Array.from(post.getElementsByTagName(BANNER_TAG))) if (!isOwnedByLivePost(host)) host.remove();
  }

  function isOwnedByLivePost(host: Element): boolean {
    const post = postOfHost.get(host);
    return !!post && post.isConnected && records.get(post)?.host === host;
  }

  function destroy(record: HostRecord) {
    render(null, record.mount);
    record.host.remove();
  }

  return {
    show(post, slot, content) {
      const level = content.assessment.level === 'high' ? 'high' : 'caution';
      let record = records.get(post);
      if (!record) {
        record = createHost(level);
        records.set(post, record);
        postOfHost.set(record.host, post);
      }
      const { host, mount } = record;
      if (host.getAttribute('level') !== level) host.setAttribute('level', level);
      const inPlace = host.parentNode === slot.parent && (slot.before === host || host.nextSibling === slot.before);
      if (!inPlace) {
        slot.parent.insertBefore(host, removeStrays(slot, host));
      }
      removeForeignHosts(post);
      render(h(Banner, { level, reasons: topReasons(content.assessment, content.text), kit: content.kit, actions: content.actions }), mount);
      return host;
    },
    hide(post, slot) {
      const record = records.get(post);
      if (record) {
        records.delete(post);
        destroy(record);
      }
      if (slot) removeStrays(slot, null);
      removeForeignHosts(post);
    },
    prune() {
      for (const [post, record] of records) {
        if (post.isConnected) continue;
        records.delete(post);
        destroy(record);
      }
    },
    clear() {
      for (const record of records.values()) destroy(record);
      records.clear();
    },
    hostOf: (post) => records.get(post)?.host,
    owns: (element) => isOwnedByLivePost(element),
  };
}
